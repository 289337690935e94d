import 'server-only';
import { formatWithZone } from '@/lib/domain/time';
import { describeDevice } from '@/lib/domain/user-agent';
import { listSessions } from '@/lib/server/sessions/list-sessions';

/** The account page: the signed-in devices, described and dated in the user's zone, this one marked. */
export async function loadAccountPage(user: { id: string; timeZone: string; sessionId: string }, now = new Date()) {
  const sessions = (await listSessions(user.id, now)).map((session) => ({
    id: session.id,
    device: describeDevice(session.userAgent),
    lastSeen: formatWithZone(session.lastSeenAt, user.timeZone),
    isCurrent: session.id === user.sessionId,
  }));
  return { sessions };
}
