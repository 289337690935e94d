/**
 * The access-control matrix: every server action and route handler the app publishes, and how
 * it keeps one user out of another's data.
 *
 * 1. Discovery scans the source (app/, components/, lib/) for what Next.js turns into endpoints:
 *    every export of a file whose first statement is 'use server', every function with an
 *    inline 'use server', and every HTTP-method export of a route file under app/.
 * 2. MATRIX lists each of them by `<file>#<export>`. The test fails when an endpoint is missing
 *    from the matrix, and when the matrix lists one that no longer exists.
 * 3. Each entry is then exercised with two users, A (the victim) and B (the attacker):
 *    - 'takes-id': B, signed in, calls it with A's ids and must get a not-found answer; every
 *      row of A is compared before and after. Signed out, it must be refused.
 *    - 'no-id': acts on the session user only. B calls it with every field an attacker could
 *      add pointing at A (id, userId, email…); A's rows must not change. Signed out, refused.
 *    - 'public': meant for signed-out visitors; the reason says why that is safe, and an
 *      optional attack shows that A's ids in the input change nothing of A.
 */
import { randomUUID } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import {
  changePasswordAction,
  deleteAccountAction,
  revokeAllSessionsAction,
  revokeSessionAction,
  updateProfileAction,
  updateTimeZoneAction,
} from '@/lib/actions/account';
import { forgotPasswordAction, resetPasswordAction, signOutAction, signUpAction } from '@/lib/actions/auth';
import {
  changeInterviewStatusAction,
  createInterviewAction,
  deleteInterviewAction,
  regenerateCalendarFeedAction,
  rescheduleByEmployerAction,
  setPrepItemAction,
  updateInterviewAction,
} from '@/lib/actions/interviews';
import {
  approveDraftAction,
  completePrepAction,
  confirmManualSendAction,
  dismissMessageAction,
  draftFollowUpAction,
  recordAttendedLateAction,
  recordCallAction,
  recordNoShowOutcomeAction,
  recordOutcomeAction,
  resolveNoShowCheckAction,
  saveDraftAction,
  saveLessonAction,
  sendMessageAction,
  skipStepAction,
  startNoShowAction,
  startRecoveryAction,
  stopWaitingAction,
  tickPrepItemAction,
} from '@/lib/actions/incidents';
import {
  addApplicationContactAction,
  changeApplicationStageAction,
  createApplicationAction,
  deleteApplicationAction,
  deleteApplicationContactAction,
  markApplicationGhostedAction,
  recordReplyAction,
  updateApplicationAction,
  updateApplicationContactAction,
} from '@/lib/actions/applications';
import {
  createLessonAction,
  markLessonReviewedAction,
  retirePreventionActionAction,
  updateLessonAction,
} from '@/lib/actions/lessons';
import { addStageAction, moveStageAction, removeStageAction, updateStageAction } from '@/lib/actions/stages';
import {
  applyInvitationUpdateAction,
  cancelFromInvitationAction,
  createInterviewFromInvitationAction,
} from '@/lib/actions/imports-calendar';
import { addHourBeforeReminderAction, silenceReminderAction, unsilenceReminderAction } from '@/lib/actions/reminders';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';
import { silenceInterviewReminder } from '@/lib/server/reminders/interview-reminder-choices';
import { POST as calendarImportPost } from '@/app/api/imports/calendar/route';
import { createCalendarImport } from '@/lib/server/imports/create-calendar-import';
import { GET as exportAccountGet } from '@/app/api/account/export/route';
import { GET as exportLessonsGet } from '@/app/api/lessons/export/route';
import { GET as calendarFeedGet } from '@/app/api/calendar/[token]/route';
import { GET as interviewIcsGet } from '@/app/api/interviews/[id]/ics/route';
import { GET as exportInterviewsGet } from '@/app/api/interviews/export/route';
import { GET as exportApplicationsGet } from '@/app/api/applications/export/route';
import { GET as proofOfSearchGet } from '@/app/api/applications/proof/route';
import { csvRows } from './support/csv';
// CSV import (issue 20)
import { POST as csvUploadPost } from '@/app/api/imports/csv/route';
import { GET as csvSkippedGet } from '@/app/api/imports/csv/[id]/skipped/route';
import { confirmCsvImportAction, saveCsvImportOptionsAction } from '@/lib/actions/imports';
import { createCsvImport } from '@/lib/server/imports/create-csv-import';
import { GET as healthGet } from '@/app/api/health/route';
import { GET as pushPublicKeyGet } from '@/app/api/push/public-key/route';
import { DELETE as pushSubscriptionDelete, POST as pushSubscriptionPost } from '@/app/api/push/subscriptions/route';
import { GET as unsubscribeGet, POST as unsubscribePost } from '@/app/api/unsubscribe/[token]/route';
import {
  confirmCheckInAction,
  markNotificationsReadAction,
  saveNotificationPreferencesAction,
} from '@/lib/actions/notifications';
import { REMINDER_KINDS } from '@/lib/domain/reminders';
import { createCheckInToken } from '@/lib/server/notifications/check-in-tokens';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import type { User } from '@/lib/generated/prisma/client';
import { EMAIL_TAKEN } from '@/lib/server/accounts/create-account';
import { RESET_LINK_INVALID } from '@/lib/server/accounts/reset-password';
import { startRecovery } from '@/lib/server/recovery/start-recovery';
import { savePushSubscription } from '@/lib/server/push/save-push-subscription';
import { createSession } from '@/lib/server/sessions/create-session';
import { requireUser } from '@/lib/session';
import { createUserWithPassword, uniqueEmail, uniqueIp } from './support/accounts';
import { discoverEndpoints, findEndpoints } from './support/endpoint-discovery';
import { signInAs } from './support/session';
import { createTestApplication, createTestInterview, createTestUser, ensureTestStages } from './support/factories';
import { createBrowserKeys } from './support/push-service';
import { moveApplicationAction, undoMoveAction } from '@/lib/actions/board';
import { recordArrivedLateAction, recordLateNoticeAction, sendLateNoticeAction } from '@/lib/actions/late-notices';
import { listExportedIds, seedUserData, snapshotAccount, type SeededUserData } from './support/seed';

// The session is whatever the test says: a user whose cookie is valid, or nobody. The rest of
// the session check (cookie → user, stale sessionVersion → null) is still the real findSessionUser.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
// Outside a request next/headers and revalidatePath throw; the actions only need an IP and a no-op.
jest.mock('next/headers', () => ({ headers: jest.fn(), cookies: jest.fn() }));
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));
// Work a server action defers until after its answer (next/server's after) runs at once here.
jest.mock('next/server', () => ({ ...jest.requireActual('next/server'), after: (task: () => unknown) => task() }));

const db = getDb();

// ─── Two users and a session ────────────────────────────────────────────────────────────────

type Party = { user: User; password: string; seed: SeededUserData };
type AttackContext = { victim: Party; attacker: Party };
type RecordIds = Record<string, string>;

async function createParty(): Promise<Party> {
  const { user, password } = await createUserWithPassword();
  return { user, password, seed: await seedUserData(user.id) };
}

type RequestHeaders = Awaited<ReturnType<typeof headers>>;

beforeEach(() => {
  signInAs(null);
  // Its own address per test: the sign-up throttle is per IP.
  jest
    .mocked(headers)
    .mockResolvedValue(new Headers({ 'x-rebound-client-ip': uniqueIp() }) as unknown as RequestHeaders);
});

// ─── Outcomes ───────────────────────────────────────────────────────────────────────────────

type Outcome = { threw: true; error: unknown } | { threw: false; value: unknown };

async function capture(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { threw: false, value: await call() };
  } catch (error) {
    return { threw: true, error };
  }
}

