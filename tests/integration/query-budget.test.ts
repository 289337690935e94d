import { randomUUID } from 'node:crypto';
import { startRelayFor, type startStatementCounter } from '@/bench/lib/statement-counter.mjs';
import { getDb } from '@/lib/db';
import { ROOT_CAUSES, type RootCause } from '@/lib/domain/lesson-rules';
import { HINT_LESSONS_PER_CAUSE } from '@/lib/server/lessons/get-prevention-hints';
import { createCheckInToken } from '@/lib/server/notifications/check-in-tokens';
import { loadAccountPage } from '@/lib/server/pages/account';
import { loadCheckInPage } from '@/lib/server/pages/check-in';
import { loadDashboard } from '@/lib/server/pages/dashboard';
import { loadIncidentPage } from '@/lib/server/pages/incident';
import { loadInterviewPage } from '@/lib/server/pages/interview';
import { loadEditInterviewPage } from '@/lib/server/pages/interview-edit';
import { loadNewInterviewPage } from '@/lib/server/pages/interview-new';
import { loadApplicationPage } from '@/lib/server/pages/application';
import { loadEditApplicationPage, loadNewApplicationPage } from '@/lib/server/pages/application-form';
import { loadProofPage } from '@/lib/server/pages/application-proof';
import { loadApplicationStagesPage } from '@/lib/server/pages/application-stages';
import { loadBoardPage } from '@/lib/server/pages/applications-board';
import { loadApplicationsTablePage } from '@/lib/server/pages/applications-table';
import { parseApplicationTableQuery } from '@/lib/validation/application';
import { ensureTestStages } from './support/factories';
import { loadRecoverPage } from '@/lib/server/pages/interview-recover';
import { loadInterviewsPage } from '@/lib/server/pages/interviews';
import { loadEditLessonPage } from '@/lib/server/pages/lesson-edit';
import { loadLessonsPage, loadPatternsPage, loadReviewPage } from '@/lib/server/pages/lessons';
import { loadNotificationPreferencesPage } from '@/lib/server/pages/notification-preferences';
import { loadNotificationsPage } from '@/lib/server/pages/notifications';
// CSV import (issue 20)
import { createCsvImport } from '@/lib/server/imports/create-csv-import';
import { loadImportsPage } from '@/lib/server/pages/imports';
import { loadCsvImportPage } from '@/lib/server/pages/imports-csv';
import { createSession } from '@/lib/server/sessions/create-session';
import { findSessionUser, type SignedInUser } from '@/lib/server/sessions/find-session-user';
import { interviewListQuerySchema } from '@/lib/validation/interview';
import { parseLessonFilters } from '@/lib/validation/lessons';
import { createTestApplication } from './support/factories';
import { createCalendarImport } from '@/lib/server/imports/create-calendar-import';
import { loadCalendarImportPage } from '@/lib/server/pages/calendar-import';

// Every signed-in page's data: the session read plus the page's loader, counted at the wire by
// the bench's relay (BEGIN/COMMIT and relation loads included). The count must not depend on
// how much history the user has, and stay within the budget.
const STATEMENT_BUDGET = 8;
const DAY_MS = 86_400_000;
const NOW = new Date();
// Lessons concentrated on three causes, so a heavy user has more per cause than the cap.
const LESSON_CAUSES: readonly RootCause[] = ['FORGOT', 'SCHEDULE_MIXUP', 'TIMEZONE_ERROR'];
const HINT_CAP = LESSON_CAUSES.length * HINT_LESSONS_PER_CAUSE;

let relay: Awaited<ReturnType<typeof startStatementCounter>>;

beforeAll(async () => {
  // The relay goes in front of the database before the app's client is first created.
  const started = await startRelayFor(process.env.DATABASE_URL ?? '');
  relay = started.relay;
  process.env.DATABASE_URL = started.url;
});

afterAll(async () => {
  await getDb().$disconnect();
  await relay.close();
});

type Account = {
  claims: { userId: string; sessionVersion: number; sessionId: string };
  user: SignedInUser;
  applicationId: string;
  upcomingId: string;
  missedId: string;
  incidentId: string;
  lessonIds: string[];
  checkInToken: string;
  calendarImportId: string;
};

