// Deterministic bulk data for the benchmark: `users` ordinary accounts with `interviewsPerUser`
// interviews each, plus one heavy account with `heavyInterviews` interviews and `heavyLessons`
// lessons. Rows are written with INSERT … SELECT over generate_series, a few statements per
// table whatever the size, so 20,000 interviews take seconds. Ids and values follow from the
// row numbers; only the dates move with the day the bench runs, so upcoming and past stay
// upcoming and past.
import { createHash } from 'node:crypto';
import { hash } from '@node-rs/argon2';

export const BENCH_PASSWORD = 'bench password, long enough';

// lib/domain/application-stages.ts DEFAULT_STAGES, as every account gets them.
const STAGES = [
  { name: 'Saved', position: 0, kind: 'OPEN', noReplyDays: null, systemKey: 'SAVED' },
  { name: 'Applied', position: 1, kind: 'OPEN', noReplyDays: 14, systemKey: 'APPLIED' },
  { name: 'Screening', position: 2, kind: 'OPEN', noReplyDays: 7, systemKey: 'SCREENING' },
  { name: 'Interviewing', position: 3, kind: 'OPEN', noReplyDays: 7, systemKey: 'INTERVIEWING' },
  { name: 'Offer', position: 4, kind: 'OPEN', noReplyDays: null, systemKey: 'OFFER' },
  { name: 'Accepted', position: 5, kind: 'CLOSED', noReplyDays: null, systemKey: 'ACCEPTED' },
  { name: 'Rejected', position: 6, kind: 'CLOSED', noReplyDays: null, systemKey: 'REJECTED' },
  { name: 'Withdrawn', position: 7, kind: 'CLOSED', noReplyDays: null, systemKey: 'WITHDRAWN' },
  { name: 'Ghosted', position: 8, kind: 'CLOSED', noReplyDays: null, systemKey: 'GHOSTED' },
];