const digestOf = (error: unknown) =>
  typeof error === 'object' && error !== null && 'digest' in error && typeof error.digest === 'string'
    ? error.digest
    : '';

const isFailedResult = (value: unknown): value is { ok: false; message: string } =>
  typeof value === 'object' &&
  value !== null &&
  'ok' in value &&
  value.ok === false &&
  'message' in value &&
  typeof value.message === 'string';

// NotFoundError's wording ("That interview does not exist."), for actions that return it as a result.
const NOT_FOUND_MESSAGE = /^That .+ does not exist\.$/;

/** A missing record, however the endpoint says it: NotFoundError, notFound(), a 404, or { ok: false } with the same words. */
function isNotFound(outcome: Outcome, notFoundMessage?: string): boolean {
  if (outcome.threw)
    return outcome.error instanceof NotFoundError || digestOf(outcome.error).startsWith('NEXT_HTTP_ERROR_FALLBACK;404');
  if (outcome.value instanceof Response) return outcome.value.status === 404;
  if (!isFailedResult(outcome.value)) return false;
  return NOT_FOUND_MESSAGE.test(outcome.value.message) || outcome.value.message === notFoundMessage;
}

/** A signed-out caller sent to sign-in (pages, actions) or answered 401 (route handlers). */
function isSignInRefusal(outcome: Outcome): boolean {
  if (outcome.threw) return /^NEXT_REDIRECT;[^;]*;\/sign-in\?/.test(digestOf(outcome.error));
  return outcome.value instanceof Response && outcome.value.status === 401;
}

function describeOutcome(outcome: Outcome): string {
  if (outcome.threw)
    return `threw ${outcome.error instanceof Error ? `${outcome.error.name}: ${outcome.error.message}` : String(outcome.error)}`;
  if (outcome.value instanceof Response) return `answered HTTP ${outcome.value.status}`;
  return `returned ${JSON.stringify(outcome.value)}`;
}

// ─── The matrix ─────────────────────────────────────────────────────────────────────────────

type MatrixEntry =
  | {
      kind: 'takes-id';
      /** Creates the victim's record(s) the endpoint acts on; returns the ids the attacker will use. */
      seed: (victim: User) => Promise<RecordIds>;
      /** Calls the endpoint with those ids, exactly as a browser or API client would. */
      call: (ids: RecordIds) => Promise<unknown>;
      /** When the action words "not found" its own way in an { ok: false } result. */
      notFoundMessage?: string;
    }
  | {
      kind: 'no-id';
      reason: string;
      /** Runs signed in as the attacker, with the victim's ids in every field it could add; asserts on the attacker's own result. */
      attack: (ctx: AttackContext) => Promise<void>;
      /** The same kind of call with nobody signed in; must be refused. */
      callSignedOut: (ctx: AttackContext) => Promise<unknown>;
    }
  | {
      kind: 'public';
      reason: string;
      /** Optional: runs signed out, with the victim's ids in the input; the victim's rows must not change. */
      attack?: (ctx: AttackContext) => Promise<void>;
    };

/** Every field an attacker might add to an action's input to point it at someone else's account. */
const pointAt = (victim: Party) => ({
  id: victim.user.id,
  userId: victim.user.id,
  email: victim.user.email,
  ownerId: victim.user.id,
});

/*
 * One entry per endpoint, keyed `<file relative to the project root>#<export>`.
 *
 * Adding an action that takes a record id (the interview and incident issues will), e.g.:
 *
 *   'lib/actions/interviews.ts#markInterviewMissedAction': {
 *     kind: 'takes-id',
 *     seed: async (victim) => ({ interviewId: (await createTestInterview(victim.id)).id }),
 *     call: (ids) => markInterviewMissedAction({ interviewId: ids.interviewId, reason: 'OTHER' }),
 *   },
 *
 * Import the action at the top like the others. The runner below seeds the victim's record,
 * signs the attacker in, calls `call` with the victim's ids and expects a not-found answer
 * (NotFoundError, notFound(), a 404 Response, or { ok: false } with NotFoundError's message or
 * the entry's `notFoundMessage`, for an action that words it its own way);
 * every row of the victim is compared before and after. It also calls it signed out and
 * expects a redirect to sign-in (actions) or a 401 (route handlers). A route handler with a
 * dynamic segment is called the way Next.js calls it:
 *   call: (ids) => GET(new Request(`http://test/api/interviews/${ids.interviewId}`), { params: Promise.resolve({ id: ids.interviewId }) })
 */
const futureDate = () => new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
const interviewForm = () => ({
  company: 'Mallory Corp',
  roleTitle: 'Spy',
  date: futureDate(),
  startTime: '10:00',
  endTime: '11:00',
  timeZone: 'UTC',
  format: 'VIDEO',
  meetingUrl: 'https://meet.example/mallory',
});
/** The victim's application in Applied, with a contact; the stage id is one of the victim's. */
const seedApplication = async (victim: User) => {
  const application = await createTestApplication(victim.id, { stage: 'APPLIED' });
  const contact = await db.applicationContact.create({
    data: { userId: victim.id, applicationId: application.id, name: 'Dana Recruiter' },
  });
  const stage = await db.applicationStage.findFirstOrThrow({ where: { userId: victim.id, systemKey: 'OFFER' } });
  return { applicationId: application.id, contactId: contact.id, stageId: stage.id };
};
/** The victim's CSV import waiting at its mapping step, with a row it skips. */
const seedCsvImport = async (victim: User) => {
  const text = 'Company,Role,Notes\nAcme Ltd,Engineer,mine\n,Designer,no company\n';
  const created = await createCsvImport(victim, { fileName: 'mine.csv', bytes: new TextEncoder().encode(text) });
  if (!created.ok) throw new Error(created.message);
  return { importId: created.id };
};
const seedInterview = async (victim: User) => ({ interviewId: (await createTestInterview(victim.id)).id });
/** A one-event invitation; the calendar import entries upload it or keep it for the victim. */
const invitationIcs = (uid: string, { sequence = 0, method = 'REQUEST', hour = 10 } = {}) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rebound tests//matrix//EN',
    `METHOD:${method}`,
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `SEQUENCE:${sequence}`,
    'DTSTAMP:20261201T100000Z',
    `DTSTART:${futureDate().replaceAll('-', '')}T${String(hour).padStart(2, '0')}0000Z`,
    'DURATION:PT1H',
    'SUMMARY:Interview',
    'ORGANIZER;CN=Dana:mailto:dana@acme.test',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
const invitationUpload = (ics: string, query = new URLSearchParams({ name: 'invite.ics' })) =>
  new Request(`http://test/api/imports/calendar?${query}`, {
    method: 'POST',
    headers: { origin: 'http://test', 'sec-fetch-site': 'same-origin', 'content-type': 'text/calendar' },
    body: ics,
  });
/** The victim's interview from an invitation, and the victim's imports of its update and its cancellation. */
const seedInvitation = async (victim: User) => {
  const uid = `matrix-${randomUUID()}@acme.test`;
  const keep = async (ics: string) => {
    const kept = await createCalendarImport(victim.id, { fileName: 'invite.ics', bytes: Buffer.from(ics) });
    if (!kept.ok) throw new Error(kept.message);
    return kept.id;
  };
  const interview = await createTestInterview(victim.id);
  await db.interview.update({ where: { id: interview.id }, data: { invitationUid: uid, invitationSequence: 0 } });
  return {
    uid,
    newUid: `${uid}-new`,
    importId: await keep(invitationIcs(`${uid}-new`)),
    updateId: await keep(invitationIcs(uid, { sequence: 1, hour: 14 })),
    cancelId: await keep(invitationIcs(uid, { sequence: 2, method: 'CANCEL' })),
  };
};
const routeContext = <T extends Record<string, string>>(params: T) => ({ params: Promise.resolve(params) });