async function seedAccount(interviews: number, lessons: number, applications: number): Promise<Account> {
  const db = getDb();
  const owner = await db.user.create({
    data: { email: `budget-${randomUUID()}@example.test`, name: 'Budget Tester', timeZone: 'Europe/London' },
  });
  const userId = owner.id;
  const statuses = ['SCHEDULED', 'COMPLETED', 'MISSED', 'CANCELLED'] as const;
  const application = await createTestApplication(userId);
  // More applications across the stages, each with its first timeline row: the pipeline pages'
  // size; the interviews are rounds of the first one (the heaviest application page).
  const stages = await ensureTestStages(userId);
  await db.application.createMany({
    data: Array.from({ length: applications - 1 }, (_, index) => {
      const stage = stages[index % stages.length];
      if (!stage) throw new Error('no stages');
      return {
        id: `${userId}-app-${index}`,
        userId,
        company: `Company ${index}`,
        roleTitle: 'Engineer',
        matchKey: `company ${index}\u001fengineer`,
        stageId: stage.id,
        appliedOn: new Date(NOW.getTime() - (index % 90) * DAY_MS),
        lastReplyAt: index % 3 ? null : new Date(NOW.getTime() - 20 * DAY_MS),
      };
    }),
  });
  await db.stageChange.createMany({
    data: Array.from({ length: applications - 1 }, (_, index) => ({
      userId,
      applicationId: `${userId}-app-${index}`,
      toStageId: stages[index % stages.length]?.id ?? null,
      toStageName: stages[index % stages.length]?.name ?? 'Applied',
      cause: 'USER' as const,
      changedAt: new Date(NOW.getTime() - (index % 60) * DAY_MS),
    })),
  });
  await db.interview.createMany({
    data: Array.from({ length: interviews }, (_, index) => ({
      userId,
      applicationId: application.id,
      company: `Company ${index}`,
      roleTitle: 'Engineer',
      // Half behind, half ahead; every upcoming one is scheduled, the past ones mixed.
      scheduledStart: new Date(NOW.getTime() + (index - interviews / 2 + 0.5) * DAY_MS),
      timeZone: index % 2 ? 'America/New_York' : 'Europe/London',
      format: index % 3 === 0 ? ('IN_PERSON' as const) : ('VIDEO' as const),
      status: index >= interviews / 2 ? ('SCHEDULED' as const) : statuses[index % statuses.length],
      travelMinutes: 30,
      bufferMinutes: 10,
      notes: 'Bring the portfolio',
    })),
  });
  const rows = await db.interview.findMany({
    where: { userId },
    orderBy: { scheduledStart: 'asc' },
    select: { id: true, scheduledStart: true },
  });
  const upcoming = rows.find((row) => row.scheduledStart > NOW);
  const missed = rows[0];
  if (!upcoming || !missed) throw new Error('seed needs past and upcoming interviews');
  const incident = await db.missedIncident.create({
    data: { userId, interviewId: missed.id, reason: 'FORGOT', recoveryState: 'SEND' },
  });
  await db.recoveryStep.create({ data: { userId, incidentId: incident.id, step: 'CALL', status: 'DONE' } });
  await db.rescheduleRequest.create({
    data: { userId, incidentId: incident.id, channel: 'EMAIL', newInterviewId: upcoming.id, status: 'ACCEPTED' },
  });
  for (const interviewId of [missed.id, upcoming.id]) {
    const message = await db.message.create({
      data: { userId, incidentId: incident.id, interviewId, kind: 'APOLOGY', channel: 'EMAIL', body: 'Sorry.' },
    });
    await db.messageRevision.create({ data: { messageId: message.id, body: 'Sorry.' } });
  }
  await db.activityEvent.create({
    data: { userId, interviewId: upcoming.id, type: 'INCIDENT_OPENED', summary: 'Marked as missed' },
  });
  // One notification per interview, each with a delivery: the list shows the latest only.
  for (const [index, row] of rows.entries()) {
    await db.notification.create({
      data: {
        userId,
        kind: 'LEAVE_BY',
        title: `Leave for Company ${index}`,
        body: 'Starts 10:00',
        url: `http://rebound.test/interviews/${row.id}`,
        content: {},
        readAt: index % 2 ? NOW : null,
        deliveries: { create: [{ userId, channel: 'EMAIL', state: index % 5 ? 'SENT' : 'FAILED', attempts: 1 }] },
      },
    });
  }
  const checkInToken = await createCheckInToken(db, userId, missed.id, NOW);
  const lessonIds: string[] = [];
  for (let index = 0; index < lessons; index += 1) {
    // Every fourth lesson's actions are all retired (a habit now); the others still prompt.
    const retiredAt = index % 4 === 3 ? NOW : null;
    const lesson = await db.lesson.create({
      data: {
        userId,
        incidentId: index === 0 ? incident.id : null,
        rootCause: LESSON_CAUSES[index % LESSON_CAUSES.length] ?? 'OTHER',
        whatHappened: `Lesson ${index}`,
        createdAt: new Date(NOW.getTime() - (index + 1) * DAY_MS),
        actions: {
          create: [
            { text: `Action ${index}a`, position: 0, retiredAt },
            { text: `Action ${index}b`, position: 1, retiredAt },
          ],
        },
      },
    });
    lessonIds.push(lesson.id);
  }
  const session = await createSession(userId, 'jest');
  const claims = { userId, sessionVersion: owner.sessionVersion, sessionId: session.id };
  const user = await findSessionUser(claims);
  if (!user) throw new Error('the seeded session does not sign in');
  return {
    claims,
    user,
    applicationId: application.id,
    upcomingId: upcoming.id,
    missedId: missed.id,
    incidentId: incident.id,
    lessonIds,
    checkInToken,
    calendarImportId: await seedCalendarImport(userId, upcoming.id),
  };
}

