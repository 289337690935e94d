import 'server-only';
import { listStages } from '@/lib/server/applications/list-stages';

/** The stages page: the user's stages in board order, each with how many applications it holds. */
export async function loadApplicationStagesPage(userId: string) {
  const stages = await listStages(userId);
  return { stages };
}
