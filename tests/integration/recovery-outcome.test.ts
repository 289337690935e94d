import { randomUUID } from 'node:crypto';
import { withOutboxForFile } from './support/outbox';
import { skipStepAction } from '@/lib/actions/incidents';
import { getDb } from '@/lib/db';
import { utcToZonedLocal, zonedLocalToUtc } from '@/lib/domain/time';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { changeInterviewStatus } from '@/lib/server/interviews/change-interview-status';
import { getInterview } from '@/lib/server/interviews/get-interview';
import { approveDraft } from '@/lib/server/recovery/approve-draft';
import { confirmManualSend } from '@/lib/server/recovery/confirm-manual-send';
import { draftFollowUp } from '@/lib/server/recovery/draft-follow-up';
import { getRecovery } from '@/lib/server/recovery/get-recovery';
import { listOpenRecoveries } from '@/lib/server/recovery/list-open-recoveries';
import { completePrep, tickPrepItem } from '@/lib/server/recovery/prep-checklist';
import { recordAttendedLate } from '@/lib/server/recovery/record-attended-late';
import { recordCall } from '@/lib/server/recovery/record-call';
import { recordOutcome } from '@/lib/server/recovery/record-outcome';
import { saveLesson } from '@/lib/server/recovery/save-lesson';
import { sendMessage } from '@/lib/server/recovery/send-message';
import { skipStep } from '@/lib/server/recovery/skip-step';
import { startRecovery } from '@/lib/server/recovery/start-recovery';
import { stopWaiting } from '@/lib/server/recovery/stop-waiting';
import {
  recordCallSchema,
  saveLessonSchema,
  SECOND_CHANCE_PREP_ITEMS,
  type SkipStepInput,
} from '@/lib/validation/recovery';
import { createTestInterview, createTestUser } from './support/factories';
import { signInAs } from './support/session';

// The input checks are the actions' (their schemas'); those tests run the action as the user.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

// Each test drives several transactions (and an SMTP round trip); on a machine busy with other
// builds the default 5 s can run out before anything is wrong.
jest.setTimeout(20_000);

const db = getDb();
const DAY = 86_400_000;
const ZONE = 'Europe/London';
afterAll(() => db.$disconnect());

// No SMTP here: the apology goes through the outbox and the user's confirmation.
withOutboxForFile('rebound-outcome-outbox');

async function captureError(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('Expected the promise to reject.');
  return outcome;
}

async function startMissed(kind: 'MISSED' | 'RUNNING_LATE' = 'MISSED') {
  const user = await createTestUser({ name: 'Sam Carter' });
  const start = new Date(Date.now() + (kind === 'MISSED' ? -2 : 2) * 3_600_000);
  const interview = await createTestInterview(user.id, { scheduledStart: start });
  await db.interview.update({
    where: { id: interview.id },
    data: { contactName: 'Priya Shah', contactEmail: 'priya@acme.test', travelMinutes: 40, bufferMinutes: 20 },
  });
  const { incidentId } = await startRecovery(user.id, {
    interviewId: interview.id,
    kind,
    reason: 'TRAFFIC_TRANSPORT',
    employerWarned: false,
    idempotencyKey: randomUUID(),
  });
  return { user, interview, incidentId };
}

/** Call, approve and send the apology (confirmed as sent by the user): the request is out. */
async function startAtOutcome(kind: 'MISSED' | 'RUNNING_LATE' = 'MISSED') {
  const scenario = await startMissed(kind);
  const { user, incidentId } = scenario;
  await recordCall(user.id, {
    incidentId,
    result: 'REACHED',
    response: 'WILL_GET_BACK',
    note: 'Recruiter will check with the team.',
  });
  await approveDraft(user.id, { incidentId });
  const apology = await db.message.findFirstOrThrow({ where: { incidentId, kind: 'APOLOGY' } });
  await sendMessage(user.id, {
    messageId: apology.id,
    recipient: 'priya@acme.test',
    subject: apology.subject ?? 'Apology',
    body: apology.body,
    idempotencyKey: randomUUID(),
  });
  await confirmManualSend(user.id, { messageId: apology.id });
  return scenario;
}

function localInDays(days: number): string {
  return utcToZonedLocal(new Date(Date.now() + days * DAY), ZONE);
}

