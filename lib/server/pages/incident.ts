import 'server-only';
import { getRecovery } from '@/lib/server/recovery/get-recovery';

/** The recovery page: the incident with its interview, steps, messages and follow-up. A missing or foreign id throws NotFoundError. */
export async function loadIncidentPage(userId: string, id: string, now = new Date()) {
  const recovery = await getRecovery(userId, id, now);
  return { recovery };
}
