import { getDb } from '@/lib/db';
import { RateLimitError, ValidationError } from '@/lib/errors';
import { verifyPassword } from '@/lib/server/passwords';
import { clearThrottle, readThrottle, recordAttempt, signInThrottleKey } from '@/lib/server/throttle';
import { createUserWithPassword } from './support/accounts';

afterAll(() => getDb().$disconnect());

async function fixedAuthenticate(email: string, password: string) {
  const key = signInThrottleKey(email);
  const throttle = await readThrottle(key);
  if (throttle.blocked) throw new RateLimitError('blocked', throttle.retryAt!);
  const counted = await recordAttempt(key);
  if (counted.failures > 5) throw new RateLimitError('blocked', counted.retryAt!);
  const user = await getDb().user.findUnique({ where: { email } });
  if (user && (await verifyPassword(user.passwordHash, password))) {
    await clearThrottle(key);
    return user;
  }
  throw new ValidationError('failed');
}

it.each(Array.from({ length: 10 }, (_, i) => i))('burst %i', async () => {
  const { user, password } = await createUserWithPassword();
  const wrong = Array.from({ length: 8 }, (_, i) => fixedAuthenticate(user.email, `burst guess number ${i}`));
  const outcomes = await Promise.allSettled([...wrong, fixedAuthenticate(user.email, password)]);
  const right = outcomes[8];
  expect(right?.status === 'rejected' ? right.reason : undefined).toBeInstanceOf(RateLimitError);
});