describe('recording the outcome', () => {
  it('ACCEPTED creates the linked interview, marks the old one rescheduled and drafts the thank-you and prep note', async () => {
    const { user, interview, incidentId } = await startAtOutcome();
    const newStartLocal = localInDays(7);

    const result = await recordOutcome(user.id, { incidentId, answer: 'ACCEPTED', newStartLocal, timeZone: ZONE });

    if (result.answer !== 'ACCEPTED') throw new Error('Expected the accepted outcome.');
    expect(result.state).toBe('PREP');
    const replacement = await db.interview.findUniqueOrThrow({ where: { id: result.newInterviewId } });
    expect(replacement).toMatchObject({
      userId: user.id,
      rescheduledFromId: interview.id,
      // A new round of the same application.
      applicationId: interview.applicationId,
      scheduledStart: zonedLocalToUtc(newStartLocal, ZONE).instant,
      status: 'SCHEDULED',
      company: 'Acme Ltd',
      roleTitle: 'Backend Engineer',
      format: 'IN_PERSON',
      location: '1 High Street, London',
      contactName: 'Priya Shah',
      contactEmail: 'priya@acme.test',
    });
    expect(await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
      status: 'RESCHEDULED',
    });
    const incident = await db.missedIncident.findUniqueOrThrow({
      where: { id: incidentId },
      include: { rescheduleRequests: true },
    });
    expect(incident).toMatchObject({ recoveryState: 'PREP', outcome: 'RESCHEDULED' });
    const emailRequest = incident.rescheduleRequests.find((request) => request.channel === 'EMAIL');
    expect(emailRequest).toMatchObject({ status: 'ACCEPTED', newInterviewId: replacement.id });
    // The second chance is a move the employer agreed to, put on the new interview from the missed slot.
    const moves = await db.interviewTimeChange.findMany({ where: { userId: user.id } });
    expect(moves).toEqual([
      expect.objectContaining({
        interviewId: replacement.id,
        requestedBy: 'EMPLOYER',
        reasonCategory: 'EMPLOYER_REQUEST',
        reason: 'a new time agreed after a missed interview',
        fromStart: interview.scheduledStart,
        toStart: replacement.scheduledStart,
        fromTimeZone: interview.timeZone,
        toTimeZone: ZONE,
        fromDurationMinutes: interview.durationMinutes,
        toDurationMinutes: interview.durationMinutes,
      }),
    ]);
    expect(emailRequest?.respondedAt).toBeInstanceOf(Date);

    const thankYou = await db.message.findUniqueOrThrow({ where: { id: result.thankYouMessageId } });
    expect(thankYou).toMatchObject({
      kind: 'THANK_YOU_ACCEPTED',
      recipient: 'priya@acme.test',
      status: 'DRAFT',
      interviewId: interview.id,
    });
    expect(thankYou.body).toContain('Thank you for giving me a second chance');
    const prepNote = await db.message.findUniqueOrThrow({ where: { id: result.prepNoteId } });
    expect(prepNote).toMatchObject({ kind: 'PREP_NOTE', channel: 'NOTE', interviewId: replacement.id });
    expect(prepNote.body).toContain('Arrive at least 15 minutes early.');

    const oldEvents = await db.activityEvent.findMany({ where: { interviewId: interview.id } });
    expect(oldEvents.map((event) => event.type)).toEqual(
      expect.arrayContaining(['OUTCOME_RECORDED', 'STATUS_CHANGED']),
    );
    const newEvents = await db.activityEvent.findMany({ where: { interviewId: replacement.id } });
    expect(newEvents.map((event) => event.type)).toEqual(['CREATED']);
  });

  it('refuses a new time in the past and changes nothing', async () => {
    const { user, incidentId } = await startAtOutcome();

    const error = await captureError(
      recordOutcome(user.id, { incidentId, answer: 'ACCEPTED', newStartLocal: localInDays(-1), timeZone: ZONE }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({
      newStartLocal: 'The new time is in the past. Check the date, the time and the time zone.',
    });
    expect(await db.interview.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.missedIncident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      recoveryState: 'OUTCOME',
    });
  });

  it('refuses an outcome recorded twice, also when both arrive at once', async () => {
    const { user, incidentId } = await startAtOutcome();
    const accepted = { incidentId, answer: 'ACCEPTED' as const, newStartLocal: localInDays(5), timeZone: ZONE };

    const results = await Promise.allSettled([recordOutcome(user.id, accepted), recordOutcome(user.id, accepted)]);
    const later = await captureError(recordOutcome(user.id, { incidentId, answer: 'DECLINED' }));

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(ValidationError);
    expect(later.message).toBe(
      '“Record their answer” is already behind you. Next: finish preparing for the new interview.',
    );
    expect(await db.interview.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.message.count({ where: { incidentId, kind: 'THANK_YOU_ACCEPTED' } })).toBe(1);
    // The refused answer's transaction took its history row with it.
    expect(await db.interviewTimeChange.count({ where: { userId: user.id } })).toBe(1);
  });

  it('DECLINED drafts the thank-you for their consideration, moves to the lesson, and the lesson closes the incident', async () => {
    const { user, interview, incidentId } = await startAtOutcome();

    const result = await recordOutcome(user.id, { incidentId, answer: 'DECLINED', note: 'Position filled.' });

    if (result.answer !== 'DECLINED') throw new Error('Expected the declined outcome.');
    expect(result.state).toBe('LESSON');
    const thankYou = await db.message.findUniqueOrThrow({ where: { id: result.thankYouMessageId } });
    expect(thankYou).toMatchObject({
      kind: 'THANK_YOU_DECLINED',
      subject: 'Thank you for your consideration',
      recipient: 'priya@acme.test',
    });
    expect(thankYou.body).toContain('I apologise once more');
    expect(thankYou.body).not.toMatch(/reschedul/i);
    const recovery = await getRecovery(user.id, incidentId);
    expect(recovery.incident).toMatchObject({ recoveryState: 'LESSON', outcome: 'DECLINED' });
    expect(recovery.stepper.find((item) => item.step === 'PREP')).toMatchObject({
      status: 'skipped',
      skipReason: 'Not needed: they declined to reschedule.',
    });
    expect(await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({ status: 'MISSED' });

    const lesson = await saveLesson(
      user.id,
      saveLessonSchema.parse({
        incidentId,
        rootCause: 'TRAFFIC_TRANSPORT',
        whatHappened: 'I relied on one train with no slack.',
        actions: [{ text: 'Plan a backup route' }, { text: '  Leave 30 minutes earlier  ' }],
      }),
    );

    expect(lesson.outcome).toBe('DECLINED');
    const closed = await db.missedIncident.findUniqueOrThrow({ where: { id: incidentId }, include: { steps: true } });
    expect(closed.recoveryState).toBe('CLOSED');
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(closed.steps.find((step) => step.step === 'LESSON')).toMatchObject({ status: 'DONE' });
    const saved = await db.lesson.findUniqueOrThrow({
      where: { id: lesson.lessonId },
      include: { actions: { orderBy: { position: 'asc' } } },
    });
    expect(saved.actions.map((action) => [action.position, action.text])).toEqual([
      [0, 'Plan a backup route'],
      [1, 'Leave 30 minutes earlier'],
    ]);
    const types = (await db.activityEvent.findMany({ where: { interviewId: interview.id } })).map(
      (event) => event.type,
    );
    expect(types).toEqual(expect.arrayContaining(['LESSON_SAVED', 'INCIDENT_CLOSED']));
    expect(await listOpenRecoveries(user.id)).toEqual([]);
    await expect(
      saveLesson(user.id, { incidentId, rootCause: 'OTHER', whatHappened: 'again', actions: [{ text: 'again' }] }),
    ).rejects.toThrow('This incident is closed; nothing more can be recorded on it.');
  });

  it('NO_RESPONSE waits; after three business days one follow-up is drafted and a second is discouraged', async () => {
    const { user, incidentId } = await startAtOutcome();

    const waiting = await recordOutcome(user.id, { incidentId, answer: 'NO_RESPONSE' });
    expect(waiting).toMatchObject({ answer: 'NO_RESPONSE', state: 'OUTCOME', followUp: { status: 'WAITING' } });
    await expect(draftFollowUp(user.id, { incidentId })).rejects.toThrow(
      /^Give them time to answer: a follow-up makes sense from /,
    );

    await db.rescheduleRequest.updateMany({
      where: { incidentId, status: 'PENDING' },
      data: { askedAt: new Date(Date.now() - 10 * DAY) },
    });
    expect((await listOpenRecoveries(user.id))[0]).toMatchObject({ id: incidentId, isFollowUpDue: true });
    const drafted = await draftFollowUp(user.id, { incidentId });
    expect(await draftFollowUp(user.id, { incidentId })).toEqual({ messageId: drafted.messageId, created: false });
    const followUp = await db.message.findUniqueOrThrow({ where: { id: drafted.messageId } });
    expect(followUp).toMatchObject({ kind: 'FOLLOW_UP', recipient: 'priya@acme.test' });

    await confirmManualSend(user.id, { messageId: drafted.messageId });
    await expect(draftFollowUp(user.id, { incidentId })).rejects.toThrow(/^You have already followed up once\./);
    expect(await stopWaiting(user.id, { incidentId })).toEqual({ state: 'LESSON' });
    expect(await db.missedIncident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      outcome: 'NO_RESPONSE',
    });
  });
});