const ZONES = ['Europe/London', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin'];
const REASONS = [
  'TRAFFIC_TRANSPORT',
  'EMERGENCY',
  'ILLNESS',
  'SCHEDULE_MIXUP',
  'TIMEZONE_ERROR',
  'FORGOT',
  'TECHNICAL_PROBLEM',
  'OTHER',
];

/** A feed token the route accepts (20–64 url-safe characters), derived from the user id. */
export function feedTokenFor(userId) {
  return createHash('sha256').update(`bench-feed:${userId}`).digest('base64url').slice(0, 32);
}

/**
 * The accounts to seed: [{ id, email, interviews, lessons, heavy }]. Lessons of an ordinary user
 * follow from their misses (one in ten past interviews is missed, each with a lesson).
 */
export function planAccounts({
  users,
  interviewsPerUser,
  applicationsPerUser,
  heavyInterviews,
  heavyLessons,
  heavyApplications,
}) {
  const accounts = Array.from({ length: users }, (_, index) => ({
    id: `bench-user-${index + 1}`,
    email: `bench-user-${index + 1}@rebound.test`,
    interviews: interviewsPerUser,
    applications: Math.max(1, Math.min(applicationsPerUser, interviewsPerUser)),
    lessons: null,
    heavy: false,
  }));
  if (heavyInterviews > 0) {
    accounts.push({
      id: 'bench-heavy',
      email: 'bench-heavy@rebound.test',
      interviews: heavyInterviews,
      applications: Math.max(1, Math.min(heavyApplications, heavyInterviews)),
      lessons: heavyLessons,
      heavy: true,
    });
  }
  return accounts;
}

/** Writes the accounts into an empty, migrated database through a pg client, in one transaction. */
export async function seedDatabase(client, accounts) {
  // The app's own argon2id settings; one hash serves every account, which only the bench does.
  const passwordHash = await hash(BENCH_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const existing = await client.query(`SELECT count(*)::int AS n FROM "User" WHERE id LIKE 'bench-%'`);
  if (existing.rows[0].n > 0)
    throw new Error('the database already holds bench accounts: point the bench at an empty database');

  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "timeZone", "calendarFeedToken", "updatedAt")
       SELECT a.id, a.email, 'Bench ' || a.id, $2, a.zone, a.token, now()
       FROM jsonb_to_recordset($1::jsonb) AS a(id text, email text, token text, zone text)`,
      [
        JSON.stringify(
          accounts.map((account, index) => ({
            ...account,
            token: feedTokenFor(account.id),
            zone: ZONES[index % ZONES.length],
          })),
        ),
        passwordHash,
      ],
    );

    // The default pipeline for every user, and `applications` applications spread over its
    // stages (most open, one in five closed), each with the two timeline rows of a move from
    // Applied. Interview n is a round of application n % applications.
    await client.query(
      `INSERT INTO "ApplicationStage" (id, "userId", name, position, kind, "noReplyDays", "systemKey")
       SELECT a.id || '-stage-' || s.position, a.id, s.name, s.position, s.kind::"StageKind", s."noReplyDays", s."systemKey"
       FROM jsonb_to_recordset($1::jsonb) AS a(id text),
            jsonb_to_recordset($2::jsonb) AS s(name text, position int, kind text, "noReplyDays" int, "systemKey" text)`,
      [JSON.stringify(accounts), JSON.stringify(STAGES)],
    );
    await client.query(
      `INSERT INTO "Application" (id, "userId", company, "roleTitle", "matchKey", source, "appliedOn", "stageId",
                                  "closedAt", "closeReason", "createdAt", "updatedAt")
       SELECT a.id || '-app' || k, a.id, 'Company ' || k, 'Role ' || (k % 13),
              'company ' || k || chr(31) || 'role ' || (k % 13),
              (ARRAY['JOB_BOARD','REFERRAL','COMPANY_SITE','RECRUITER','OTHER']::"ApplicationSource"[])[1 + k % 5],
              (date_trunc('day', now()) - (k % 180) * interval '1 day')::date,
              a.id || '-stage-' || (CASE WHEN k % 5 = 4 THEN 5 + k % 4 ELSE k % 5 END),
              CASE WHEN k % 5 = 4 THEN now() - (k % 30) * interval '1 day' END,
              CASE WHEN k % 5 = 4 THEN (ARRAY['OFFER_ACCEPTED','REJECTED','WITHDRAWN','GHOSTED']::"ApplicationCloseReason"[])[1 + k % 4] END,
              now() - (k % 180) * interval '1 day', now()
       FROM jsonb_to_recordset($1::jsonb) AS a(id text, applications int), generate_series(0, a.applications - 1) AS k`,
      [JSON.stringify(accounts)],
    );
    await client.query(
      `INSERT INTO "StageChange" (id, "userId", "applicationId", "fromStageId", "fromStageName", "toStageId", "toStageName", "changedAt", cause)
       SELECT ap.id || '-c0', ap."userId", ap.id, NULL, NULL, ap."userId" || '-stage-1', 'Applied', ap."createdAt", 'USER'::"StageChangeCause"
       FROM "Application" ap WHERE ap."userId" LIKE 'bench-%'
       UNION ALL
       SELECT ap.id || '-c1', ap."userId", ap.id, ap."userId" || '-stage-1', 'Applied', st.id, st.name, ap."createdAt" + interval '5 days', 'USER'::"StageChangeCause"
       FROM "Application" ap JOIN "ApplicationStage" st ON st.id = ap."stageId"
       WHERE ap."userId" LIKE 'bench-%' AND st.position <> 1`,
    );

    // Interviews: number n of a user starts n days from (today − 60 % of the span), so about
    // 60 % are past, at 09:00–16:00 UTC; one past interview in ten was missed, one in twenty-five
    // cancelled, the other past ones completed.
    await client.query(
      `INSERT INTO "Interview" (id, "userId", "applicationId", company, "roleTitle", "roundLabel", "scheduledStart", "durationMinutes", "timeZone",
                                format, location, "meetingUrl", "contactName", "contactEmail", "contactPhone", notes, status,
                                "travelMinutes", "bufferMinutes", "updatedAt")
       SELECT a.id || '-i' || n, a.id, a.id || '-app' || (n % a.applications), 'Company ' || (n % a.applications), 'Role ' || ((n % a.applications) % 13), CASE WHEN n % 3 = 0 THEN 'Round ' || (n % 4 + 1) END,
              date_trunc('day', now()) + ((n - (a.interviews * 6 / 10)) * interval '1 day') / GREATEST(1, a.interviews / 400)
                + ((9 + n % 8) * interval '1 hour'),
              45 + (n % 4) * 15, ($2::text[])[1 + n % $3],
              (ARRAY['IN_PERSON','VIDEO','PHONE']::"InterviewFormat"[])[1 + n % 3],
              CASE WHEN n % 3 = 0 THEN n || ' High Street, Springfield' END,
              CASE WHEN n % 3 = 1 THEN 'https://meet.example.com/bench-' || n END,
              'Recruiter ' || (n % 50), 'recruiter' || (n % 50) || '@company' || (n % 97) || '.example', '+1 555 0100',
              CASE WHEN n % 5 = 0 THEN 'Notes for interview ' || n END,
              (CASE
                 WHEN n >= a.interviews * 6 / 10 THEN 'SCHEDULED'
                 WHEN n % 10 = 3 THEN 'MISSED'
                 WHEN n % 25 = 7 THEN 'CANCELLED'
                 ELSE 'COMPLETED'
               END)::"InterviewStatus",
              CASE WHEN n % 3 = 0 THEN 20 + n % 40 END, CASE WHEN n % 3 = 0 THEN 10 END, now()
       FROM jsonb_to_recordset($1::jsonb) AS a(id text, interviews int, applications int), generate_series(0, a.interviews - 1) AS n`,
      [JSON.stringify(accounts), ZONES, ZONES.length],
    );

    await client.query(
      `INSERT INTO "ActivityEvent" (id, "userId", "interviewId", type, summary, "occurredAt")
       SELECT i.id || '-created', i."userId", i.id, 'CREATED', 'Interview added', i."scheduledStart" - interval '14 days'
       FROM "Interview" i WHERE i."userId" LIKE 'bench-%'`,
    );

    // Every missed interview has a closed recovery with its apology sent.
    await client.query(
      `INSERT INTO "MissedIncident" (id, "userId", "interviewId", kind, "recordedAt", reason, "employerWarned", "recoveryState", "closedAt", outcome, "updatedAt")
       SELECT i.id || '-x', i."userId", i.id, 'MISSED', i."scheduledStart" + interval '20 minutes',
              ($1::text[])[1 + (row_number() OVER (PARTITION BY i."userId" ORDER BY i.id))::int % $2]::"MissReason",
              false, 'CLOSED', i."scheduledStart" + interval '3 days',
              (ARRAY['RESCHEDULED','DECLINED','NO_RESPONSE']::"IncidentOutcome"[])[1 + (length(i.id) % 3)], now()
       FROM "Interview" i WHERE i."userId" LIKE 'bench-%' AND i.status = 'MISSED'`,
      [REASONS, REASONS.length],
    );
    await client.query(
      `INSERT INTO "Message" (id, "userId", "interviewId", "incidentId", kind, channel, recipient, subject, body, status, delivery, "sentAt", "updatedAt")
       SELECT x.id || '-apology', x."userId", x."interviewId", x.id, 'APOLOGY', 'EMAIL', 'recruiter@company.example',
              'Apologies for missing our interview', 'I am sorry I missed our interview. Could we find another time?',
              'SENT', 'SMTP', x."recordedAt" + interval '1 hour', now()
       FROM "MissedIncident" x WHERE x."userId" LIKE 'bench-%'`,
    );

    // Lessons: one per incident for ordinary users; the heavy user has `lessons` of them, the
    // first ones tied to incidents, each with three prevention actions.
    await client.query(
      `WITH numbered AS (
         SELECT x.id AS incident_id, x."userId", x.reason, x."recordedAt",
                row_number() OVER (PARTITION BY x."userId" ORDER BY x.id) AS k
         FROM "MissedIncident" x WHERE x."userId" LIKE 'bench-%'
       ), wanted AS (
         SELECT a.id AS user_id, COALESCE(a.lessons, (SELECT count(*) FROM numbered WHERE numbered."userId" = a.id))::int AS lessons
         FROM jsonb_to_recordset($1::jsonb) AS a(id text, lessons int)
       )
       INSERT INTO "Lesson" (id, "userId", "incidentId", "rootCause", "whatHappened", "reviewedAt", "createdAt", "updatedAt")
       SELECT wanted.user_id || '-l' || g.k, wanted.user_id, numbered.incident_id,
              COALESCE(numbered.reason, ($2::text[])[1 + g.k % $3]::"MissReason"),
              'What happened, lesson ' || g.k || ': the route took longer than planned.',
              CASE WHEN g.k % 2 = 0 THEN now() - interval '3 days' END,
              COALESCE(numbered."recordedAt" + interval '3 days', now() - g.k * interval '1 day'), now()
       FROM wanted CROSS JOIN LATERAL generate_series(1, wanted.lessons) AS g(k)
       LEFT JOIN numbered ON numbered."userId" = wanted.user_id AND numbered.k = g.k`,
      [JSON.stringify(accounts), REASONS, REASONS.length],
    );
    await client.query(
      `INSERT INTO "PreventionAction" (id, "lessonId", text, position)
       SELECT l.id || '-a' || p, l.id, (ARRAY['Leave 30 minutes earlier','Check the route the day before','Set a second alarm'])[p + 1], p
       FROM "Lesson" l, generate_series(0, 2) AS p WHERE l."userId" LIKE 'bench-%'`,
    );
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('COMMIT');
  await client.query('ANALYZE');

  const counts = await client.query(
    `SELECT (SELECT count(*) FROM "User" WHERE id LIKE 'bench-%')::int AS users,
            (SELECT count(*) FROM "Interview" WHERE "userId" LIKE 'bench-%')::int AS interviews,
            (SELECT count(*) FROM "Application" WHERE "userId" LIKE 'bench-%')::int AS applications,
            (SELECT count(*) FROM "MissedIncident" WHERE "userId" LIKE 'bench-%')::int AS incidents,
            (SELECT count(*) FROM "Lesson" WHERE "userId" LIKE 'bench-%')::int AS lessons`,
  );
  return counts.rows[0];
}

/** What the bench needs to address one account's pages: an interview, an incident, a deep cursor. */
export async function describeAccount(client, account) {
  const {
    rows: [upcoming],
  } = await client.query(
    `SELECT id FROM "Interview" WHERE "userId" = $1 AND status = 'SCHEDULED' AND "scheduledStart" > now() ORDER BY "scheduledStart", id LIMIT 1`,
    [account.id],
  );
  const {
    rows: [incident],
  } = await client.query(
    `SELECT id FROM "MissedIncident" WHERE "userId" = $1 ORDER BY "recordedAt" DESC, id DESC LIMIT 1`,
    [account.id],
  );
  // The past list, 100 pages of 25 in, or as deep as the account goes while a full page of 25
  // still follows (so both users' rows render the same number of interviews).
  const {
    rows: [deep],
  } = await client.query(
    `SELECT "scheduledStart", id FROM "Interview" WHERE "userId" = $1 AND "scheduledStart" < now()
     ORDER BY "scheduledStart" DESC, id DESC OFFSET LEAST(2499, GREATEST(0, (SELECT count(*) FROM "Interview" WHERE "userId" = $1 AND "scheduledStart" < now()) - 26)) LIMIT 1`,
    [account.id],
  );
  // The application with the most rounds: its page is the heaviest one the account has.
  const {
    rows: [application],
  } = await client.query(
    `SELECT "applicationId" AS id FROM "Interview" WHERE "userId" = $1 GROUP BY "applicationId" ORDER BY count(*) DESC, "applicationId" LIMIT 1`,
    [account.id],
  );
  // The applications table (last change first), 100 pages of 25 in, or as deep as the account
  // goes while a full page still follows; the cursor as lib/server/applications/list-applications.ts writes it.
  const {
    rows: [deepApplication],
  } = await client.query(
    `SELECT "updatedAt", id FROM "Application" WHERE "userId" = $1
     ORDER BY "updatedAt" DESC, id DESC OFFSET LEAST(2499, GREATEST(0, (SELECT count(*) FROM "Application" WHERE "userId" = $1) - 26)) LIMIT 1`,
    [account.id],
  );
  return {
    ...account,
    applicationId: application?.id ?? null,
    deepApplicationsCursor: deepApplication
      ? Buffer.from(JSON.stringify([deepApplication.updatedAt.toISOString(), deepApplication.id])).toString('base64url')
      : null,
    upcomingInterviewId: upcoming?.id ?? null,
    incidentId: incident?.id ?? null,
    deepCursor: deep ? Buffer.from(`${deep.scheduledStart.toISOString()}|${deep.id}`).toString('base64url') : null,
    feedToken: feedTokenFor(account.id),
  };
}