const seedLesson = async (victim: User) => {
  const lesson = await db.lesson.create({
    data: { userId: victim.id, rootCause: 'OTHER', whatHappened: 'Mine', actions: { create: [{ text: 'a' }] } },
    include: { actions: true },
  });
  return { lessonId: lesson.id, actionId: lesson.actions[0]?.id ?? '' };
};

/** The victim's Screening stage, holding an application, and another stage to move it to. */
const seedStage = async (victim: User) => {
  const application = await createTestApplication(victim.id, { stage: 'SCREENING' });
  const target = await db.applicationStage.findFirstOrThrow({ where: { userId: victim.id, systemKey: 'APPLIED' } });
  return { stageId: application.stageId, targetStageId: target.id };
};

/** A missed interview of the victim's with an open recovery and its first drafts. */
const seedIncident = async (victim: User) => {
  const interview = await createTestInterview(victim.id, { scheduledStart: new Date(Date.now() - 3 * 3_600_000) });
  await db.interview.update({ where: { id: interview.id }, data: { contactEmail: 'priya@acme.test' } });
  const { incidentId } = await startRecovery(victim.id, {
    interviewId: interview.id,
    kind: 'MISSED',
    reason: 'TRAFFIC_TRANSPORT',
    employerWarned: false,
    idempotencyKey: randomUUID(),
  });
  const apology = await db.message.findFirstOrThrow({ where: { incidentId, kind: 'APOLOGY' }, select: { id: true } });
  return { interviewId: interview.id, incidentId, messageId: apology.id };
};
const incidentRef = (ids: RecordIds) => ({ incidentId: ids.incidentId ?? '' });
const messageRef = (ids: RecordIds) => ids.messageId ?? '';

