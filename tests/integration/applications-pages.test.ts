import {
  addApplicationContactAction,
  changeApplicationStageAction,
  createApplicationAction,
  deleteApplicationContactAction,
  updateApplicationAction,
  updateApplicationContactAction,
} from '@/lib/actions/applications';
import { getDb } from '@/lib/db';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { addApplicationContact } from '@/lib/server/applications/add-application-contact';
import { createApplication } from '@/lib/server/applications/create-application';
import { deleteApplication } from '@/lib/server/applications/delete-application';
import { deleteApplicationContact } from '@/lib/server/applications/delete-application-contact';
import { findApplicationWarnings } from '@/lib/server/applications/find-application-warnings';
import { markApplicationGhosted } from '@/lib/server/applications/mark-application-ghosted';
import { moveApplication } from '@/lib/server/applications/move-application';
import { recordReply } from '@/lib/server/applications/record-reply';
import { updateApplication } from '@/lib/server/applications/update-application';
import { updateApplicationContact } from '@/lib/server/applications/update-application-contact';
import { loadApplicationPage } from '@/lib/server/pages/application';
import { applicationFormSchema, type ApplicationFormInput } from '@/lib/validation/application';
import { createTestApplication, createTestInterview, createTestUser, ensureTestStages } from './support/factories';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();
const DAY_MS = 86_400_000;

afterAll(() => db.$disconnect());

const form = (input: Partial<ApplicationFormInput> = {}) =>
  applicationFormSchema.parse({ company: 'Acme Ltd', roleTitle: 'Backend Engineer', ...input });

async function snapshot(userId: string) {
  const [applications, stageChanges, contacts, interviews] = await Promise.all([
    db.application.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    db.stageChange.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    db.applicationContact.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    db.interview.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
  ]);
  return { applications, stageChanges, contacts, interviews };
}

