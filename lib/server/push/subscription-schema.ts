import { z } from 'zod';
import { isAcceptablePushEndpoint } from './push-endpoint';
import { CONTROL_CHARACTER_MESSAGE, isCleanText } from '@/lib/validation/common';

const base64url = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be base64url.`)
    .refine((value) => Buffer.from(value, 'base64url').length === bytes, `${what} must be ${bytes} bytes.`);

/** PushSubscription.toJSON() as a browser sends it. */
// Stored and matched as the browser sent it, so it must be storable: PostgreSQL refuses NUL.
const endpointText = z
  .string()
  .min(1)
  .max(2_048)
  .refine((value) => isCleanText(value), CONTROL_CHARACTER_MESSAGE);

export const pushSubscriptionSchema = z.object({
  endpoint: endpointText.refine(
    isAcceptablePushEndpoint,
    'The push endpoint must be an https address of a push service.',
  ),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    // An uncompressed P-256 point: 0x04, then x and y.
    p256dh: base64url(65, 'keys.p256dh').refine(
      (value) => Buffer.from(value, 'base64url')[0] === 4,
      'keys.p256dh must be an uncompressed P-256 key.',
    ),
    auth: base64url(16, 'keys.auth'),
  }),
});

export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

export const pushEndpointSchema = z.object({ endpoint: endpointText });
