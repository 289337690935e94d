import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { withOutboxForFile } from './support/outbox';
import { getDb } from '@/lib/db';
import { describeCall } from '@/lib/domain/recovery-labels';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { utcToZonedLocal } from '@/lib/domain/time';
import { getPatterns } from '@/lib/server/lessons/get-patterns';
import { approveDraft } from '@/lib/server/recovery/approve-draft';
import { confirmManualSend } from '@/lib/server/recovery/confirm-manual-send';
import { dismissMessage } from '@/lib/server/recovery/dismiss-message';
import { getRecovery } from '@/lib/server/recovery/get-recovery';
import { listUnsentMessages } from '@/lib/server/recovery/list-unsent-messages';
import { completePrep, tickPrepItem } from '@/lib/server/recovery/prep-checklist';
import { recordCall } from '@/lib/server/recovery/record-call';
import { recordOutcome } from '@/lib/server/recovery/record-outcome';
import { saveLesson } from '@/lib/server/recovery/save-lesson';
import { sendMessage } from '@/lib/server/recovery/send-message';
import { startRecovery } from '@/lib/server/recovery/start-recovery';
import { stopWaiting } from '@/lib/server/recovery/stop-waiting';
import { recordCallSchema, SECOND_CHANCE_PREP_ITEMS, type RecordCallInput } from '@/lib/validation/recovery';
import { createTestInterview, createTestUser } from './support/factories';

// The end of a recovery, walked through the same server functions the pages call: what the call
// record keeps, how every request to reschedule ends, and what the new interview's timeline says.

jest.setTimeout(30_000);

const db = getDb();
const ZONE = 'Europe/London';

// No SMTP: the apology goes to the outbox and the user confirms sending it.
withOutboxForFile('rebound-closing-outbox');
afterAll(() => db.$disconnect());

type Call = Omit<RecordCallInput, 'incidentId'>;

/** A miss two hours ago, the call as the form gives it, and the apology sent: the flow waits for their answer. */
async function reachOutcome(
  call: Call = { result: 'REACHED', response: 'WILL_GET_BACK', note: 'They will check with the team.' },
) {
  const user = await createTestUser({ name: 'Sam Carter' });
  const interview = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() - 2 * 3_600_000) });
  await db.interview.update({
    where: { id: interview.id },
    data: { contactName: 'Priya Shah', contactEmail: 'priya@acme.test' },
  });
  const { incidentId } = await startRecovery(user.id, {
    interviewId: interview.id,
    kind: 'MISSED',
    reason: 'TRAFFIC_TRANSPORT',
    employerWarned: false,
    idempotencyKey: randomUUID(),
  });
  await recordCall(user.id, recordCallSchema.parse({ incidentId, ...call }));
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
  return { user, interview, incidentId };
}

async function acceptInAWeek(userId: string, incidentId: string) {
  const newStartLocal = utcToZonedLocal(new Date(Date.now() + 7 * 86_400_000), ZONE);
  const result = await recordOutcome(userId, { incidentId, answer: 'ACCEPTED', newStartLocal, timeZone: ZONE });
  if (result.answer !== 'ACCEPTED') throw new Error('Expected the accepted outcome.');
  return result;
}

async function closeWithLesson(userId: string, incidentId: string) {
  await saveLesson(userId, {
    incidentId,
    rootCause: 'TRAFFIC_TRANSPORT',
    whatHappened: 'Trusted one train.',
    actions: [{ text: 'Leave earlier' }],
  });
}

describe('every request to reschedule ends with the incident', () => {
  it('a call answered "they will get back to me" counts as accepted once they agree, and nothing is left waiting', async () => {
    const { user, incidentId } = await reachOutcome();
    const result = await acceptInAWeek(user.id, incidentId);
    for (const item of SECOND_CHANCE_PREP_ITEMS) {
      await tickPrepItem(user.id, { incidentId, itemId: item.id, checked: true });
    }
    await completePrep(user.id, { incidentId });
    await closeWithLesson(user.id, incidentId);

    const requests = await db.rescheduleRequest.findMany({ where: { incidentId }, orderBy: { askedAt: 'asc' } });
    expect(requests.map((request) => [request.channel, request.status])).toEqual([
      ['CALL', 'ACCEPTED'],
      ['EMAIL', 'ACCEPTED'],
    ]);
    expect(requests.every((request) => request.respondedAt instanceof Date)).toBe(true);
    // Only the request the answer came on leads to the new interview.
    expect(requests.map((request) => request.newInterviewId)).toEqual([null, result.newInterviewId]);

    const patterns = await getPatterns(user.id, ZONE);
    expect(patterns.reschedule).toEqual({ accepted: 2, declined: 0, noResponse: 0, pending: 0, successRate: 1 });
    expect(patterns.outcomes.find((row) => row.outcome === 'WAITING')?.count).toBe(0);
  });

  it('a refusal ends the call request as declined too, and the success rate counts it', async () => {
    const { user, incidentId } = await reachOutcome();
    await recordOutcome(user.id, { incidentId, answer: 'DECLINED' });
    await closeWithLesson(user.id, incidentId);

    const patterns = await getPatterns(user.id, ZONE);
    expect(patterns.reschedule).toEqual({ accepted: 0, declined: 2, noResponse: 0, pending: 0, successRate: 0 });
  });

  it('stopping the wait ends every pending request unanswered', async () => {
    const { user, incidentId } = await reachOutcome({ result: 'VOICEMAIL' });
    await stopWaiting(user.id, { incidentId });
    const patterns = await getPatterns(user.id, ZONE);
    expect(patterns.reschedule).toEqual({ accepted: 0, declined: 0, noResponse: 2, pending: 0, successRate: null });
  });

  it('a request answered on the phone keeps its own answer when a later one decides', async () => {
    const { user, incidentId } = await reachOutcome({ result: 'REACHED', response: 'REFUSED' });
    await acceptInAWeek(user.id, incidentId);
    const statuses = (await db.rescheduleRequest.findMany({ where: { incidentId }, orderBy: { askedAt: 'asc' } })).map(
      (request) => request.status,
    );
    expect(statuses).toEqual(['DECLINED', 'ACCEPTED']);
  });
});

