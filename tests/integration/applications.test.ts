import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { createAccount } from '@/lib/server/accounts/create-account';
import { findOrCreateOAuthUser } from '@/lib/server/accounts/find-or-create-oauth-user';
import { createInterview } from '@/lib/server/interviews/create-interview';
import { rescheduleByEmployer } from '@/lib/server/interviews/reschedule-by-employer';
import { updateInterview } from '@/lib/server/interviews/update-interview';
import { uniqueEmail, uniqueIp } from './support/accounts';
import { createTestApplication, createTestUser } from './support/factories';
import { createInterviewFromForm, interviewInput, parseInterviewForm } from './support/interview-fixtures';

const db = getDb();

afterAll(() => db.$disconnect());

/** The application's stage and timeline, by the stages' systemKeys. */
async function readPipeline(applicationId: string) {
  const application = await db.application.findUniqueOrThrow({
    where: { id: applicationId },
    include: {
      stage: true,
      stageChanges: { orderBy: [{ changedAt: 'asc' }, { id: 'asc' }], include: { fromStage: true, toStage: true } },
    },
  });
  return {
    stage: application.stage.systemKey,
    changes: application.stageChanges.map((change) => [
      change.fromStage?.systemKey ?? null,
      change.toStage?.systemKey ?? null,
      change.cause,
    ]),
  };
}

async function countRows(userId: string) {
  const [interviews, applications, stageChanges] = await Promise.all([
    db.interview.count({ where: { userId } }),
    db.application.count({ where: { userId } }),
    db.stageChange.count({ where: { userId } }),
  ]);
  return { interviews, applications, stageChanges };
}

describe('adding an interview', () => {
  it('opens an application for a new company and role, moved from Applied to Interviewing', async () => {
    const user = await createTestUser();
    const interview = await createInterviewFromForm(user.id, { company: 'Acme Ltd', roleTitle: 'Backend Engineer' });

    const application = await db.application.findUniqueOrThrow({ where: { id: interview.applicationId } });
    expect(application).toMatchObject({
      userId: user.id,
      company: 'Acme Ltd',
      roleTitle: 'Backend Engineer',
      matchKey: 'acme ltd\u001fbackend engineer',
      appliedOn: null,
      closedAt: null,
    });
    expect(await readPipeline(application.id)).toEqual({
      stage: 'INTERVIEWING',
      changes: [
        [null, 'APPLIED', 'INTERVIEW_SCHEDULED'],
        ['APPLIED', 'INTERVIEWING', 'INTERVIEW_SCHEDULED'],
      ],
    });
    // The user had no stages yet (the factory writes the user row alone): they get the defaults.
    expect(await db.applicationStage.count({ where: { userId: user.id } })).toBe(9);
  });

  it('adds a later round to the open application whose company and role match, whatever the case and spacing', async () => {
    const user = await createTestUser();
    const first = await createInterviewFromForm(user.id, { company: 'Acme Ltd', roleTitle: 'Backend Engineer' });
    const second = await createInterviewFromForm(user.id, {
      company: '  acme   LTD ',
      roleTitle: 'BACKEND engineer',
      date: '2027-03-17',
    });
    const otherRole = await createInterviewFromForm(user.id, { company: 'Acme Ltd', roleTitle: 'Designer' });

    expect(second.applicationId).toBe(first.applicationId);
    expect(otherRole.applicationId).not.toBe(first.applicationId);
    // Already in Interviewing: the second round moves nothing.
    expect((await readPipeline(first.applicationId)).changes).toHaveLength(2);
    expect(await countRows(user.id)).toEqual({ interviews: 3, applications: 2, stageChanges: 4 });
  });

  it('moves an application in Applied to Interviewing with one stage change', async () => {
    const user = await createTestUser();
    const applied = await createTestApplication(user.id, { stage: 'APPLIED' });

    const interview = await createInterviewFromForm(user.id);

    expect(interview.applicationId).toBe(applied.id);
    expect(await readPipeline(applied.id)).toEqual({
      stage: 'INTERVIEWING',
      changes: [['APPLIED', 'INTERVIEWING', 'INTERVIEW_SCHEDULED']],
    });
  });

  it('never moves an application backwards: one at Offer stays at Offer', async () => {
    const user = await createTestUser();
    const offer = await createTestApplication(user.id, { stage: 'OFFER' });

    const reused = await createInterviewFromForm(user.id);
    const { id } = await createInterview(user.id, parseInterviewForm(interviewInput({ company: 'Elsewhere' })), {
      applicationId: offer.id,
    });

    expect(reused.applicationId).toBe(offer.id);
    expect((await db.interview.findUniqueOrThrow({ where: { id } })).applicationId).toBe(offer.id);
    expect(await readPipeline(offer.id)).toEqual({ stage: 'OFFER', changes: [] });
  });

  it('does not add to a closed application, but opens a new one for the same role', async () => {
    const user = await createTestUser();
    const rejected = await createTestApplication(user.id, { stage: 'REJECTED', closedAt: new Date() });

    const interview = await createInterviewFromForm(user.id);

    expect(interview.applicationId).not.toBe(rejected.id);
    expect(await readPipeline(rejected.id)).toEqual({ stage: 'REJECTED', changes: [] });
    expect((await readPipeline(interview.applicationId)).stage).toBe('INTERVIEWING');
  });

  it("answers another user's application as not found, and writes nothing", async () => {
    const [owner, intruder] = await Promise.all([createTestUser(), createTestUser()]);
    const theirs = await createTestApplication(owner.id);
    const [ownerBefore, intruderBefore] = await Promise.all([countRows(owner.id), countRows(intruder.id)]);

    const attempt = createInterview(intruder.id, parseInterviewForm(interviewInput()), { applicationId: theirs.id });

    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createInterview(intruder.id, parseInterviewForm(interviewInput()), { applicationId: randomUUID() }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await Promise.all([countRows(owner.id), countRows(intruder.id)])).toEqual([ownerBefore, intruderBefore]);
  });

  it('saved twice at once for a new company and role, opens one application', async () => {
    const user = await createTestUser();
    const values = parseInterviewForm(interviewInput({ company: 'Racing Ltd' }));

    await Promise.all([createInterview(user.id, values), createInterview(user.id, values)]);

    expect(await countRows(user.id)).toEqual({ interviews: 2, applications: 1, stageChanges: 2 });
  });
});

