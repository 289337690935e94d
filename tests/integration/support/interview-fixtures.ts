import { getDb } from '@/lib/db';
import { utcToZonedLocal } from '@/lib/domain/time';
import type { Interview } from '@/lib/generated/prisma/client';
import { createInterview } from '@/lib/server/interviews/create-interview';
import { createTestApplication } from './factories';
import { interviewFormSchema, type InterviewFormInput, type InterviewFormValues } from '@/lib/validation/interview';

/** What a filled-in form sends for a video interview: valid as it stands, overridable per field. */
export function interviewInput(overrides: Partial<InterviewFormInput> = {}): InterviewFormInput {
  return {
    company: 'Acme Ltd',
    roleTitle: 'Backend Engineer',
    roundLabel: 'First round',
    date: '2027-03-10',
    startTime: '10:00',
    endTime: '11:00',
    timeZone: 'Europe/London',
    format: 'VIDEO',
    meetingUrl: 'https://meet.example.com/abc-defg-hij',
    contactName: 'Dana Recruiter',
    contactEmail: 'dana@acme.example',
    contactPhone: '+44 20 7946 0000',
    notes: 'Bring questions about the team.',
    ...overrides,
  };
}

/** An in-person variant: address instead of a link, with travel and buffer minutes. */
export function inPersonInput(overrides: Partial<InterviewFormInput> = {}): InterviewFormInput {
  return interviewInput({
    format: 'IN_PERSON',
    location: '1 High Street, London',
    meetingUrl: '',
    travelMinutes: '40',
    bufferMinutes: '10',
    ...overrides,
  });
}

/** The form values exactly as the server action would pass them on: through the shared schema. */
export function parseInterviewForm(input: InterviewFormInput): InterviewFormValues {
  return interviewFormSchema.parse(input);
}

/** The field messages the schema gives for an input it refuses (first message per field). */
export function fieldErrorsFor(input: InterviewFormInput): Record<string, string> {
  const result = interviewFormSchema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.') || 'form'] ??= issue.message;
  return errors;
}

/** Creates an interview the way the app does (schema, then data layer) and returns its stored row. */
export async function createInterviewFromForm(
  userId: string,
  overrides: Partial<InterviewFormInput> = {},
): Promise<Interview> {
  const { id } = await createInterview(userId, parseInterviewForm(interviewInput(overrides)));
  return getDb().interview.findUniqueOrThrow({ where: { id } });
}

/** The date and HH:MM of an instant in UTC, for form inputs relative to "now" (zone: 'UTC'). */
export function utcFormParts(instant: Date): { date: string; startTime: string } {
  const iso = instant.toISOString();
  return { date: iso.slice(0, 10), startTime: iso.slice(11, 16) };
}

type RowOverrides = Partial<
  Pick<
    Interview,
    | 'company'
    | 'roleTitle'
    | 'status'
    | 'durationMinutes'
    | 'format'
    | 'location'
    | 'meetingUrl'
    | 'travelMinutes'
    | 'bufferMinutes'
  >
>;

/**
 * Inserts many interviews in one statement; for list and pagination tests, where going through
 * the form for each row would only make the test slow.
 */
export async function insertInterviews(
  userId: string,
  rows: readonly ({ scheduledStart: Date } & RowOverrides)[],
): Promise<void> {
  // One application holds them all: lists and pages read the interviews, not how they group.
  const application = await createTestApplication(userId);
  await getDb().interview.createMany({
    data: rows.map((row) => ({
      userId,
      applicationId: application.id,
      company: 'Acme Ltd',
      roleTitle: 'Backend Engineer',
      durationMinutes: 60,
      timeZone: 'Europe/London',
      format: 'VIDEO' as const,
      meetingUrl: 'https://meet.example.com/x',
      ...row,
    })),
  });
}

/** Every column of a user's interviews, for "nothing changed" comparisons. */
export function snapshotInterviews(userId: string) {
  return getDb().interview.findMany({ where: { userId }, orderBy: { id: 'asc' } });
}

export function snapshotEvents(userId: string) {
  return getDb().activityEvent.findMany({ where: { userId }, orderBy: { id: 'asc' } });
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Holds a row lock on the interview while `start` begins its calls, and lets go only once
 * `waiters` of them are blocked behind it (at most 10 s): every call has then read the row and
 * none has written it, which makes a read-check-write race happen every time instead of rarely.
 * The embedded database runs one transaction at a time, so there the calls simply run in turn.
 */
export async function whileRowLocked<T>(
  interviewId: string,
  waiters: number,
  start: () => Promise<T>[],
): Promise<PromiseSettledResult<T>[]> {
  let pending: Promise<T>[] = [];
  await getDb().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Interview" WHERE id = ${interviewId} FOR UPDATE`;
      pending = start();
      // A handler attached now keeps a rejection while the lock is held from counting as unhandled.
      for (const call of pending) call.catch(() => undefined);
      if (process.env.REBOUND_DATABASE_MODE === 'embedded') return;
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        // pg_stat_activity is read once per transaction unless the snapshot is cleared.
        await tx.$queryRaw`SELECT 1 AS cleared FROM (SELECT pg_stat_clear_snapshot()) AS cleared`;
        const [row] = await tx.$queryRaw<{ blocked: number }[]>`
          WITH RECURSIVE blocked(pid) AS (
            SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))
            UNION
            SELECT a.pid FROM pg_stat_activity a JOIN blocked b ON b.pid = ANY(pg_blocking_pids(a.pid))
          )
          SELECT count(*)::int AS blocked FROM blocked`;
        if ((row?.blocked ?? 0) >= waiters) return;
        await sleep(20);
      }
    },
    { timeout: 15_000 },
  );
  return Promise.allSettled(pending);
}

/**
 * A zone whose local clock at the instant is far enough from midnight that an interview starting
 * then ends the same day (the form keeps start and end on one day), whenever the tests run.
 */
export function pickZone(instant: Date): string {
  for (const zone of ['UTC', 'Asia/Tokyo', 'America/New_York', 'Australia/Sydney']) {
    const hour = Number(utcToZonedLocal(instant, zone).slice(11, 13));
    if (hour >= 1 && hour <= 21) return zone;
  }
  return 'UTC';
}
