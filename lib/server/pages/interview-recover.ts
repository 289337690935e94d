import 'server-only';
import { getInterview } from '@/lib/server/interviews/get-interview';

/**
 * The "I missed it" / "running late" page: the interview and the recovery already under way for
 * it, if there is one. A missing or foreign id throws NotFoundError.
 */
export async function loadRecoverPage(userId: string, id: string) {
  const interview = await getInterview(userId, id);
  const openIncident = interview.incidents.find((incident) => incident.recoveryState !== 'CLOSED') ?? null;
  return { interview, openIncident };
}
