import 'server-only';
import { getDb } from '@/lib/db';

/**
 * How many times the employer moved this application's rounds, by hand or by an updated
 * invitation: one grouped statement over all its rounds. Another user's application counts none.
 */
export async function countEmployerReschedules(userId: string, applicationId: string): Promise<number> {
  return getDb().interviewTimeChange.count({
    where: {
      userId,
      requestedBy: { in: ['EMPLOYER', 'INVITATION'] },
      interview: { userId, applicationId },
    },
  });
}