/** PushSubscription.toJSON() of a browser, and a same-origin JSON request carrying a body to a push route. */
const browserSubscription = (endpoint = `https://push.example.test/send/${randomUUID()}`) => {
  const { p256dh, auth } = createBrowserKeys();
  return { endpoint, expirationTime: null, keys: { p256dh, auth } };
};
const pushRequest = (method: 'POST' | 'DELETE', body: unknown) =>
  new Request('http://test/api/push/subscriptions', {
    method,
    headers: { origin: 'http://test', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const MATRIX: Record<string, MatrixEntry> = {
  'lib/actions/incidents.ts#startRecoveryAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) =>
      startRecoveryAction({
        interviewId: ids.interviewId ?? '',
        kind: 'MISSED',
        reason: 'FORGOT',
        employerWarned: false,
        idempotencyKey: randomUUID(),
      }),
  },
  'lib/actions/incidents.ts#recordCallAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => recordCallAction({ ...incidentRef(ids), result: 'REACHED', response: 'AGREED' }),
  },
  'lib/actions/incidents.ts#saveDraftAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) =>
      saveDraftAction({
        messageId: messageRef(ids),
        subject: 'Hijacked',
        body: 'Hijacked body',
        recipient: 'mallory@evil.test',
      }),
  },
  'lib/actions/incidents.ts#approveDraftAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => approveDraftAction(incidentRef(ids)),
  },
  'lib/actions/incidents.ts#sendMessageAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) =>
      sendMessageAction({
        messageId: messageRef(ids),
        recipient: 'mallory@evil.test',
        subject: 'Hi',
        body: 'Body',
        idempotencyKey: randomUUID(),
      }),
  },
  'lib/actions/incidents.ts#confirmManualSendAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => confirmManualSendAction({ messageId: messageRef(ids) }),
  },
  'lib/actions/incidents.ts#dismissMessageAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => dismissMessageAction({ messageId: messageRef(ids) }),
  },
  'lib/actions/incidents.ts#recordOutcomeAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => recordOutcomeAction({ ...incidentRef(ids), answer: 'DECLINED' }),
  },
  'lib/actions/incidents.ts#draftFollowUpAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => draftFollowUpAction(incidentRef(ids)),
  },
  'lib/actions/incidents.ts#stopWaitingAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => stopWaitingAction(incidentRef(ids)),
  },
  'lib/actions/incidents.ts#recordAttendedLateAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => recordAttendedLateAction(incidentRef(ids)),
  },
  'lib/actions/incidents.ts#skipStepAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => skipStepAction({ ...incidentRef(ids), step: 'CALL', reason: 'Mallory says so' }),
  },
  'lib/actions/incidents.ts#tickPrepItemAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) =>
      tickPrepItemAction({ interviewId: ids.interviewId ?? '', itemId: 'second-chance-arrive-early', checked: true }),
  },
  'lib/actions/incidents.ts#completePrepAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => completePrepAction(incidentRef(ids)),
  },
  'lib/actions/incidents.ts#saveLessonAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) =>
      saveLessonAction({
        ...incidentRef(ids),
        rootCause: 'OTHER',
        whatHappened: 'Hijacked',
        actions: [{ text: 'Nothing' }],
      }),
  },
  'lib/actions/lessons.ts#updateLessonAction': {
    kind: 'takes-id',
    seed: seedLesson,
    call: (ids) =>
      updateLessonAction({
        id: ids.lessonId!,
        values: { rootCause: 'OTHER', whatHappened: 'Hijacked', actions: [{ actionId: ids.actionId, text: 'b' }] },
      }),
  },
  'lib/actions/lessons.ts#markLessonReviewedAction': {
    kind: 'takes-id',
    seed: seedLesson,
    call: (ids) => markLessonReviewedAction({ id: ids.lessonId! }),
  },
  'lib/actions/lessons.ts#retirePreventionActionAction': {
    kind: 'takes-id',
    seed: seedLesson,
    call: (ids) => retirePreventionActionAction({ id: ids.actionId! }),
  },
  // Stages (applications/stages): each takes a stage id; the victim's answers like a missing one.
  'lib/actions/stages.ts#addStageAction': {
    kind: 'takes-id',
    seed: seedStage,
    call: (ids) => addStageAction({ name: 'Mallory', kind: 'OPEN', afterStageId: ids.stageId ?? '', noReplyDays: '' }),
  },
  'lib/actions/stages.ts#updateStageAction': {
    kind: 'takes-id',
    seed: seedStage,
    call: (ids) => updateStageAction({ id: ids.stageId ?? '', values: { name: 'Hijacked', noReplyDays: '1' } }),
  },
  'lib/actions/stages.ts#moveStageAction': {
    kind: 'takes-id',
    seed: seedStage,
    call: (ids) => moveStageAction({ id: ids.stageId ?? '', direction: 'up' }),
  },
  'lib/actions/stages.ts#removeStageAction': {
    kind: 'takes-id',
    seed: seedStage,
    call: (ids) => removeStageAction({ id: ids.stageId ?? '', moveToStageId: ids.targetStageId }),
  },
  'lib/actions/lessons.ts#createLessonAction': {
    kind: 'no-id',
    reason: 'Creates for the session user; the schema keeps only cause, text and action texts.',
    attack: async ({ victim, attacker }) => {
      expect(
        await createLessonAction({ ...pointAt(victim), rootCause: 'OTHER', whatHappened: 'Mallory', actions: [] }),
      ).toMatchObject({ ok: true });
      expect(await db.lesson.count({ where: { userId: attacker.user.id, whatHappened: 'Mallory' } })).toBe(1);
    },
    callSignedOut: ({ victim }) =>
      createLessonAction({ ...pointAt(victim), rootCause: 'OTHER', whatHappened: 'x', actions: [] }),
  },
  'app/api/lessons/export/route.ts#GET': {
    kind: 'no-id',
    reason: "Exports the session user's lessons; query params are only filters.",
    attack: async ({ victim }) => {
      const response = await exportLessonsGet(new Request('http://test/api/lessons/export?format=csv'));
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain(victim.seed.lessonId);
    },
    callSignedOut: () => exportLessonsGet(new Request('http://test/api/lessons/export?format=csv')),
  },
  'lib/actions/interviews.ts#createInterviewAction': {
    kind: 'no-id',
    reason: 'Creates an interview for the session user; the schema keeps only form fields, never an owner.',
    attack: async ({ victim, attacker }) => {
      const answer = await createInterviewAction({ ...pointAt(victim), ...interviewForm() } as never);
      expect(answer).toMatchObject({ ok: true, data: { saved: true } });
      const id = answer.ok && answer.data.saved ? answer.data.id : '';
      expect(await db.interview.findUniqueOrThrow({ where: { id } })).toMatchObject({
        userId: attacker.user.id,
        company: 'Mallory Corp',
      });
    },
    callSignedOut: ({ victim }) => createInterviewAction({ ...pointAt(victim), ...interviewForm() } as never),
  },
  'lib/actions/interviews.ts#updateInterviewAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) => updateInterviewAction({ id: ids.interviewId!, values: interviewForm() as never }),
    notFoundMessage:
      'This interview was deleted (perhaps in another tab), so there is nothing to save. What you typed is still in the form.',
  },
  'lib/actions/interviews.ts#deleteInterviewAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) => deleteInterviewAction({ id: ids.interviewId! }),
  },
  'lib/actions/interviews.ts#changeInterviewStatusAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) => changeInterviewStatusAction({ id: ids.interviewId!, status: 'CANCELLED' }),
  },
  'lib/actions/interviews.ts#rescheduleByEmployerAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) => rescheduleByEmployerAction({ id: ids.interviewId!, date: futureDate(), time: '09:00' }),
  },
  'lib/actions/interviews.ts#setPrepItemAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) => setPrepItemAction({ id: ids.interviewId!, itemId: 'route-planned', checked: true }),
  },
  'lib/actions/interviews.ts#regenerateCalendarFeedAction': {
    kind: 'no-id',
    reason: "Replaces the session user's own feed token; it takes no input at all.",
    attack: async ({ attacker }) => {
      expect(await regenerateCalendarFeedAction(undefined)).toEqual({ ok: true, data: undefined });
      const after = await db.user.findUniqueOrThrow({ where: { id: attacker.user.id } });
      expect(after.calendarFeedToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    },
    callSignedOut: () => regenerateCalendarFeedAction(undefined),
  },
  'app/api/interviews/[id]/ics/route.ts#GET': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) =>
      interviewIcsGet(
        new Request(`http://test/api/interviews/${ids.interviewId}/ics`),
        routeContext({ id: ids.interviewId ?? '' }),
      ),
  },
  'app/api/interviews/export/route.ts#GET': {
    kind: 'no-id',
    reason: 'Exports the session user’s interviews; it reads nothing from the request but its abort signal.',
    attack: async ({ victim }) => {
      const response = await exportInterviewsGet(new Request('http://test/api/interviews/export'));
      expect(response.status).toBe(200);
      const text = await response.text();
      const victimInterviews = await db.interview.findMany({
        where: { userId: victim.user.id },
        select: { company: true },
      });
      expect(victimInterviews.length).toBeGreaterThan(0);
      expect(text).not.toContain(victim.user.email);
      expect(text.split('\r\n')[0]).toMatch(/^Company,Role,/);
    },
    callSignedOut: () => exportInterviewsGet(new Request('http://test/api/interviews/export')),
  },
  'app/api/applications/export/route.ts#GET': {
    kind: 'no-id',
    reason: 'Exports the session user’s applications; it reads nothing from the request but its abort signal.',
    attack: async ({ victim, attacker }) => {
      const response = await exportApplicationsGet(
        new Request(`http://test/api/applications/export?userId=${victim.user.id}`),
      );
      expect(response.status).toBe(200);
      const text = (await response.text()).replace(/^\uFEFF/, '');
      expect(await db.application.count({ where: { userId: victim.user.id } })).toBeGreaterThan(0);
      // One record per application of the attacker's (both parties have the same seed).
      expect(csvRows(text)).toHaveLength(await db.application.count({ where: { userId: attacker.user.id } }));
      expect(text).not.toContain(victim.user.email);
    },
    callSignedOut: () => exportApplicationsGet(new Request('http://test/api/applications/export')),
  },
  'app/api/applications/proof/route.ts#GET': {
    kind: 'no-id',
    reason: 'The session user’s proof of job search; the query carries only the date range.',
    attack: async ({ victim, attacker }) => {
      const response = await proofOfSearchGet(
        new Request(`http://test/api/applications/proof?userId=${victim.user.id}&id=${victim.seed.applicationId}`),
      );
      expect(response.status).toBe(200);
      const rows = csvRows((await response.text()).replace(/^\uFEFF/, ''));
      expect(await db.application.count({ where: { userId: victim.user.id } })).toBeGreaterThan(0);
      // Everything the seed wrote is in the last 30 days: the attacker's applications, and only those.
      expect(rows).toHaveLength(await db.application.count({ where: { userId: attacker.user.id } }));
    },
    callSignedOut: () =>
      proofOfSearchGet(new Request('http://test/api/applications/proof?from=2026-01-01&to=2026-01-31')),
  },
  'app/api/calendar/[token]/route.ts#GET': {
    kind: 'public',
    reason:
      'Calendar apps cannot sign in: the unguessable per-user token is the credential, regenerating it revokes the old one (interview-exports tests).',
    attack: async ({ victim }) => {
      for (const guess of [victim.user.id, victim.user.email, 'A'.repeat(32)]) {
        const response = await calendarFeedGet(
          new Request('http://test/api/calendar/x'),
          routeContext({ token: guess }),
        );
        expect(response.status).toBe(404);
      }
    },
  },
  'lib/actions/auth.ts#signUpAction': {
    kind: 'public',
    reason:
      'Creates an account, so there is no user to require; it takes no record id and the schema keeps only name, email, password and time zone.',
    attack: async ({ victim }) => {
      const base = { name: 'Mallory', password: 'mallory was here 1', timeZone: 'UTC', ...pointAt(victim) };
      expect(await signUpAction({ ...base, email: ` ${victim.user.email.toUpperCase()}` })).toMatchObject({
        ok: false,
        message: EMAIL_TAKEN,
      });
      const email = uniqueEmail('mallory');
      expect(await signUpAction({ ...base, email })).toEqual({ ok: true, data: undefined });
      expect(await db.user.findUnique({ where: { email } })).toMatchObject({ name: 'Mallory', sessionVersion: 0 });
    },
  },
  'lib/actions/auth.ts#forgotPasswordAction': {
    kind: 'public',
    reason:
      'For signed-out visitors by nature; it answers the same for every email and only ever mails the address typed (password-reset.test.ts).',
    attack: async ({ victim }) => {
      const answer = await forgotPasswordAction({ ...pointAt(victim), email: uniqueEmail('nobody') });
      expect(answer).toMatchObject({ ok: true });
    },
  },
  'lib/actions/auth.ts#resetPasswordAction': {
    kind: 'public',
    reason:
      'The emailed token is the credential; the token is looked up by its hash only, single-use and expiring (password-reset.test.ts).',
    attack: async ({ victim }) => {
      const answer = await resetPasswordAction({
        ...pointAt(victim),
        token: 'A'.repeat(43),
        password: 'mallory was here 1',
        confirmPassword: 'mallory was here 1',
      });
      expect(answer).toMatchObject({ ok: false, message: RESET_LINK_INVALID });
    },
  },
  'lib/actions/auth.ts#signOutAction': {
    kind: 'public',
    reason:
      "Ends only the session of the caller's own cookie, so a caller whose session is already gone may call it too (it then only clears the cookie); it takes no record id, and `to` is one of a fixed set of pages.",
    attack: async ({ victim, attacker }) => {
      const set = jest.fn();
      jest
        .mocked(cookies)
        .mockResolvedValue({ getAll: () => [{ name: 'next-auth.session-token', value: 'x' }], set } as never);
      const redirectsHome = (outcome: Outcome) =>
        outcome.threw && /^NEXT_REDIRECT;[^;]*;\/;/.test(digestOf(outcome.error));

      expect(redirectsHome(await capture(() => signOutAction({ ...pointAt(victim), to: 'home' } as never)))).toBe(true);
      expect(set).toHaveBeenCalledWith(
        'next-auth.session-token',
        '',
        expect.objectContaining({ maxAge: 0, path: '/' }),
      );

      signInAs(attacker.user);
      const { sessionId } = await requireUser();
      expect(redirectsHome(await capture(() => signOutAction({ ...pointAt(victim), to: 'home' } as never)))).toBe(true);
      expect(await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
        revokedAt: expect.any(Date),
      });
      signInAs(null);
    },
  },
  'lib/actions/account.ts#updateProfileAction': {
    kind: 'no-id',
    reason: 'Acts on the session user; the schema keeps only name and time zone.',
    attack: async ({ victim, attacker }) => {
      const answer = await updateProfileAction({
        ...pointAt(victim),
        name: 'Mallory',
        timeZone: 'Asia/Tokyo',
        sessionVersion: 99,
      } as never);
      expect(answer).toEqual({ ok: true, data: undefined });
      expect(await db.user.findUniqueOrThrow({ where: { id: attacker.user.id } })).toMatchObject({
        name: 'Mallory',
        timeZone: 'Asia/Tokyo',
        email: attacker.user.email,
        sessionVersion: attacker.user.sessionVersion,
      });
    },
    callSignedOut: ({ victim }) => updateProfileAction({ ...pointAt(victim), name: 'Mallory', timeZone: 'Asia/Tokyo' }),
  },
  'lib/actions/account.ts#updateTimeZoneAction': {
    kind: 'no-id',
    reason: 'Acts on the session user; the schema keeps only a known time zone.',
    attack: async ({ victim, attacker }) => {
      const answer = await updateTimeZoneAction({
        ...pointAt(victim),
        timeZone: 'Asia/Tokyo',
        sessionVersion: 99,
      } as never);
      expect(answer).toEqual({ ok: true, data: undefined });
      expect(await db.user.findUniqueOrThrow({ where: { id: attacker.user.id } })).toMatchObject({
        timeZone: 'Asia/Tokyo',
        email: attacker.user.email,
        sessionVersion: attacker.user.sessionVersion,
      });
    },
    callSignedOut: ({ victim }) => updateTimeZoneAction({ ...pointAt(victim), timeZone: 'Asia/Tokyo' }),
  },
  'lib/actions/account.ts#changePasswordAction': {
    kind: 'no-id',
    reason: "Acts on the session user and checks the current password against that user's hash.",
    attack: async ({ victim, attacker }) => {
      const change = (currentPassword: string) =>
        changePasswordAction({
          ...pointAt(victim),
          currentPassword,
          newPassword: 'mallory was here 1',
          confirmPassword: 'mallory was here 1',
        });
      expect(await change(victim.password)).toMatchObject({
        ok: false,
        fieldErrors: { currentPassword: expect.any(String) },
      });
      expect(await change(attacker.password)).toEqual({ ok: true, data: undefined });
      const after = await db.user.findUniqueOrThrow({ where: { id: attacker.user.id } });
      expect(after.passwordHash).not.toBe(attacker.user.passwordHash);
      expect(after.sessionVersion).toBe(attacker.user.sessionVersion + 1);
    },
    callSignedOut: ({ victim }) =>
      changePasswordAction({
        ...pointAt(victim),
        currentPassword: victim.password,
        newPassword: 'mallory was here 1',
        confirmPassword: 'mallory was here 1',
      }),
  },
  'lib/actions/account.ts#revokeSessionAction': {
    kind: 'takes-id',
    seed: async (victim) => ({ sessionId: (await createSession(victim.id, null)).id }),
    call: (ids) => revokeSessionAction({ id: ids.sessionId! }),
  },
  'lib/actions/account.ts#revokeAllSessionsAction': {
    kind: 'no-id',
    // The victim's sessionVersion and session rows are in the before/after snapshot.
    reason: "Ends the session user's own sessions; the input is ignored.",
    attack: async ({ victim, attacker }) => {
      expect(await revokeAllSessionsAction(pointAt(victim) as never)).toEqual({ ok: true, data: undefined });
      expect(await db.user.findUniqueOrThrow({ where: { id: attacker.user.id } })).toMatchObject({
        sessionVersion: attacker.user.sessionVersion + 1,
      });
    },
    callSignedOut: ({ victim }) => revokeAllSessionsAction(pointAt(victim) as never),
  },
  'lib/actions/account.ts#deleteAccountAction': {
    kind: 'no-id',
    reason: "Acts on the session user; the confirmation must be that user's own email.",
    attack: async ({ victim, attacker }) => {
      expect(await deleteAccountAction({ ...pointAt(victim), confirmEmail: victim.user.email })).toMatchObject({
        ok: false,
      });
      expect(await db.user.count({ where: { id: attacker.user.id } })).toBe(1);
      expect(await deleteAccountAction({ ...pointAt(victim), confirmEmail: attacker.user.email })).toEqual({
        ok: true,
        data: undefined,
      });
      expect(await db.user.count({ where: { id: attacker.user.id } })).toBe(0);
    },
    callSignedOut: ({ victim }) => deleteAccountAction({ ...pointAt(victim), confirmEmail: victim.user.email }),
  },
  'app/api/account/export/route.ts#GET': {
    kind: 'no-id',
    reason: 'Exports the session user; it reads nothing from the request but its abort signal.',
    attack: async ({ victim, attacker }) => {
      const response = await exportAccountGet(new Request('http://test/api/account/export'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="rebound-export-\d{4}-\d{2}-\d{2}\.json"$/,
      );
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ user: { id: attacker.user.id, email: attacker.user.email } });
      for (const id of listExportedIds(attacker.seed)) expect(text).toContain(id);
      const victimIds = [victim.user.id, victim.user.email, ...listExportedIds(victim.seed)];
      expect(victimIds.filter((id) => text.includes(id))).toEqual([]);
    },
    callSignedOut: () => exportAccountGet(new Request('http://test/api/account/export')),
  },
  'app/api/push/subscriptions/route.ts#POST': {
    kind: 'no-id',
    reason:
      'Subscribes a browser for the session user; an endpoint stored for another account is refused (409), never moved over.',
    attack: async ({ victim, attacker }) => {
      const owner = await createTestUser();
      const taken = browserSubscription();
      await savePushSubscription(
        { userId: owner.id, sessionId: (await createSession(owner.id, 'jest')).id, userAgent: null },
        taken,
      );
      expect(
        (
          await pushSubscriptionPost(
            pushRequest('POST', { ...pointAt(victim), ...browserSubscription(taken.endpoint) }),
          )
        ).status,
      ).toBe(409);
      expect(
        await db.pushSubscription.findUniqueOrThrow({
          where: { endpoint: taken.endpoint },
          select: { userId: true, p256dh: true },
        }),
      ).toEqual({ userId: owner.id, p256dh: taken.keys.p256dh });
      const own = browserSubscription();
      expect((await pushSubscriptionPost(pushRequest('POST', { ...pointAt(victim), ...own }))).status).toBe(201);
      expect(
        await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: own.endpoint }, select: { userId: true } }),
      ).toEqual({ userId: attacker.user.id });
    },
    callSignedOut: () => pushSubscriptionPost(pushRequest('POST', browserSubscription())),
  },
  'app/api/push/subscriptions/route.ts#DELETE': {
    kind: 'takes-id',
    seed: async (victim) => {
      const subscription = browserSubscription();
      await savePushSubscription(
        { userId: victim.id, sessionId: (await createSession(victim.id, 'jest')).id, userAgent: null },
        subscription,
      );
      return { endpoint: subscription.endpoint };
    },
    call: (ids) => pushSubscriptionDelete(pushRequest('DELETE', { endpoint: ids.endpoint })),
  },
  'app/api/push/public-key/route.ts#GET': {
    kind: 'no-id',
    reason: "Answers the app's VAPID public key, the same for everyone; it reads nothing from the request.",
    attack: async () => {
      expect(Object.keys(await (await pushPublicKeyGet()).json())).toEqual(['publicKey']);
    },
    callSignedOut: () => pushPublicKeyGet(),
  },
  'lib/actions/notifications.ts#saveNotificationPreferencesAction': {
    kind: 'no-id',
    reason: "Saves the session user's own preference row; the schema keeps only the form's fields.",
    attack: async ({ victim, attacker }) => {
      const channels = Object.fromEntries(
        REMINDER_KINDS.map((kind) => [kind, { EMAIL: false, PUSH: false, IN_APP: true }]),
      );
      const answer = await saveNotificationPreferencesAction({
        ...pointAt(victim),
        allOff: true,
        eveningBeforeTime: '19:00',
        quietHoursStart: '',
        quietHoursEnd: '',
        channels,
      } as never);
      expect(answer).toEqual({ ok: true, data: undefined });
      expect(await db.notificationPreference.findUniqueOrThrow({ where: { userId: attacker.user.id } })).toMatchObject({
        allOff: true,
        eveningBeforeTime: '19:00',
      });
      expect(
        await db.notificationPreference.findUnique({ where: { userId: victim.user.id }, select: { allOff: true } }),
      ).toBeNull();
    },
    callSignedOut: ({ victim }) => saveNotificationPreferencesAction({ ...pointAt(victim) } as never),
  },
  'lib/actions/notifications.ts#markNotificationsReadAction': {
    kind: 'no-id',
    reason: "Marks the session user's own notifications read; the input is ignored.",
    attack: async ({ victim }) => {
      expect(await markNotificationsReadAction(pointAt(victim) as never)).toEqual({ ok: true, data: { marked: 0 } });
    },
    callSignedOut: ({ victim }) => markNotificationsReadAction(pointAt(victim) as never),
  },
  'lib/actions/notifications.ts#confirmCheckInAction': {
    kind: 'takes-id',
    seed: async (victim) => {
      const interview = await createTestInterview(victim.id, { scheduledStart: new Date(Date.now() - 3 * 3_600_000) });
      return { token: await createCheckInToken(db, victim.id, interview.id, new Date()) };
    },
    call: (ids) => confirmCheckInAction({ token: ids.token!, answer: 'happened' }),
  },
  'app/api/unsubscribe/[token]/route.ts#GET': {
    kind: 'public',
    reason:
      'The link in reminder emails, opened without a session: the token is the credential, and GET only shows a button (it changes nothing).',
    attack: async () => {
      const token = 'M'.repeat(32);
      expect(
        (
          await unsubscribeGet(new Request(`http://test/api/unsubscribe/${token}`), {
            params: Promise.resolve({ token }),
          })
        ).status,
      ).toBe(404);
    },
  },
  'app/api/unsubscribe/[token]/route.ts#POST': {
    kind: 'public',
    reason:
      "RFC 8058 one-click unsubscribe, sent by mail clients without a session: the token is the credential, looked up whole, and it can only turn its owner's reminder emails off.",
    attack: async () => {
      const token = 'M'.repeat(32);
      expect(
        (
          await unsubscribePost(
            new Request(`http://test/api/unsubscribe/${token}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' }),
            { params: Promise.resolve({ token }) },
          )
        ).status,
      ).toBe(404);
    },
  },
  'app/api/health/route.ts#GET': {
    kind: 'public',
    reason:
      'Load balancers and uptime checks call it without a session; it reports the database state and no user data.',
    attack: async ({ victim }) => {
      const text = await (await healthGet()).text();
      expect(text).not.toContain(victim.user.id);
      expect(text).not.toContain(victim.user.email);
    },
  },
  'app/api/auth/[...nextauth]/route.ts#GET': {
    kind: 'public',
    reason:
      "next-auth's own endpoints (CSRF token, providers, session). The session callback re-reads the user through findSessionUser, so a deleted account or a stale sessionVersion gets no session.",
  },
  'app/api/auth/[...nextauth]/route.ts#POST': {
    kind: 'public',
    reason:
      "next-auth's sign-in, callback and sign-out, behind its CSRF token. Credentials go through authenticate() (accounts.test.ts: throttling, one failure message).",
  },
  // ── The applications board (lib/actions/board.ts) ──
  'lib/actions/board.ts#moveApplicationAction': {
    kind: 'takes-id',
    seed: async (victim) => {
      // The victim's application in Applied, and their Screening stage to move it to.
      const application = await createTestApplication(victim.id, { stage: 'APPLIED' });
      const stages = await ensureTestStages(victim.id);
      const toStageId = stages.find((stage) => stage.systemKey === 'SCREENING')?.id ?? '';
      return { applicationId: application.id, fromStageId: application.stageId, toStageId };
    },
    call: (ids) =>
      moveApplicationAction({ id: ids.applicationId!, toStageId: ids.toStageId!, expectedStageId: ids.fromStageId! }),
  },
  'lib/actions/board.ts#undoMoveAction': {
    kind: 'takes-id',
    seed: async (victim) => {
      // The victim's application in Applied, and their Screening stage to move it to.
      const application = await createTestApplication(victim.id, { stage: 'APPLIED' });
      const stages = await ensureTestStages(victim.id);
      const toStageId = stages.find((stage) => stage.systemKey === 'SCREENING')?.id ?? '';
      return { applicationId: application.id, fromStageId: application.stageId, toStageId };
    },
    call: (ids) =>
      undoMoveAction({ id: ids.applicationId!, toStageId: ids.toStageId!, expectedStageId: ids.fromStageId! }),
  },
  // ─── Applications: the table, the application page and its form (issue 19) ───
  'lib/actions/applications.ts#createApplicationAction': {
    kind: 'no-id',
    reason: 'Creates an application for the session user; the schema keeps only form fields, never an owner.',
    attack: async ({ victim, attacker }) => {
      const answer = await createApplicationAction({
        ...pointAt(victim),
        values: { company: 'Mallory Corp', roleTitle: 'Spy' },
        acknowledgeWarnings: true,
      } as never);
      expect(answer).toMatchObject({ ok: true, data: { saved: true } });
      const id = answer.ok && answer.data.saved ? answer.data.id : '';
      expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ userId: attacker.user.id });
    },
    callSignedOut: ({ victim }) =>
      createApplicationAction({ ...pointAt(victim), values: { company: 'Mallory Corp', roleTitle: 'Spy' } } as never),
  },
  'lib/actions/applications.ts#updateApplicationAction': {
    kind: 'takes-id',
    seed: seedApplication,
    call: (ids) =>
      updateApplicationAction({ id: ids.applicationId!, values: { company: 'Mallory', roleTitle: 'Spy' } }),
    notFoundMessage:
      'This application was deleted (perhaps in another tab), so there is nothing to save. What you typed is still in the form.',
  },
  'lib/actions/applications.ts#deleteApplicationAction': {
    kind: 'takes-id',
    seed: seedApplication,
    call: (ids) => deleteApplicationAction({ id: ids.applicationId! }),
  },
  'lib/actions/applications.ts#changeApplicationStageAction': {
    kind: 'takes-id',
    seed: seedApplication,
    call: (ids) => changeApplicationStageAction({ id: ids.applicationId!, stageId: ids.stageId!, note: 'mine now' }),
  },
  'lib/actions/applications.ts#markApplicationGhostedAction': {
    kind: 'takes-id',
    seed: seedApplication,
    call: (ids) => markApplicationGhostedAction({ id: ids.applicationId! }),
  },
  'lib/actions/applications.ts#recordReplyAction': {
    kind: 'takes-id',
    seed: seedApplication,
    call: (ids) => recordReplyAction({ id: ids.applicationId! }),
  },
  'lib/actions/applications.ts#addApplicationContactAction': {
    kind: 'takes-id',
    seed: seedApplication,
    call: (ids) =>
      addApplicationContactAction({ applicationId: ids.applicationId!, values: { name: 'Mallory', role: 'OTHER' } }),
  },
  'lib/actions/applications.ts#updateApplicationContactAction': {
    kind: 'takes-id',
    seed: seedApplication,
    call: (ids) => updateApplicationContactAction({ id: ids.contactId!, values: { name: 'Mallory', role: 'OTHER' } }),
  },
  'lib/actions/applications.ts#deleteApplicationContactAction': {
    kind: 'takes-id',
    seed: seedApplication,
    call: (ids) => deleteApplicationContactAction({ id: ids.contactId! }),
  },
  // Calendar invitation import (issue 20): the upload route and the three confirmations.
  'app/api/imports/calendar/route.ts#POST': {
    kind: 'no-id',
    reason: 'keeps the uploaded file as an import of the signed-in user',
    attack: async ({ victim, attacker }) => {
      const query = new URLSearchParams({ name: 'invite.ics', ...pointAt(victim) });
      const answer = await calendarImportPost(invitationUpload(invitationIcs('matrix-upload'), query));
      expect(answer.status).toBe(201);
      const { id } = (await answer.json()) as { id: string };
      expect(await db.importJob.findUniqueOrThrow({ where: { id }, select: { userId: true } })).toEqual({
        userId: attacker.user.id,
      });
    },
    callSignedOut: () => calendarImportPost(invitationUpload(invitationIcs('matrix-signed-out'))),
  },
  'lib/actions/imports-calendar.ts#createInterviewFromInvitationAction': {
    kind: 'takes-id',
    seed: seedInvitation,
    call: (ids) =>
      createInterviewFromInvitationAction({
        importId: ids.importId!,
        uid: ids.newUid!,
        values: interviewForm() as never,
      }),
  },
  'lib/actions/imports-calendar.ts#applyInvitationUpdateAction': {
    kind: 'takes-id',
    seed: seedInvitation,
    call: (ids) => applyInvitationUpdateAction({ importId: ids.updateId!, uid: ids.uid! }),
  },
  'lib/actions/imports-calendar.ts#cancelFromInvitationAction': {
    kind: 'takes-id',
    seed: seedInvitation,
    call: (ids) => cancelFromInvitationAction({ importId: ids.cancelId!, uid: ids.uid! }),
  },
  // ─── CSV import: upload, mapping step, confirm, skipped rows (issue 20) ───
  'app/api/imports/csv/route.ts#POST': {
    kind: 'no-id',
    reason: "Uploads a file for the session user's own import; nothing in the request names an owner.",
    attack: async ({ victim, attacker }) => {
      const victimImports = await db.importJob.findMany({ where: { userId: victim.user.id }, orderBy: { id: 'asc' } });
      const query = new URLSearchParams({ name: 'mine.csv', ...pointAt(victim) });
      const response = await csvUploadPost(
        new Request(`http://test/api/imports/csv?${query}`, {
          method: 'POST',
          headers: { origin: 'http://test', 'content-type': 'text/csv' },
          body: 'Company,Role\nMallory Corp,Spy\n',
        }),
      );
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ userId: attacker.user.id });
      expect(await db.importJob.findMany({ where: { userId: victim.user.id }, orderBy: { id: 'asc' } })).toEqual(
        victimImports,
      );
    },
    callSignedOut: () =>
      csvUploadPost(
        new Request('http://test/api/imports/csv?name=a.csv', {
          method: 'POST',
          headers: { origin: 'http://test', 'content-type': 'text/csv' },
          body: 'Company,Role\nMallory Corp,Spy\n',
        }),
      ),
  },
  'app/api/imports/csv/[id]/skipped/route.ts#GET': {
    kind: 'takes-id',
    seed: seedCsvImport,
    call: (ids) =>
      csvSkippedGet(
        new Request(`http://test/api/imports/csv/${ids.importId}/skipped`),
        routeContext({ id: ids.importId! }),
      ),
  },
  'lib/actions/imports.ts#saveCsvImportOptionsAction': {
    kind: 'takes-id',
    seed: seedCsvImport,
    call: (ids) =>
      saveCsvImportOptionsAction({
        id: ids.importId!,
        values: { columns: ['company', 'roleTitle', null], stages: [], dateOrder: 'DMY', timeZone: 'UTC' },
      }),
  },
  'lib/actions/imports.ts#confirmCsvImportAction': {
    kind: 'takes-id',
    seed: seedCsvImport,
    call: (ids) => confirmCsvImportAction({ id: ids.importId! }),
  },
  // What will remind me, and when: the interview page's reminder choices.
  'lib/actions/reminders.ts#silenceReminderAction': {
    kind: 'takes-id',
    seed: async (victim) => {
      const interview = await createTestInterview(victim.id);
      await db.$transaction((tx) => syncInterviewReminders(tx, victim.id, interview.id));
      const reminder = await db.reminder.findFirstOrThrow({
        where: { interviewId: interview.id, state: 'SCHEDULED' },
      });
      return { interviewId: interview.id, reminderId: reminder.id };
    },
    call: (ids) => silenceReminderAction({ reminderId: ids.reminderId! }),
  },
  'lib/actions/reminders.ts#unsilenceReminderAction': {
    kind: 'takes-id',
    seed: async (victim) => {
      const interview = await createTestInterview(victim.id);
      await db.$transaction((tx) => syncInterviewReminders(tx, victim.id, interview.id));
      const reminder = await db.reminder.findFirstOrThrow({
        where: { interviewId: interview.id, state: 'SCHEDULED' },
      });
      await silenceInterviewReminder(victim.id, reminder.id);
      return { interviewId: interview.id, reminderId: reminder.id };
    },
    call: (ids) => unsilenceReminderAction({ reminderId: ids.reminderId! }),
  },
  'lib/actions/reminders.ts#addHourBeforeReminderAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) => addHourBeforeReminderAction({ id: ids.interviewId! }),
  },
  // Running late in one tap: the emailed notice and the text or call recorded by hand.
  'lib/actions/late-notices.ts#sendLateNoticeAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) =>
      sendLateNoticeAction({ interviewId: ids.interviewId!, minutesLate: 10, idempotencyKey: randomUUID() }),
  },
  'lib/actions/late-notices.ts#recordLateNoticeAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) =>
      recordLateNoticeAction({
        interviewId: ids.interviewId!,
        minutesLate: 10,
        channel: 'CALL',
        idempotencyKey: randomUUID(),
      }),
  },
  'lib/actions/late-notices.ts#recordArrivedLateAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) => recordArrivedLateAction({ interviewId: ids.interviewId! }),
  },
  // The employer's no-show: its start, the checks' finding and its outcome.
  'lib/actions/incidents.ts#startNoShowAction': {
    kind: 'takes-id',
    seed: seedInterview,
    call: (ids) => startNoShowAction({ interviewId: ids.interviewId ?? '', idempotencyKey: randomUUID() }),
  },
  'lib/actions/incidents.ts#resolveNoShowCheckAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) => resolveNoShowCheckAction({ ...incidentRef(ids), finding: 'WRONG_TIME' }),
  },
  'lib/actions/incidents.ts#recordNoShowOutcomeAction': {
    kind: 'takes-id',
    seed: seedIncident,
    call: (ids) =>
      recordNoShowOutcomeAction({ ...incidentRef(ids), outcome: 'RESCHEDULED', date: '2030-01-15', time: '10:00' }),
  },
};