/** An imported invitation of two events: a later version of the upcoming interview's, and a new one. */
async function seedCalendarImport(userId: string, upcomingId: string) {
  await getDb().interview.update({
    where: { id: upcomingId },
    data: { invitationUid: `budget-${upcomingId}`, invitationSequence: 0 },
  });
  const event = (uid: string, sequence: number) =>
    `BEGIN:VEVENT\r\nUID:${uid}\r\nSEQUENCE:${sequence}\r\nDTSTAMP:20261201T100000Z\r\nDTSTART:20270412T150000Z\r\nDURATION:PT1H\r\nSUMMARY:Company 1 interview\r\nORGANIZER:mailto:hr@company.test\r\nEND:VEVENT\r\n`;
  const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rebound tests//budget//EN\r\nMETHOD:REQUEST\r\n${event(`budget-${upcomingId}`, 1)}${event(`budget-new-${upcomingId}`, 0)}END:VCALENDAR\r\n`;
  const kept = await createCalendarImport(userId, { fileName: 'invite.ics', bytes: Buffer.from(text) });
  if (!kept.ok) throw new Error(kept.message);
  return kept.id;
}

// CSV import (issue 20): each account's import is uploaded on the loader's warm-up call, so the
// measured call is the page alone; its rows are the account's own applications (Company 0…),
// so the dry run finds every one of them.
const csvImports = new Map<string, Promise<string>>();
function csvImportOf(account: Account): Promise<string> {
  let id = csvImports.get(account.user.id);
  if (!id) {
    const count = Math.max(account.lessonIds.length, 3);
    const rows = Array.from({ length: count }, (_, index) => `Company ${index},Engineer,Applied`).join('\n');
    const bytes = new TextEncoder().encode(`Company,Role,Stage\n${rows}\n`);
    id = createCsvImport(account.user, { fileName: 'budget.csv', bytes }).then((created) => {
      if (!created.ok) throw new Error(created.message);
      return created.id;
    });
    csvImports.set(account.user.id, id);
  }
  return id;
}

