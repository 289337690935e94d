import 'server-only';
import { getDb } from '@/lib/db';
import type { ApplicationWarnings } from '@/lib/domain/application-details';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import { findApplicationWarnings } from '@/lib/server/applications/find-application-warnings';

/**
 * What to say before an interview opens a new application: the same company's rejections or
 * silences of the last six months (findApplicationWarnings). Null when there is nothing to say,
 * or when no application would be opened (one was chosen, or an open one has the same company
 * and role and the interview joins it).
 */
export async function findInterviewWarnings(
  userId: string,
  values: { company: string; roleTitle: string; applicationId?: string },
  now = new Date(),
): Promise<ApplicationWarnings | null> {
  if (values.applicationId) return null;
  const [open, warnings] = await Promise.all([
    getDb().application.findFirst({
      where: {
        userId,
        matchKey: applicationMatchKey(values.company, values.roleTitle),
        closedAt: null,
        stage: { kind: 'OPEN' },
      },
      select: { id: true },
    }),
    findApplicationWarnings(userId, { company: values.company, roleTitle: values.roleTitle, now }),
  ]);
  if (open || warnings.recentClosures.length === 0) return null;
  return { sameRole: [], recentClosures: warnings.recentClosures };
}