describe('the new interview starts afresh', () => {
  it('its timeline never mentions the miss, from the agreement to the preparation', async () => {
    const { user, interview, incidentId } = await reachOutcome();
    const { newInterviewId } = await acceptInAWeek(user.id, incidentId);
    for (const item of SECOND_CHANCE_PREP_ITEMS) {
      await tickPrepItem(user.id, { incidentId, itemId: item.id, checked: true });
    }
    await completePrep(user.id, { incidentId });

    const events = await db.activityEvent.findMany({
      where: { interviewId: newInterviewId },
      orderBy: { occurredAt: 'asc' },
    });
    expect(events.length).toBeGreaterThanOrEqual(1 + SECOND_CHANCE_PREP_ITEMS.length);
    expect(events[0]).toMatchObject({ type: 'CREATED' });
    for (const event of events) expect(event.summary).not.toMatch(/\bmiss(ed|ing)?\b|second chance|apolog|sorry/i);
    const notes = await db.message.findMany({ where: { interviewId: newInterviewId }, select: { body: true } });
    for (const note of notes) expect(note.body).not.toMatch(/\bmiss(ed|ing)?\b/i);
    // The old interview's own timeline still tells the story of the miss.
    const oldEvents = await db.activityEvent.findMany({ where: { interviewId: interview.id } });
    expect(oldEvents.map((event) => event.summary).join(' ')).toMatch(/missed/i);
  });
});

describe('the call record', () => {
  it('keeps what they said on the phone, and shows it after the outcome settled the request', async () => {
    const { user, incidentId } = await reachOutcome({ result: 'REACHED', response: 'WILL_GET_BACK' });
    const callRequest = async () =>
      (await getRecovery(user.id, incidentId)).requests.find((request) => request.channel === 'CALL');
    expect(await callRequest()).toMatchObject({
      callResult: 'REACHED',
      callResponse: 'WILL_GET_BACK',
      status: 'PENDING',
    });
    expect(describeCall(await callRequest())).toBe('I reached them · They will get back to me');

    await acceptInAWeek(user.id, incidentId);
    expect(describeCall(await callRequest())).toBe('I reached them · They will get back to me');
  });

  it('stores no answer for a voicemail, even one left selected in the form', async () => {
    const { user, incidentId } = await reachOutcome({ result: 'VOICEMAIL', response: 'AGREED' });
    const call = (await getRecovery(user.id, incidentId)).requests.find((request) => request.channel === 'CALL');
    expect(call).toMatchObject({ callResult: 'VOICEMAIL', callResponse: null });
    expect(describeCall(call)).toBe('I left a voicemail');
  });
});