const pages: Record<string, (account: Account) => Promise<unknown>> = {
  dashboard: ({ user }) => loadDashboard(user, NOW),
  interviews: ({ user }) => loadInterviewsPage(user.id, interviewListQuerySchema.parse({}), NOW),
  interview: ({ user, upcomingId }) => loadInterviewPage(user, upcomingId, NOW),
  'interview edit': ({ user, upcomingId }) => loadEditInterviewPage(user.id, upcomingId),
  'interview new, a round of an application': ({ user, applicationId }) =>
    loadNewInterviewPage(user.id, user.timeZone, applicationId),
  'applications board': ({ user }) => loadBoardPage(user, NOW),
  'applications table': ({ user }) => loadApplicationsTablePage(user.id, parseApplicationTableQuery({}), NOW),
  'applications table, by company': ({ user }) =>
    loadApplicationsTablePage(user.id, parseApplicationTableQuery({ sort: 'company', q: 'Company' }), NOW),
  application: ({ user, applicationId }) => loadApplicationPage(user, applicationId, NOW),
  'application new': ({ user }) => loadNewApplicationPage(user.id),
  'application edit': ({ user, applicationId }) => loadEditApplicationPage(user.id, applicationId),
  'application stages': ({ user }) => loadApplicationStagesPage(user.id),
  'proof of search': ({ user }) =>
    loadProofPage(user, {
      from: new Date(NOW.getTime() - 365 * DAY_MS).toISOString().slice(0, 10),
      to: NOW.toISOString().slice(0, 10),
    }),
  'interview recover': ({ user, missedId }) => loadRecoverPage(user.id, missedId),
  incident: ({ user, incidentId }) => loadIncidentPage(user.id, incidentId, NOW),
  'check-in': ({ user, checkInToken }) => loadCheckInPage(user.id, checkInToken, NOW),
  lessons: ({ user }) => loadLessonsPage(user, parseLessonFilters({}), NOW),
  'lesson edit': ({ user, lessonIds }) => loadEditLessonPage(user.id, lessonIds[0] ?? ''),
  'lessons review': ({ user }) => loadReviewPage(user, undefined, NOW),
  'lessons patterns': ({ user }) => loadPatternsPage(user, NOW),
  notifications: ({ user }) => loadNotificationsPage(user.id),
  'notification preferences': ({ user }) => loadNotificationPreferencesPage(user.id),
  account: ({ user }) => loadAccountPage(user, NOW),
  // Calendar invitation import (issue 20).
  'calendar import review': ({ user, calendarImportId }) =>
    loadCalendarImportPage(user.id, user.timeZone, calendarImportId),
  // ─── CSV import (issue 20) ───
  imports: ({ user }) => loadImportsPage(user.id),
  'csv import mapping step': async (account) => loadCsvImportPage(account.user, await csvImportOf(account)),
};

// ─── Lesson sides: the employer's side in the patterns and the hints ───
// Each account gets, on the loaders' warm-up call, as many employer no-shows, employer moves and
// employer-side lessons as it has lessons (3 or 60), the lessons about the companies of its past
// interviews and of its last upcoming one, so the measured call reads them all.
const employerSides = new Map<string, Promise<string>>();
function employerSideOf(account: Account): Promise<string> {
  let seeded = employerSides.get(account.user.id);
  if (!seeded) {
    seeded = (async () => {
      const db = getDb();
      const userId = account.user.id;
      const count = account.lessonIds.length;
      const past = await db.interview.findMany({
        where: { userId, scheduledStart: { lt: NOW } },
        orderBy: { scheduledStart: 'asc' },
        take: count,
        select: { id: true, company: true, scheduledStart: true },
      });
      const target = await db.interview.findFirst({
        where: { userId, status: 'SCHEDULED', scheduledStart: { gte: NOW } },
        orderBy: { scheduledStart: 'desc' },
        select: { id: true, company: true },
      });
      if (!target || past.length === 0) throw new Error('the seed needs past and upcoming interviews');
      await db.missedIncident.createMany({
        data: past.map((row) => ({
          userId,
          interviewId: row.id,
          kind: 'EMPLOYER_NO_SHOW' as const,
          reason: 'OTHER' as const,
        })),
      });
      await db.interviewTimeChange.createMany({
        data: past.map((row) => ({
          userId,
          interviewId: row.id,
          requestedBy: 'EMPLOYER' as const,
          fromStart: row.scheduledStart,
          toStart: new Date(row.scheduledStart.getTime() + DAY_MS),
          fromDurationMinutes: 60,
          toDurationMinutes: 60,
          fromTimeZone: 'Europe/London',
          toTimeZone: 'Europe/London',
        })),
      });
      // The newest are about the upcoming interview's company: older ones may fall past the cap
      // (EMPLOYER_HINT_LESSONS_MAX), which is the point of it.
      const companies = [...past.map(() => target.company), ...past.map((row) => row.company)];
      for (const [index, company] of companies.entries()) {
        await db.lesson.create({
          data: {
            userId,
            side: 'EMPLOYER',
            company,
            rootCause: 'TECHNICAL_PROBLEM',
            whatHappened: `Employer side ${index}`,
            createdAt: new Date(NOW.getTime() - (index + 1) * DAY_MS),
            actions: { create: [{ text: `Confirm ${index}`, position: 0 }] },
          },
        });
      }
      return target.id;
    })();
    employerSides.set(account.user.id, seeded);
  }
  return seeded;
}
Object.assign(pages, {
  'lessons patterns, with the employer’s side': async (account: Account) => {
    await employerSideOf(account);
    return loadPatternsPage(account.user, NOW);
  },
  'interview, with employer-side lessons about its company': async (account: Account) => {
    const page = await loadInterviewPage(account.user, await employerSideOf(account), NOW);
    if (!page.hints.some((hint) => hint.kind === 'employer-side')) throw new Error('no employer-side hint to measure');
    return page;
  },
});