describe('creating and editing an application', () => {
  it('starts in Applied with its first timeline row, its match key, and what was typed stored as typed', async () => {
    const user = await createTestUser();
    const hostile = '<script>alert(1)</script> "Acme" & Co';
    const values = form({
      company: `  ${hostile} `,
      roleTitle: 'Backend  Engineer',
      source: 'OTHER',
      sourceDetail: 'A meetup',
      postingUrl: 'https://jobs.example/1',
      salaryMin: '50,000',
      salaryMax: 60000,
      salaryCurrency: 'gbp',
      salaryPeriod: 'YEAR',
      appliedOn: '2026-11-30',
      notes: 'Line one\nLine two',
    });
    const { id } = await createApplication(user.id, values, { now: new Date('2026-12-01T10:00:00Z') });
    const application = await db.application.findUniqueOrThrow({
      where: { id },
      include: { stage: true, stageChanges: true },
    });
    expect(application).toMatchObject({
      userId: user.id,
      company: hostile,
      roleTitle: 'Backend  Engineer',
      matchKey: `<script>alert(1)</script> "acme" & co\u001fbackend engineer`,
      sourceDetail: 'A meetup',
      salaryMin: 50000,
      salaryMax: 60000,
      salaryCurrency: 'GBP',
      salaryPeriod: 'YEAR',
      appliedOn: new Date('2026-11-30T00:00:00Z'),
      notes: 'Line one\nLine two',
      closedAt: null,
    });
    expect(application.stage.systemKey).toBe('APPLIED');
    expect(application.stageChanges).toEqual([
      expect.objectContaining({
        fromStageName: null,
        toStageName: 'Applied',
        cause: 'USER',
        changedAt: new Date('2026-12-01T10:00:00Z'),
      }),
    ]);
  });

  it('starts in the stage chosen; a closed one closes it, another user’s stage is not found and nothing is written', async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    const stages = await ensureTestStages(user.id);
    const otherStages = await ensureTestStages(other.id);
    const rejected = stages.find((stage) => stage.systemKey === 'REJECTED')!;
    const { id } = await createApplication(user.id, form(), { stageId: rejected.id });
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({
      stageId: rejected.id,
      closeReason: 'REJECTED',
      closedAt: expect.any(Date),
    });
    const before = await snapshot(user.id);
    await expect(createApplication(user.id, form(), { stageId: otherStages[0]!.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await snapshot(user.id)).toEqual(before);
  });

  it('saves an edit, clearing what the form left empty; another user’s application is not found and unchanged', async () => {
    const user = await createTestUser();
    const attacker = await createTestUser();
    const { id } = await createApplication(user.id, form({ location: 'London', notes: 'Keep' }));
    await updateApplication(user.id, id, form({ company: 'Globex', roleTitle: 'SRE', isRemote: true }));
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({
      company: 'Globex',
      matchKey: 'globex\u001fsre',
      location: null,
      notes: null,
      isRemote: true,
    });
    const before = await snapshot(user.id);
    await expect(updateApplication(attacker.id, id, form({ company: 'Mallory' }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await snapshot(user.id)).toEqual(before);
  });
});

describe('the duplicate warning', () => {
  it('finds the same role however it is typed, and the same company closed as rejected or ghosted in the last six months', async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const user = await createTestUser();
    const same = await createTestApplication(user.id, {
      company: 'Acme Ltd',
      roleTitle: 'Backend Engineer',
      stage: 'APPLIED',
    });
    const rejected = await createTestApplication(user.id, {
      company: 'ACME  ltd',
      roleTitle: 'Designer',
      stage: 'REJECTED',
    });
    await db.application.update({
      where: { id: rejected.id },
      data: { closeReason: 'REJECTED', closedAt: new Date(now.getTime() - 30 * DAY_MS) },
    });
    const old = await createTestApplication(user.id, { company: 'Acme Ltd', roleTitle: 'PM', stage: 'GHOSTED' });
    await db.application.update({
      where: { id: old.id },
      data: { closeReason: 'GHOSTED', closedAt: new Date(now.getTime() - 200 * DAY_MS) },
    });
    const withdrawn = await createTestApplication(user.id, {
      company: 'Acme Ltd',
      roleTitle: 'QA',
      stage: 'WITHDRAWN',
    });
    await db.application.update({ where: { id: withdrawn.id }, data: { closeReason: 'WITHDRAWN', closedAt: now } });
    await createTestApplication(user.id, { company: 'Acme Ltd Labs', roleTitle: 'Backend Engineer' });
    const stranger = await createTestUser();
    await createTestApplication(stranger.id, { company: 'Acme Ltd', roleTitle: 'Backend Engineer' });

    const warnings = await findApplicationWarnings(user.id, {
      company: ' acme LTD ',
      roleTitle: 'backend   engineer',
      now,
    });
    expect(warnings.sameRole).toEqual([
      { id: same.id, company: 'Acme Ltd', roleTitle: 'Backend Engineer', stageName: 'Applied' },
    ]);
    expect(warnings.recentClosures).toEqual([
      expect.objectContaining({ id: rejected.id, closeReason: 'REJECTED', roleTitle: 'Designer' }),
    ]);
    const excluded = await findApplicationWarnings(user.id, {
      company: 'Acme Ltd',
      roleTitle: 'Backend Engineer',
      excludeApplicationId: same.id,
      now,
    });
    expect(excluded.sameRole).toEqual([]);
    // LIKE's wildcards in a company name match only themselves.
    expect(await findApplicationWarnings(user.id, { company: 'Acme%', roleTitle: 'x', now })).toEqual({
      sameRole: [],
      recentClosures: [],
    });
  });

  it('the create action answers the warnings without saving, then saves once they are acknowledged', async () => {
    const user = signInAs(await createTestUser());
    const first = await createApplicationAction({ values: { company: 'Initech', roleTitle: 'Dev' } });
    expect(first).toMatchObject({ ok: true, data: { saved: true } });
    const second = await createApplicationAction({ values: { company: 'initech ', roleTitle: 'DEV' } });
    expect(second).toMatchObject({
      ok: true,
      data: { saved: false, warnings: { sameRole: [expect.objectContaining({ company: 'Initech' })] } },
    });
    expect(await db.application.count({ where: { userId: user.id } })).toBe(1);
    const third = await createApplicationAction({
      values: { company: 'initech ', roleTitle: 'DEV' },
      acknowledgeWarnings: true,
    });
    expect(third).toMatchObject({ ok: true, data: { saved: true } });
    expect(await db.application.count({ where: { userId: user.id } })).toBe(2);
  });

  it('the create action refuses bad input field by field and saves nothing', async () => {
    const user = signInAs(await createTestUser());
    const answer = await createApplicationAction({
      values: {
        company: ' ',
        roleTitle: 'Dev',
        salaryMin: '10',
        salaryMax: '5',
        appliedOn: '2999-01-01',
        postingUrl: 'javascript:alert(1)',
      },
    });
    expect(answer).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: {
        company: 'Enter the company.',
        salaryMax: 'The maximum salary must be at least the minimum.',
        appliedOn: expect.stringMatching(/future/),
        postingUrl: expect.stringMatching(/https:\/\//),
      },
    });
    expect(await db.application.count({ where: { userId: user.id } })).toBe(0);
    const edit = await updateApplicationAction({ id: 'missing-id', values: { company: 'A', roleTitle: 'B' } });
    expect(edit).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('deleting an application', () => {
  it('takes its rounds, recoveries, messages, contacts and timeline in one go; its lessons stay with the company', async () => {
    const user = await createTestUser();
    const application = await createTestApplication(user.id, { company: 'Umbrella' });
    const round = await createTestInterview(user.id, { company: 'Umbrella', applicationId: application.id });
    await createTestInterview(user.id, { company: 'Umbrella', applicationId: application.id });
    const incident = await db.missedIncident.create({
      data: { userId: user.id, interviewId: round.id, reason: 'FORGOT' },
    });
    await db.message.create({
      data: {
        userId: user.id,
        interviewId: round.id,
        incidentId: incident.id,
        kind: 'APOLOGY',
        channel: 'EMAIL',
        body: 'Sorry',
      },
    });
    await db.message.create({
      data: { userId: user.id, incidentId: incident.id, kind: 'FOLLOW_UP', channel: 'EMAIL', body: 'Hello?' },
    });
    const lesson = await db.lesson.create({
      data: { userId: user.id, incidentId: incident.id, rootCause: 'FORGOT', whatHappened: 'Forgot' },
    });
    await addApplicationContact(user.id, application.id, { name: 'Dana', role: 'RECRUITER' });
    await moveApplication(user.id, application.id, (await ensureTestStages(user.id))[1]!.id);
    const kept = await createTestApplication(user.id, { company: 'Other' });
    await createTestInterview(user.id, { company: 'Other', applicationId: kept.id });

    const page = await loadApplicationPage({ id: user.id, timeZone: 'Europe/London' }, application.id);
    expect(page.deletion).toEqual({ rounds: 2, recoveries: 1, messages: 2, lessons: 1 });
    const attacker = await createTestUser();
    await expect(deleteApplication(attacker.id, application.id)).rejects.toBeInstanceOf(NotFoundError);

    expect(await deleteApplication(user.id, application.id)).toEqual({
      rounds: 2,
      recoveries: 1,
      messages: 2,
      lessons: 1,
    });
    const after = await snapshot(user.id);
    expect(after.applications.map((row) => row.id)).toEqual([kept.id]);
    expect(after.interviews.map((row) => row.applicationId)).toEqual([kept.id]);
    expect(after.contacts).toEqual([]);
    expect(after.stageChanges.filter((row) => row.applicationId === application.id)).toEqual([]);
    expect(await db.missedIncident.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.message.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.lesson.findUniqueOrThrow({ where: { id: lesson.id } })).toMatchObject({
      incidentId: null,
      company: 'Umbrella',
    });
  });
});

describe('contacts', () => {
  it('adds, edits and removes a contact; another user’s application or contact is not found and unchanged', async () => {
    const user = await createTestUser();
    const attacker = await createTestUser();
    const application = await createTestApplication(user.id);
    const { id } = await addApplicationContact(user.id, application.id, {
      name: 'Dana',
      email: 'dana@acme.test',
      role: 'RECRUITER',
    });
    await updateApplicationContact(user.id, id, {
      name: 'Dana Scully',
      phone: '+44 20 7946 0000',
      role: 'HIRING_MANAGER',
    });
    expect(await db.applicationContact.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: 'Dana Scully',
      email: null,
      phone: '+44 20 7946 0000',
      role: 'HIRING_MANAGER',
    });
    const before = await snapshot(user.id);
    await expect(
      addApplicationContact(attacker.id, application.id, { name: 'M', role: 'OTHER' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateApplicationContact(attacker.id, id, { name: 'M', role: 'OTHER' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(deleteApplicationContact(attacker.id, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot(user.id)).toEqual(before);
    await deleteApplicationContact(user.id, id);
    expect(await db.applicationContact.count({ where: { applicationId: application.id } })).toBe(0);
  });

  it('the contact actions check the fields and answer another user’s ids as missing', async () => {
    const owner = await createTestUser();
    const application = await createTestApplication(owner.id);
    const { id } = await addApplicationContact(owner.id, application.id, { name: 'Dana', role: 'RECRUITER' });
    signInAs(owner);
    expect(
      await addApplicationContactAction({
        applicationId: application.id,
        values: { name: '', email: 'nope', role: 'OTHER' },
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.any(String), email: expect.any(String) },
    });
    signInAs(await createTestUser());
    expect(await updateApplicationContactAction({ id, values: { name: 'M', role: 'OTHER' } })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await deleteApplicationContactAction({ id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await db.applicationContact.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: 'Dana' });
  });
});

describe('replies, stage changes and the no-reply clock', () => {
  it('a stage change with a note writes one timeline row; a stale page is refused', async () => {
    const user = signInAs(await createTestUser());
    const application = await createTestApplication(user.id, { stage: 'APPLIED' });
    const stages = await ensureTestStages(user.id);
    const screening = stages.find((stage) => stage.systemKey === 'SCREENING')!;
    const offer = stages.find((stage) => stage.systemKey === 'OFFER')!;
    const answer = await changeApplicationStageAction({
      id: application.id,
      stageId: screening.id,
      note: '  Call on Monday\n<b>bold</b> ',
      expectedStageId: application.stageId,
    });
    expect(answer).toEqual({ ok: true, data: { moved: true } });
    expect(await db.stageChange.findMany({ where: { applicationId: application.id } })).toEqual([
      expect.objectContaining({
        fromStageName: 'Applied',
        toStageName: 'Screening',
        note: 'Call on Monday\n<b>bold</b>',
        cause: 'USER',
      }),
    ]);
    const stale = await changeApplicationStageAction({
      id: application.id,
      stageId: offer.id,
      expectedStageId: application.stageId,
    });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      stageId: screening.id,
    });
  });

  it('records a reply; flags no reply past the stage’s threshold, then offers Ghosted, which moves it in one click', async () => {
    const user = await createTestUser();
    const attacker = await createTestUser();
    const owner = { id: user.id, timeZone: 'Europe/London' };
    const applied = new Date('2026-10-01T00:00:00Z');
    const { id } = await createApplication(user.id, form({ appliedOn: '2026-10-01' }), { now: applied });

    const waiting = await loadApplicationPage(owner, id, new Date('2026-10-10T00:00:00Z'));
    expect(waiting.ghost.kind).toBe('waiting');
    const quiet = await loadApplicationPage(owner, id, new Date('2026-10-20T00:00:00Z'));
    expect(quiet.ghost).toEqual({
      kind: 'no-reply',
      since: new Date('2026-10-15T00:00:00Z'),
      // Fourteen calendar days in London keep the clock time across the end of summer time.
      suggestGhostedAt: new Date('2026-10-29T01:00:00Z'),
    });
    const ghosted = await loadApplicationPage(owner, id, new Date('2026-11-01T00:00:00Z'));
    expect(ghosted.ghost.kind).toBe('suggest-ghosted');
    expect(ghosted.canMarkGhosted).toBe(true);

    await expect(recordReply(attacker.id, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markApplicationGhosted(attacker.id, id)).rejects.toBeInstanceOf(NotFoundError);
    await recordReply(user.id, id, new Date('2026-10-31T00:00:00Z'));
    const replied = await loadApplicationPage(owner, id, new Date('2026-11-01T00:00:00Z'));
    expect(replied.application.lastReplyAt).toEqual(new Date('2026-10-31T00:00:00Z'));
    expect(replied.ghost.kind).toBe('waiting');

    await expect(markApplicationGhosted(user.id, id, { expectedStageId: 'not-the-stage' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const result = await markApplicationGhosted(user.id, id, { expectedStageId: replied.application.stage.id });
    expect(result.moved).toBe(true);
    const after = await loadApplicationPage(owner, id, new Date('2026-11-01T00:00:00Z'));
    expect(after.application).toMatchObject({ closeReason: 'GHOSTED', stage: { systemKey: 'GHOSTED' } });
    expect(after.ghost.kind).toBe('none');
    expect(after.canMarkGhosted).toBe(false);
    expect(after.application.stageChanges.map((change) => change.toStageName)).toEqual(['Applied', 'Ghosted']);

    // Without a Ghosted stage there is nothing to move it to: a clear refusal.
    const other = await createApplication(user.id, form({ company: 'Hooli' }));
    await db.applicationStage.updateMany({
      where: { userId: user.id, systemKey: 'GHOSTED' },
      data: { systemKey: null },
    });
    await expect(markApplicationGhosted(user.id, other.id)).rejects.toBeInstanceOf(ValidationError);
  });

  it('the application page is not found for another user', async () => {
    const user = await createTestUser();
    const application = await createTestApplication(user.id);
    const attacker = await createTestUser();
    await expect(loadApplicationPage({ id: attacker.id, timeZone: 'UTC' }, application.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