describe('second-chance preparation', () => {
  it('must be ticked in full before the flow moves on, and keeps when each item was ticked', async () => {
    const { user, incidentId } = await startAtOutcome();
    const accepted = await recordOutcome(user.id, {
      incidentId,
      answer: 'ACCEPTED',
      newStartLocal: localInDays(3),
      timeZone: ZONE,
    });
    if (accepted.answer !== 'ACCEPTED') throw new Error('Expected the accepted outcome.');
    const [first, ...rest] = SECOND_CHANCE_PREP_ITEMS;

    const checklist = await tickPrepItem(user.id, { incidentId, itemId: first.id, checked: true });
    expect(checklist.interviewId).toBe(accepted.newInterviewId);
    expect(checklist.leaveBy?.getTime()).toBe(checklist.scheduledStart.getTime() - (40 + 20 + 15) * 60_000);
    expect(checklist.items.find((item) => item.id === first.id)?.checkedAt).toBeInstanceOf(Date);
    await expect(completePrep(user.id, { incidentId })).rejects.toThrow(
      /^Tick every item before moving on\. Still open: /,
    );

    for (const item of rest)
      await tickPrepItem(user.id, { interviewId: accepted.newInterviewId, itemId: item.id, checked: true });
    const unticked = await tickPrepItem(user.id, { incidentId, itemId: first.id, checked: false });
    expect(unticked.isComplete).toBe(false);
    const done = await tickPrepItem(user.id, { incidentId, itemId: first.id, checked: true });
    expect(done.isComplete).toBe(true);

    expect(await completePrep(user.id, { incidentId })).toEqual({ state: 'LESSON' });
    const recovery = await getRecovery(user.id, incidentId);
    expect(recovery.stepper.find((item) => item.step === 'PREP')?.status).toBe('done');
    expect(recovery.prep?.isComplete).toBe(true);
    const stranger = await createTestUser();
    await expect(
      tickPrepItem(stranger.id, { interviewId: accepted.newInterviewId, itemId: first.id, checked: false }),
    ).rejects.toThrow(NotFoundError);
  });
});

