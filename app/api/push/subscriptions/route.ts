import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { deletePushSubscription } from '@/lib/server/push/delete-push-subscription';
import { isSameOriginRequest } from '@/lib/server/push/same-origin';
import { savePushSubscription } from '@/lib/server/push/save-push-subscription';
import { pushEndpointSchema, pushSubscriptionSchema } from '@/lib/server/push/subscription-schema';
import { getCurrentUser } from '@/lib/session';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

type Checked<T> = { ok: true; userId: string; sessionId: string; body: T } | { ok: false; response: NextResponse };

/** Origin, then the user, then the body: nothing is read for a request from another site or nobody. */
async function checkRequest<T>(request: Request, schema: z.ZodType<T>): Promise<Checked<T>> {
  const refuse = (status: number, error: string, extra: Record<string, unknown> = {}) => ({
    ok: false as const,
    response: NextResponse.json({ error, ...extra }, { status, headers: noStore }),
  });
  if (!isSameOriginRequest(request)) return refuse(403, 'This request did not come from Rebound.');
  const user = await getCurrentUser();
  if (!user) return refuse(401, 'Sign in to manage notifications.');
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json'))
    return refuse(415, 'Send the subscription as JSON.');
  const raw: unknown = await request.json().catch(() => undefined);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(
      parsed.error.issues.map((issue) => [issue.path.join('.') || '_', issue.message]),
    );
    return refuse(422, 'That is not a push subscription this browser could have made.', { fieldErrors });
  }
  return { ok: true, userId: user.id, sessionId: user.sessionId, body: parsed.data };
}

/** Subscribes this browser for the signed-in user (or refreshes its keys). */
export async function POST(request: Request) {
  const checked = await checkRequest(request, pushSubscriptionSchema);
  if (!checked.ok) return checked.response;
  try {
    const { id, created } = await savePushSubscription(
      { userId: checked.userId, sessionId: checked.sessionId, userAgent: request.headers.get('user-agent') },
      checked.body,
    );
    return NextResponse.json({ id }, { status: created ? 201 : 200, headers: noStore });
  } catch (error) {
    if (error instanceof ConflictError)
      return NextResponse.json({ error: error.message }, { status: 409, headers: noStore });
    throw error;
  }
}

/** Unsubscribes one of the signed-in user's browsers, by its endpoint. */
export async function DELETE(request: Request) {
  const checked = await checkRequest(request, pushEndpointSchema);
  if (!checked.ok) return checked.response;
  try {
    await deletePushSubscription(checked.userId, checked.body.endpoint);
    return new NextResponse(null, { status: 204, headers: noStore });
  } catch (error) {
    if (error instanceof NotFoundError)
      return NextResponse.json({ error: error.message }, { status: 404, headers: noStore });
    throw error;
  }
}
