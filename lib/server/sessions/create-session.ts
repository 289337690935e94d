import 'server-only';
import { getDb } from '@/lib/db';

// Long enough for any real browser's User-Agent; a longer header is someone playing.
const USER_AGENT_MAX_LENGTH = 512;

/** Records a new signed-in device and returns its id, which the session cookie carries. */
export async function createSession(userId: string, userAgent: string | null): Promise<{ id: string }> {
  return getDb().userSession.create({
    data: { userId, userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null },
    select: { id: true },
  });
}