/** Statements for the session read and the page's loader, and what the loader returned. */
async function measure(account: Account, load: (account: Account) => Promise<unknown>) {
  const before = relay.count;
  const user = await findSessionUser(account.claims, NOW);
  if (!user) throw new Error('signed out');
  const result = await load(account);
  return { statements: relay.count - before, result };
}

function countLessonIds(result: unknown, lessonIds: readonly string[]): number {
  const text = JSON.stringify(result);
  return lessonIds.filter((id) => text.includes(id)).length;
}

describe('the statement budget of every signed-in page', () => {
  let normal: Account;
  let heavy: Account;

  beforeAll(async () => {
    normal = await seedAccount(3, 3, 3);
    heavy = await seedAccount(300, 60, 300);
    // One warm-up per loader: opening pool connections is not a page's cost.
    for (const load of Object.values(pages)) await Promise.all([load(normal), load(heavy)]);
  }, 60_000);

  it.each(Object.keys(pages))(
    '%s: the same count for 3 and for 300 interviews and applications, within the budget',
    async (name) => {
      const load = pages[name];
      if (!load) throw new Error(name);
      const small = await measure(normal, load);
      const large = await measure(heavy, load);
      expect({ name, statements: large.statements }).toEqual({ name, statements: small.statements });
      expect(large.statements).toBeLessThanOrEqual(STATEMENT_BUDGET);
      // What a page carries stays bounded however many lessons there are.
      expect(countLessonIds(large.result, heavy.lessonIds)).toBeLessThanOrEqual(HINT_CAP);
    },
  );

  it('caps the hints per cause and leaves out lessons that became habits', async () => {
    const { nextHints } = await loadDashboard(heavy.user, NOW);
    for (const cause of ROOT_CAUSES) {
      expect(nextHints.filter((hint) => hint.rootCause === cause).length).toBeLessThanOrEqual(HINT_LESSONS_PER_CAUSE);
    }
    expect(nextHints.filter((hint) => hint.rootCause === 'FORGOT')).toHaveLength(HINT_LESSONS_PER_CAUSE);
    const retired = new Set(heavy.lessonIds.filter((_, index) => index % 4 === 3));
    expect(nextHints.some((hint) => retired.has(hint.lessonId))).toBe(false);
    // The newest first: the cap keeps the latest lessons of a cause.
    const forgot = nextHints
      .filter((hint) => hint.rootCause === 'FORGOT')
      .map((hint) => heavy.lessonIds.indexOf(hint.lessonId));
    expect(forgot).toEqual([...forgot].sort((a, b) => a - b));
    expect(forgot[0]).toBe(0);
  });
});
