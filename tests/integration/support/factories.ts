import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';

/** A user of its own for each test, so tests never see each other's rows. */
export async function createTestUser(overrides: { email?: string; name?: string; timeZone?: string } = {}) {
  return getDb().user.create({
    data: {
      email: overrides.email ?? `user-${randomUUID()}@example.test`,
      name: overrides.name ?? 'Test Candidate',
      timeZone: overrides.timeZone ?? 'Europe/London',
    },
  });
}

export async function createTestInterview(
  userId: string,
  overrides: Partial<{ company: string; scheduledStart: Date }> = {},
) {
  return getDb().interview.create({
    data: {
      userId,
      company: overrides.company ?? 'Acme Ltd',
      roleTitle: 'Backend Engineer',
      scheduledStart: overrides.scheduledStart ?? new Date(Date.now() + 86_400_000),
      durationMinutes: 45,
      timeZone: 'Europe/London',
      format: 'IN_PERSON',
      location: '1 High Street, London',
    },
  });
}