const entriesOf = <K extends MatrixEntry['kind']>(kind: K) =>
  Object.entries(MATRIX).filter((pair): pair is [string, Extract<MatrixEntry, { kind: K }>] => pair[1].kind === kind);

// ─── Runners ────────────────────────────────────────────────────────────────────────────────

let victim: Party;

beforeAll(async () => {
  victim = await createParty();
});

afterAll(() => db.$disconnect());

/**
 * B signed in uses A's ids: the answer must be not-found and A's rows unchanged. Returns what
 * went wrong instead of asserting, so the self-test below can check the runner catches a leak.
 */
async function checkTakesIdEntry(
  entry: Extract<MatrixEntry, { kind: 'takes-id' }>,
  attacker: Party,
): Promise<string[]> {
  const ids = await entry.seed(victim.user);
  const problems: string[] = [];
  const before = await snapshotAccount(victim.user.id);

  signInAs(attacker.user);
  const asAttacker = await capture(() => entry.call(ids));
  if (!isNotFound(asAttacker, entry.notFoundMessage))
    problems.push(`signed in as another user it ${describeOutcome(asAttacker)} instead of not found`);

  signInAs(null);
  const signedOut = await capture(() => entry.call(ids));
  if (!isSignInRefusal(signedOut)) problems.push(`signed out it ${describeOutcome(signedOut)} instead of refusing`);

  if (!isDeepEqual(await snapshotAccount(victim.user.id), before)) problems.push("it changed the victim's rows");
  return problems;
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}