describe('the order of steps', () => {
  it("refuses an out-of-order step with the state machine's message and writes nothing", async () => {
    const { user, incidentId } = await startMissed();

    await expect(recordOutcome(user.id, { incidentId, answer: 'DECLINED' })).rejects.toThrow(
      'Call the employer (or skip the call with a reason) before recording their answer.',
    );
    await expect(
      saveLesson(user.id, { incidentId, rootCause: 'FORGOT', whatHappened: 'x', actions: [{ text: 'y' }] }),
    ).rejects.toThrow('Call the employer (or skip the call with a reason) before writing the lesson.');
    await expect(skipStep(user.id, { incidentId, step: 'SEND', reason: 'Already emailed' })).rejects.toThrow(
      'Call the employer (or skip the call with a reason) before sending the email.',
    );
    signInAs(user);
    const empty = await skipStepAction({ incidentId, step: 'CALL', reason: '  ' });
    expect(empty).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'Check the highlighted fields.',
      fieldErrors: { reason: 'Say why you are skipping this step.' },
    });
    // The type forbids it, a crafted form post does not.
    const closedStep = 'CLOSED' as SkipStepInput['step'];
    const closing = await skipStepAction({ incidentId, step: closedStep, reason: 'done' });
    expect(closing).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: 'Check the highlighted fields.',
      fieldErrors: { step: 'Choose the step to skip.' },
    });
    expect(await db.recoveryStep.count({ where: { incidentId } })).toBe(0);
    expect(await db.lesson.count({ where: { userId: user.id } })).toBe(0);
  });

  it('skips a step with its reason, shown in the stepper', async () => {
    const { user, incidentId } = await startMissed();

    expect(await skipStep(user.id, { incidentId, step: 'CALL', reason: 'No phone number for the recruiter.' })).toEqual(
      { state: 'APOLOGY' },
    );

    const recovery = await getRecovery(user.id, incidentId);
    expect(recovery.stepper[0]).toMatchObject({
      step: 'CALL',
      status: 'skipped',
      skipReason: 'No phone number for the recruiter.',
    });
    expect(recovery.stepper[0]?.completedAt).toBeInstanceOf(Date);
  });

  it('records what was said on the call, and ignores a response to a voicemail', async () => {
    const reached = await startMissed();
    const voicemail = await startMissed();

    await recordCall(reached.user.id, { incidentId: reached.incidentId, result: 'REACHED', response: 'AGREED' });
    // As the form sends it with an answer still selected, parsed as its action parses it.
    await recordCall(
      voicemail.user.id,
      recordCallSchema.parse({ incidentId: voicemail.incidentId, result: 'VOICEMAIL', response: 'AGREED' }),
    );

    expect(await db.rescheduleRequest.findFirst({ where: { incidentId: reached.incidentId } })).toMatchObject({
      channel: 'CALL',
      callResult: 'REACHED',
      status: 'ACCEPTED',
    });
    expect(await db.rescheduleRequest.findFirst({ where: { incidentId: voicemail.incidentId } })).toMatchObject({
      callResult: 'VOICEMAIL',
      status: 'PENDING',
    });
    await expect(
      recordCall(voicemail.user.id, { incidentId: reached.incidentId, result: 'NO_ANSWER', response: 'NONE' }),
    ).rejects.toThrow(NotFoundError);
  });

  it('lets a running-late candidate who was still seen go straight to the lesson', async () => {
    const { user, interview, incidentId } = await startMissed('RUNNING_LATE');

    expect(await recordAttendedLate(user.id, { incidentId })).toEqual({ state: 'LESSON' });

    expect(await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).toMatchObject({
      status: 'COMPLETED',
    });
    expect(await db.missedIncident.findUniqueOrThrow({ where: { id: incidentId } })).toMatchObject({
      outcome: 'ATTENDED_LATE',
    });
    const missed = await startMissed();
    await expect(recordAttendedLate(missed.user.id, { incidentId: missed.incidentId })).rejects.toThrow(
      'Only a “running late” incident can end with attending late.',
    );
  });
});

