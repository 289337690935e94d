import 'server-only';
import { getDb } from '@/lib/db';
import { ConflictError } from '@/lib/errors';
import type { PushSubscriptionInput } from './subscription-schema';

export const ENDPOINT_OF_ANOTHER_ACCOUNT =
  'This browser is subscribed for another Rebound account. Turn notifications on again to subscribe it for this one.';

// A user rarely has more than a few browsers; past this the oldest subscriptions go.
export const MAX_SUBSCRIPTIONS_PER_USER = 20;

const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;
const isUniqueViolation = (error: unknown) => errorCode(error) === 'P2002';
const isRecordMissing = (error: unknown) => errorCode(error) === 'P2025';

type Subscriber = { userId: string; sessionId: string; userAgent: string | null };

/**
 * Stores the browser's subscription for the user, or refreshes its keys, and ties it to the
 * session that sent it (a browser signed in again moves to its new session). An endpoint already
 * stored for another user is never moved over (ConflictError): the browser must make a new
 * subscription, which has a new endpoint. The update is scoped by user and the create relies
 * on the unique endpoint, so two accounts racing for one endpoint cannot both win.
 */
export async function savePushSubscription(
  { userId, sessionId, userAgent }: Subscriber,
  input: PushSubscriptionInput,
): Promise<{ id: string; created: boolean }> {
  const db = getDb();
  const data = {
    sessionId,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: userAgent?.slice(0, 512) ?? null,
  };
  const refresh = () =>
    db.pushSubscription
      .update({ where: { endpoint: input.endpoint, userId }, data, select: { id: true } })
      .then((row) => ({ id: row.id, created: false }))
      .catch((error: unknown) => {
        if (isRecordMissing(error)) return null;
        throw error;
      });
  const refreshed = await refresh();
  if (refreshed) return refreshed;
  try {
    const row = await db.pushSubscription.create({
      data: { ...data, userId, endpoint: input.endpoint },
      select: { id: true },
    });
    await pruneOldSubscriptions(userId);
    return { id: row.id, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Taken between the update and the create: by this user's other request, or by someone else.
    const mine = await refresh();
    if (mine) return mine;
    throw new ConflictError(ENDPOINT_OF_ANOTHER_ACCOUNT);
  }
}

async function pruneOldSubscriptions(userId: string): Promise<void> {
  const db = getDb();
  const stale = await db.pushSubscription.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: MAX_SUBSCRIPTIONS_PER_USER,
    select: { id: true },
  });
  if (stale.length) await db.pushSubscription.deleteMany({ where: { userId, id: { in: stale.map((row) => row.id) } } });
}