describe('messages still to send', () => {
  it('lists the thank-you left unsent after the recovery closed, until it is dismissed', async () => {
    const { user, incidentId } = await reachOutcome();
    const { thankYouMessageId } = await acceptInAWeek(user.id, incidentId);
    for (const item of SECOND_CHANCE_PREP_ITEMS)
      await tickPrepItem(user.id, { incidentId, itemId: item.id, checked: true });
    await completePrep(user.id, { incidentId });
    await closeWithLesson(user.id, incidentId);

    const unsent = await listUnsentMessages(user.id);
    // The sent apology, the call script and the note for the day are not waiting to be sent.
    expect(unsent.messages.map((message) => [message.id, message.kind, message.incidentId])).toEqual([
      [thankYouMessageId, 'THANK_YOU_ACCEPTED', incidentId],
    ]);
    expect(unsent.total).toBe(1);
    expect(unsent.messages[0]?.interview).toEqual({ company: 'Acme Ltd', roleTitle: 'Backend Engineer' });

    const stranger = await createTestUser();
    await expect(dismissMessage(stranger.id, { messageId: thankYouMessageId })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listUnsentMessages(user.id)).total).toBe(1);

    const { dismissedAt } = await dismissMessage(user.id, { messageId: thankYouMessageId });
    expect(await dismissMessage(user.id, { messageId: thankYouMessageId })).toEqual({ dismissedAt });
    expect(await listUnsentMessages(user.id)).toEqual({ messages: [], total: 0 });
    // Dismissed is not deleted: the recovery's history still has it.
    expect(
      (await getRecovery(user.id, incidentId)).messages.find((message) => message.id === thankYouMessageId),
    ).toMatchObject({ status: 'DRAFT', dismissedAt });
  });

  it('drops the nudge about an unsent thank-you as soon as the thank-you is dismissed', async () => {
    const { user, incidentId } = await reachOutcome();
    const { thankYouMessageId } = await acceptInAWeek(user.id, incidentId);
    const nudges = () =>
      getDb().reminder.findMany({
        where: { incidentId, kind: 'THANK_YOU_UNSENT', state: 'SCHEDULED' },
        select: { id: true },
      });
    expect(await nudges()).toHaveLength(1);

    await dismissMessage(user.id, { messageId: thankYouMessageId });

    expect(await nudges()).toEqual([]);
  });

  it('refuses to dismiss a message that was sent', async () => {
    const { user, incidentId } = await reachOutcome();
    const apology = await db.message.findFirstOrThrow({ where: { incidentId, kind: 'APOLOGY' } });
    await expect(dismissMessage(user.id, { messageId: apology.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(dismissMessage(user.id, { messageId: 'not-an-id' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('the migration that settles requests left pending by earlier versions', () => {
  async function runSettleMigration() {
    const dir = path.resolve(__dirname, '..', '..', 'prisma', 'migrations');
    const folder = (await readdir(dir)).find((name) => name.endsWith('_settle_call_requests'));
    if (!folder) throw new Error('The settle_call_requests migration is missing.');
    const sql = await readFile(path.join(dir, folder, 'migration.sql'), 'utf8');
    const statements = sql
      .split(/;\s*\n/)
      .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
      .filter(Boolean);
    expect(statements).toHaveLength(2);
    // Run twice: applying it again (or on data it already settled) changes nothing.
    for (let round = 0; round < 2; round += 1) {
      for (const statement of statements) await db.$executeRawUnsafe(statement);
    }
  }

  it('ends the pending requests of incidents with an outcome, keeps open ones waiting, and recovers the call’s answer', async () => {
    const user = await createTestUser();
    const make = async (outcome: 'RESCHEDULED' | 'DECLINED' | 'ATTENDED_LATE' | null) => {
      const interview = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() - 86_400_000) });
      const incident = await db.missedIncident.create({
        data: {
          userId: user.id,
          interviewId: interview.id,
          reason: 'OTHER',
          outcome,
          recoveryState: outcome ? 'CLOSED' : 'OUTCOME',
          closedAt: outcome ? new Date() : null,
        },
      });
      // As earlier versions stored a call that reached someone: the answer only in the timeline.
      const call = await db.rescheduleRequest.create({
        data: { userId: user.id, incidentId: incident.id, channel: 'CALL', callResult: 'REACHED', status: 'PENDING' },
      });
      await db.activityEvent.create({
        data: {
          userId: user.id,
          interviewId: interview.id,
          type: 'CALL_RECORDED',
          summary: 'Called.',
          details: { incidentId: incident.id, result: 'REACHED', response: 'WILL_GET_BACK', note: null },
        },
      });
      return call.id;
    };
    const ids = {
      rescheduled: await make('RESCHEDULED'),
      declined: await make('DECLINED'),
      late: await make('ATTENDED_LATE'),
      open: await make(null),
    };

    await runSettleMigration();

    const rows = new Map(
      (await db.rescheduleRequest.findMany({ where: { userId: user.id } })).map((row) => [row.id, row]),
    );
    expect(rows.get(ids.rescheduled)).toMatchObject({ status: 'ACCEPTED', callResponse: 'WILL_GET_BACK' });
    expect(rows.get(ids.declined)).toMatchObject({ status: 'DECLINED', callResponse: 'WILL_GET_BACK' });
    expect(rows.get(ids.late)).toMatchObject({ status: 'NO_RESPONSE' });
    expect(rows.get(ids.open)).toMatchObject({ status: 'PENDING', respondedAt: null, callResponse: 'WILL_GET_BACK' });
    for (const id of [ids.rescheduled, ids.declined, ids.late]) expect(rows.get(id)?.respondedAt).toBeInstanceOf(Date);
  });
});
