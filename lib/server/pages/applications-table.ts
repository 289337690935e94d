import 'server-only';
import { listApplications } from '@/lib/server/applications/list-applications';
import { listStageChoices } from '@/lib/server/applications/list-stage-choices';
import type { ApplicationTableQuery } from '@/lib/validation/application';

/** The applications table: one page of applications and the user's stages for the filter. */
export async function loadApplicationsTablePage(userId: string, query: ApplicationTableQuery, now = new Date()) {
  const [{ items, nextCursor }, stages] = await Promise.all([
    listApplications(userId, query, now),
    listStageChoices(userId),
  ]);
  return { items, nextCursor, stages };
}