describe('status changes on the timeline', () => {
  /** The status entries of an interview's timeline, oldest first, as the interview page lists them. */
  async function statusTimeline(userId: string, interviewId: string) {
    const { activityEvents } = await getInterview(userId, interviewId);
    return activityEvents
      .filter((event) => event.type === 'STATUS_CHANGED')
      .reverse()
      .map(({ summary, details }) => ({ summary, details }));
  }

  it('a miss reads "Scheduled → Missed", in the same shape as a status changed on the interview page', async () => {
    const { user, interview } = await startMissed();
    const other = await createTestInterview(user.id);
    await changeInterviewStatus(user.id, other.id, 'COMPLETED');

    expect(await statusTimeline(user.id, other.id)).toEqual([
      { summary: 'Scheduled → Completed', details: { from: 'SCHEDULED', to: 'COMPLETED' } },
    ]);
    expect(await statusTimeline(user.id, interview.id)).toEqual([
      { summary: 'Scheduled → Missed', details: { from: 'SCHEDULED', to: 'MISSED' } },
    ]);
  });

  it('the status changes later in a recovery read "From → To" as well', async () => {
    const accepted = await startAtOutcome();
    const result = await recordOutcome(accepted.user.id, {
      incidentId: accepted.incidentId,
      answer: 'ACCEPTED',
      newStartLocal: localInDays(7),
      timeZone: ZONE,
    });
    if (result.answer !== 'ACCEPTED') throw new Error('Expected the accepted outcome.');
    expect(await statusTimeline(accepted.user.id, accepted.interview.id)).toEqual([
      { summary: 'Scheduled → Missed', details: { from: 'SCHEDULED', to: 'MISSED' } },
      {
        summary: 'Missed → Rescheduled',
        details: { from: 'MISSED', to: 'RESCHEDULED', newInterviewId: result.newInterviewId },
      },
    ]);

    const declined = await startAtOutcome('RUNNING_LATE');
    await recordOutcome(declined.user.id, { incidentId: declined.incidentId, answer: 'DECLINED' });
    expect(await statusTimeline(declined.user.id, declined.interview.id)).toEqual([
      { summary: 'Scheduled → Missed', details: { from: 'SCHEDULED', to: 'MISSED' } },
    ]);

    const late = await startMissed('RUNNING_LATE');
    await recordAttendedLate(late.user.id, { incidentId: late.incidentId });
    expect(await statusTimeline(late.user.id, late.interview.id)).toEqual([
      { summary: 'Scheduled → Completed', details: { from: 'SCHEDULED', to: 'COMPLETED' } },
    ]);
  });
});