describe('the interview’s application on other writes', () => {
  it('an edit to company or role keeps the interview in its application', async () => {
    const user = await createTestUser();
    const interview = await createInterviewFromForm(user.id);

    await updateInterview(user.id, interview.id, parseInterviewForm(interviewInput({ company: 'Globex' })));

    const after = await db.interview.findUniqueOrThrow({ where: { id: interview.id } });
    expect(after).toMatchObject({ company: 'Globex', applicationId: interview.applicationId });
    expect(await countRows(user.id)).toMatchObject({ applications: 1 });
  });

  it('rescheduled by the employer, the new interview is a round of the same application, with its contact', async () => {
    const user = await createTestUser();
    const old = await createInterviewFromForm(user.id);
    const contact = await db.applicationContact.create({
      data: { userId: user.id, applicationId: old.applicationId, name: 'Dana Recruiter', role: 'RECRUITER' },
    });
    await db.interview.update({ where: { id: old.id }, data: { contactId: contact.id } });

    const { id } = await rescheduleByEmployer(user.id, old.id, '2027-04-01', '14:00');

    expect(await db.interview.findUniqueOrThrow({ where: { id } })).toMatchObject({
      applicationId: old.applicationId,
      contactId: contact.id,
      rescheduledFromId: old.id,
    });
    expect(await countRows(user.id)).toMatchObject({ interviews: 2, applications: 1 });
  });
});

