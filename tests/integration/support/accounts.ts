import { randomBytes, randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import { hashPassword } from '@/lib/server/accounts/passwords';

/** An address no other test (or run) uses, so parallel test files never share a user or a throttle key. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID()}@example.test`;
}

/** A client address of its own: the sign-up throttle is per IP, and test files run in parallel. */
export function uniqueIp(): string {
  const [a = 0, b = 0, c = 0] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

/** A user who can sign in: the factory's users have no password. */
export async function createUserWithPassword(overrides: { email?: string; name?: string; password?: string } = {}) {
  const password = overrides.password ?? `Correct horse ${randomUUID()}`;
  const user = await getDb().user.create({
    data: {
      email: overrides.email ?? uniqueEmail(),
      name: overrides.name ?? 'Test Candidate',
      timeZone: 'Europe/London',
      passwordHash: await hashPassword(password),
    },
  });
  return { user, password };
}

export type UserWithPassword = Awaited<ReturnType<typeof createUserWithPassword>>;