describe('access-control matrix', () => {
  it('lists every server action and route handler the app publishes, and nothing else', async () => {
    const discovered = await discoverEndpoints();

    const unlisted = discovered.filter((key) => !(key in MATRIX));
    const stale = Object.keys(MATRIX).filter((key) => !discovered.includes(key));
    expect({ unlisted, stale }).toEqual({ unlisted: [], stale: [] });
  });

  it('finds endpoints however they are exported', () => {
    const actions = [
      "'use server';",
      "import type { X } from './x';",
      'export async function renameAction() {}',
      'export const archiveAction = async () => {};',
      'async function hidden() {}',
      'export { hidden as restoreAction };',
      'export type Result = { ok: boolean };',
      'function helper() {}',
    ].join('\n');
    const route = [
      'const handler = async () => new Response();',
      'export { handler as GET, handler as POST };',
      'export const dynamic = "force-dynamic";',
      'export function helper() {}',
    ].join('\n');
    const page = [
      'export default function Page() {',
      '  async function saveNote(form: FormData) {',
      "    'use server';",
      '  }',
      '  return null;',
      '}',
    ].join('\n');

    expect(findEndpoints('app/(app)/things/actions.ts', actions)).toEqual([
      'app/(app)/things/actions.ts#renameAction',
      'app/(app)/things/actions.ts#archiveAction',
      'app/(app)/things/actions.ts#restoreAction',
    ]);
    expect(findEndpoints('app/api/things/[id]/route.ts', route)).toEqual([
      'app/api/things/[id]/route.ts#GET',
      'app/api/things/[id]/route.ts#POST',
    ]);
    expect(findEndpoints('app/(app)/things/page.tsx', page)).toEqual(['app/(app)/things/page.tsx#saveNote']);
    expect(findEndpoints('lib/server/things.ts', 'export async function listThings() {}')).toEqual([]);
    expect(() => findEndpoints('app/x/actions.ts', "'use server';\nexport * from './y';")).toThrow(/export \*/);
  });

  for (const [key, entry] of entriesOf('takes-id')) {
    it(`${key}: another user's ids answer not found and change nothing`, async () => {
      expect(await checkTakesIdEntry(entry, await createParty())).toEqual([]);
    });
  }

  it('the takes-id runner accepts a scoped action and catches one that trusts the id', async () => {
    // Two stand-ins for a future "rename interview" action: one scopes by the session user, one does not.
    const renameInterview = async (ids: RecordIds, scoped: boolean) => {
      const user = await requireUser('/interviews');
      const where = scoped ? { id: ids.interviewId, userId: user.id } : { id: ids.interviewId };
      const { count } = await db.interview.updateMany({ where, data: { company: 'Renamed by someone else' } });
      if (count === 0) throw new NotFoundError('interview');
      return { ok: true, data: undefined };
    };
    const seed = async (owner: User) => ({ interviewId: (await createTestInterview(owner.id)).id });

    const attacker = await createParty();
    const scopedProblems = await checkTakesIdEntry(
      { kind: 'takes-id', seed, call: (ids) => renameInterview(ids, true) },
      attacker,
    );
    const leakyProblems = await checkTakesIdEntry(
      { kind: 'takes-id', seed, call: (ids) => renameInterview(ids, false) },
      attacker,
    );

    expect(scopedProblems).toEqual([]);
    expect(leakyProblems).toEqual([
      'signed in as another user it returned {"ok":true} instead of not found',
      "it changed the victim's rows",
    ]);
  });

  for (const [key, entry] of entriesOf('no-id')) {
    it(`${key}: acts only on the signed-in user, whatever ids the input carries`, async () => {
      const attacker = await createParty();
      const before = await snapshotAccount(victim.user.id);

      signInAs(attacker.user);
      await entry.attack({ victim, attacker });

      expect(await snapshotAccount(victim.user.id)).toEqual(before);
    });
  }

  for (const [key, entry] of [...entriesOf('no-id'), ...entriesOf('takes-id')]) {
    it(`${key}: refuses a signed-out caller and changes nothing`, async () => {
      const attacker = await createParty();
      const ids = entry.kind === 'takes-id' ? await entry.seed(victim.user) : {};
      const before = await Promise.all([snapshotAccount(victim.user.id), snapshotAccount(attacker.user.id)]);

      signInAs(null);
      const outcome = await capture(() =>
        entry.kind === 'no-id' ? entry.callSignedOut({ victim, attacker }) : entry.call(ids),
      );

      expect(describeOutcome(outcome)).toMatch(/NEXT_REDIRECT|HTTP 401/);
      expect(isSignInRefusal(outcome)).toBe(true);
      expect(await Promise.all([snapshotAccount(victim.user.id), snapshotAccount(attacker.user.id)])).toEqual(before);
    });
  }

  for (const [key, entry] of entriesOf('public')) {
    const { attack } = entry;
    if (!attack) continue;
    it(`${key} (public): the victim's ids in the input change nothing of the victim`, async () => {
      const attacker = await createParty();
      const before = await snapshotAccount(victim.user.id);

      signInAs(null);
      await attack({ victim, attacker });

      expect(await snapshotAccount(victim.user.id)).toEqual(before);
    });
  }
});