describe('the interview’s contact, a contact of its application', () => {
  it('a typed contact is saved to the application, and the next round with the same name reuses it', async () => {
    const user = await createTestUser();
    const first = await createInterviewFromForm(user.id, { contactName: 'Dana Reyes', contactEmail: '' });
    const second = await createInterviewFromForm(user.id, {
      contactName: 'dana reyes',
      contactEmail: 'dana@acme.test',
      date: '2030-06-02',
    });

    const contacts = await db.applicationContact.findMany({ where: { applicationId: first.applicationId } });
    expect(contacts).toEqual([expect.objectContaining({ name: 'Dana Reyes', email: 'dana@acme.test' })]);
    expect([first.contactId, second.contactId]).toEqual([contacts[0]?.id, contacts[0]?.id]);
    expect(second.applicationId).toBe(first.applicationId);
  });

  it('a chosen contact fills what the form left blank, and the application is the one chosen', async () => {
    const user = await createTestUser();
    const application = await createTestApplication(user.id, { company: 'Initech', roleTitle: 'Analyst' });
    const contact = await db.applicationContact.create({
      data: { userId: user.id, applicationId: application.id, name: 'Sam Lead', email: 'sam@initech.test' },
    });

    const interview = await createInterviewFromForm(user.id, {
      applicationId: application.id,
      contactId: contact.id,
      company: 'Initech',
      roleTitle: 'Analyst',
      contactName: '',
      contactEmail: '',
    });

    expect(interview).toMatchObject({
      applicationId: application.id,
      contactId: contact.id,
      contactName: 'Sam Lead',
      contactEmail: 'sam@initech.test',
    });
  });

  it("refuses another user's contact, or one of another application, and writes nothing", async () => {
    const [owner, intruder] = await Promise.all([createTestUser(), createTestUser()]);
    const theirs = await createTestApplication(owner.id);
    const theirContact = await db.applicationContact.create({
      data: { userId: owner.id, applicationId: theirs.id, name: 'Private Person' },
    });
    const mine = await createTestApplication(intruder.id, { company: 'Mine', roleTitle: 'Mine' });
    const myOther = await createTestApplication(intruder.id, { company: 'Other', roleTitle: 'Other' });
    const otherContact = await db.applicationContact.create({
      data: { userId: intruder.id, applicationId: myOther.id, name: 'Elsewhere' },
    });
    const before = await Promise.all([countRows(owner.id), countRows(intruder.id)]);

    for (const contactId of [theirContact.id, otherContact.id]) {
      await expect(
        createInterview(intruder.id, parseInterviewForm(interviewInput({ applicationId: mine.id, contactId }))),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(
      createInterview(intruder.id, parseInterviewForm(interviewInput({ applicationId: theirs.id }))),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await Promise.all([countRows(owner.id), countRows(intruder.id)])).toEqual(before);
  });

  it('an edit that names a new contact saves it to the interview’s application', async () => {
    const user = await createTestUser();
    const interview = await createInterviewFromForm(user.id);

    await updateInterview(
      user.id,
      interview.id,
      parseInterviewForm(interviewInput({ contactName: 'New Person', contactEmail: 'new@acme.example' })),
    );

    const after = await db.interview.findUniqueOrThrow({ where: { id: interview.id }, include: { contact: true } });
    expect(after.contact).toMatchObject({ name: 'New Person', applicationId: interview.applicationId });
  });
});

describe('new accounts', () => {
  it('get the default stages with the account, by password and by OAuth', async () => {
    const byPassword = await createAccount(
      { name: 'Nia New', email: uniqueEmail('stages'), password: `Correct horse ${randomUUID()}`, timeZone: 'UTC' },
      uniqueIp(),
    );
    const byOAuth = await findOrCreateOAuthUser({
      provider: 'github',
      providerAccountId: randomUUID(),
      email: uniqueEmail('oauth-stages'),
      name: 'Oli Auth',
    });

    for (const userId of [byPassword.id, byOAuth.id]) {
      const stages = await db.applicationStage.findMany({ where: { userId }, orderBy: { position: 'asc' } });
      expect(stages.map((stage) => [stage.name, stage.kind, stage.noReplyDays, stage.systemKey])).toEqual([
        ['Saved', 'OPEN', null, 'SAVED'],
        ['Applied', 'OPEN', 14, 'APPLIED'],
        ['Screening', 'OPEN', 7, 'SCREENING'],
        ['Interviewing', 'OPEN', 7, 'INTERVIEWING'],
        ['Offer', 'OPEN', null, 'OFFER'],
        ['Accepted', 'CLOSED', null, 'ACCEPTED'],
        ['Rejected', 'CLOSED', null, 'REJECTED'],
        ['Withdrawn', 'CLOSED', null, 'WITHDRAWN'],
        ['Ghosted', 'CLOSED', null, 'GHOSTED'],
      ]);
    }
  });
});
