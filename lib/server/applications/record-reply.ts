import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

/** The employer answered: stamps the application's last reply, which restarts its no-reply clock. */
export async function recordReply(userId: string, applicationId: string, now = new Date()): Promise<{ at: Date }> {
  const { count } = await getDb().application.updateMany({
    where: { id: applicationId, userId },
    data: { lastReplyAt: now },
  });
  if (count === 0) throw new NotFoundError('application');
  return { at: now };
}
