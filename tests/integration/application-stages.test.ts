import { addStageAction, moveStageAction, removeStageAction, updateStageAction } from '@/lib/actions/stages';
import { getDb } from '@/lib/db';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { addStage } from '@/lib/server/applications/add-stage';
import { listStages } from '@/lib/server/applications/list-stages';
import { removeStage, stageInUseMessage } from '@/lib/server/applications/remove-stage';
import { reorderStages } from '@/lib/server/applications/reorder-stages';
import { updateStage } from '@/lib/server/applications/update-stage';
import { moveApplication } from '@/lib/server/applications/move-application';
import { createTestApplication, createTestUser, ensureTestStages } from './support/factories';
import { createInterviewFromForm } from './support/interview-fixtures';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();

afterAll(() => db.$disconnect());

async function stageNames(userId: string): Promise<string[]> {
  const stages = await db.applicationStage.findMany({
    where: { userId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { name: true },
  });
  return stages.map((stage) => stage.name);
}

async function stageOf(userId: string, systemKey: string) {
  return db.applicationStage.findFirstOrThrow({ where: { userId, systemKey } });
}

/** Everything of the user's pipeline, to show a refused write changed nothing. */
async function snapshot(userId: string) {
  const [stages, applications, changes] = await Promise.all([
    db.applicationStage.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    db.application.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
    db.stageChange.findMany({ where: { userId }, orderBy: { id: 'asc' } }),
  ]);
  return { stages, applications, changes };
}

async function userWithStages() {
  const user = await createTestUser();
  await ensureTestStages(user.id);
  return user;
}

describe('listing stages', () => {
  it('gives an account without stages the defaults, in order, with how many applications each holds', async () => {
    const user = await createTestUser();
    expect(await db.applicationStage.count({ where: { userId: user.id } })).toBe(0);
    const first = await listStages(user.id);
    expect(first.map((stage) => stage.name)).toEqual([
      'Saved',
      'Applied',
      'Screening',
      'Interviewing',
      'Offer',
      'Accepted',
      'Rejected',
      'Withdrawn',
      'Ghosted',
    ]);
    await createTestApplication(user.id, { stage: 'SCREENING' });
    await createTestApplication(user.id, { stage: 'SCREENING', company: 'Beta' });
    const counts = Object.fromEntries((await listStages(user.id)).map((stage) => [stage.name, stage.applicationCount]));
    expect(counts).toMatchObject({ Screening: 2, Applied: 0 });
  });
});

describe('renaming and the no-reply threshold', () => {
  it('renames a stage and keeps the timeline under the names it had', async () => {
    const user = await userWithStages();
    const application = await createTestApplication(user.id, { stage: 'APPLIED' });
    const screening = await stageOf(user.id, 'SCREENING');
    await moveApplication(user.id, application.id, screening.id);

    await updateStage(user.id, screening.id, { name: 'Phone screen', noReplyDays: 5 });

    expect(await db.applicationStage.findUniqueOrThrow({ where: { id: screening.id } })).toMatchObject({
      name: 'Phone screen',
      noReplyDays: 5,
      systemKey: 'SCREENING',
    });
    const change = await db.stageChange.findFirstOrThrow({ where: { applicationId: application.id } });
    expect(change).toMatchObject({ fromStageName: 'Applied', toStageName: 'Screening' });
  });

  it('refuses a name the user already has, in any case, on the name field', async () => {
    const user = await userWithStages();
    signInAs(user);
    const screening = await stageOf(user.id, 'SCREENING');
    const before = await snapshot(user.id);

    const result = await updateStageAction({ id: screening.id, values: { name: '  oFFer ', noReplyDays: '7' } });

    expect(result).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: { name: expect.stringContaining('Offer') },
    });
    expect(await snapshot(user.id)).toEqual(before);
    // Its own name in another case is not a clash.
    await expect(updateStage(user.id, screening.id, { name: 'SCREENING', noReplyDays: 7 })).resolves.toBeUndefined();
  });

  it('takes an empty threshold as never, and refuses 0 and 366', async () => {
    const user = await userWithStages();
    signInAs(user);
    const applied = await stageOf(user.id, 'APPLIED');
    expect(await updateStageAction({ id: applied.id, values: { name: 'Applied', noReplyDays: '' } })).toMatchObject({
      ok: true,
    });
    expect((await db.applicationStage.findUniqueOrThrow({ where: { id: applied.id } })).noReplyDays).toBeNull();
    for (const days of ['0', '366', '2.5', 'ten']) {
      const result = await updateStageAction({ id: applied.id, values: { name: 'Applied', noReplyDays: days } });
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: { noReplyDays: expect.any(String) } });
    }
    expect(await updateStageAction({ id: applied.id, values: { name: 'Applied', noReplyDays: '365' } })).toMatchObject({
      ok: true,
    });
    expect((await db.applicationStage.findUniqueOrThrow({ where: { id: applied.id } })).noReplyDays).toBe(365);
  });
});

describe('adding a stage', () => {
  it('puts it right after the chosen stage and renumbers the pipeline', async () => {
    const user = await userWithStages();
    signInAs(user);
    const applied = await stageOf(user.id, 'APPLIED');
    const result = await addStageAction({
      name: 'Take-home task',
      kind: 'OPEN',
      afterStageId: applied.id,
      noReplyDays: '10',
    });
    expect(result).toMatchObject({ ok: true });
    expect((await stageNames(user.id)).slice(0, 4)).toEqual(['Saved', 'Applied', 'Take-home task', 'Screening']);
    const positions = (await listStages(user.id)).map((stage) => stage.position);
    expect(positions).toEqual(positions.map((_, index) => index));
    expect(
      await db.applicationStage.findFirstOrThrow({ where: { userId: user.id, name: 'Take-home task' } }),
    ).toMatchObject({
      kind: 'OPEN',
      noReplyDays: 10,
      systemKey: null,
    });
  });

  it('adds at the start, gives a closed stage no threshold, and refuses a clashing name', async () => {
    const user = await userWithStages();
    await addStage(user.id, { name: 'Wishlist', kind: 'OPEN', afterStageId: '', noReplyDays: null });
    await addStage(user.id, { name: 'On hold', kind: 'CLOSED', afterStageId: '', noReplyDays: 9 });
    expect((await stageNames(user.id)).slice(0, 2)).toEqual(['On hold', 'Wishlist']);
    expect(
      (await db.applicationStage.findFirstOrThrow({ where: { userId: user.id, name: 'On hold' } })).noReplyDays,
    ).toBeNull();
    await expect(
      addStage(user.id, { name: 'GHOSTED', kind: 'CLOSED', afterStageId: '', noReplyDays: null }),
    ).rejects.toThrow(ValidationError);
  });

  it("refuses to place it after another user's stage", async () => {
    const [owner, other] = [await userWithStages(), await userWithStages()];
    const foreign = await stageOf(other.id, 'APPLIED');
    const before = await snapshot(owner.id);
    await expect(
      addStage(owner.id, { name: 'Sneaky', kind: 'OPEN', afterStageId: foreign.id, noReplyDays: null }),
    ).rejects.toThrow(NotFoundError);
    expect(await snapshot(owner.id)).toEqual(before);
  });
});

describe('reordering', () => {
  it('moves a stage up and down among the stages of its kind, positions rewritten', async () => {
    const user = await userWithStages();
    signInAs(user);
    const screening = await stageOf(user.id, 'SCREENING');
    expect(await moveStageAction({ id: screening.id, direction: 'up' })).toMatchObject({
      ok: true,
      data: { moved: true },
    });
    expect((await stageNames(user.id)).slice(0, 4)).toEqual(['Saved', 'Screening', 'Applied', 'Interviewing']);
    await reorderStages(user.id, screening.id, 'down');
    await reorderStages(user.id, screening.id, 'down');
    expect((await stageNames(user.id)).slice(0, 4)).toEqual(['Saved', 'Applied', 'Interviewing', 'Screening']);

    // Offer is the last open stage: down stays, as does the first closed stage going up.
    expect(await reorderStages(user.id, (await stageOf(user.id, 'OFFER')).id, 'down')).toBe(false);
    expect(await reorderStages(user.id, (await stageOf(user.id, 'ACCEPTED')).id, 'up')).toBe(false);
    const positions = (await listStages(user.id)).map((stage) => stage.position);
    expect(positions).toEqual(positions.map((_, index) => index));
  });

  it('keeps one order when two tabs reorder at once', async () => {
    const user = await userWithStages();
    const applied = await stageOf(user.id, 'APPLIED');
    const offer = await stageOf(user.id, 'OFFER');
    await Promise.all([reorderStages(user.id, applied.id, 'down'), reorderStages(user.id, offer.id, 'up')]);
    const positions = (await listStages(user.id)).map((stage) => stage.position);
    expect(new Set(positions).size).toBe(positions.length);
  });
});

describe('removing a stage', () => {
  it('removes an empty stage and closes the gap', async () => {
    const user = await userWithStages();
    await removeStage(user.id, (await stageOf(user.id, 'SCREENING')).id);
    expect(await stageNames(user.id)).not.toContain('Screening');
    const positions = (await listStages(user.id)).map((stage) => stage.position);
    expect(positions).toEqual(positions.map((_, index) => index));
  });

  it('refuses while it holds applications, saying how many, and changes nothing', async () => {
    const user = await userWithStages();
    signInAs(user);
    await createTestApplication(user.id, { stage: 'SCREENING', company: 'A' });
    await createTestApplication(user.id, { stage: 'SCREENING', company: 'B' });
    await createTestApplication(user.id, { stage: 'SCREENING', company: 'C' });
    const screening = await stageOf(user.id, 'SCREENING');
    const before = await snapshot(user.id);

    const result = await removeStageAction({ id: screening.id });

    expect(stageInUseMessage('Screening', 3)).toBe(
      'Screening holds 3 applications. Move them to another stage first, or choose a stage to move them to:',
    );
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION', message: stageInUseMessage('Screening', 3) });
    expect(await snapshot(user.id)).toEqual(before);
  });

  it('moves what it holds to the chosen stage in one go, each move in the timeline, and the history stays readable', async () => {
    const user = await userWithStages();
    signInAs(user);
    const applied = await stageOf(user.id, 'APPLIED');
    const screening = await stageOf(user.id, 'SCREENING');
    const first = await createTestApplication(user.id, { stage: 'APPLIED', company: 'A' });
    await moveApplication(user.id, first.id, screening.id, { now: new Date('2026-11-01T10:00:00Z') });
    const second = await createTestApplication(user.id, { stage: 'SCREENING', company: 'B' });
    const ghosted = await stageOf(user.id, 'GHOSTED');

    const now = new Date('2026-12-01T09:00:00Z');
    await expect(removeStage(user.id, screening.id, { moveToStageId: applied.id, now })).resolves.toEqual({ moved: 2 });

    expect(await db.applicationStage.findUnique({ where: { id: screening.id } })).toBeNull();
    const moved = await db.application.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(moved.map((application) => application.stageId)).toEqual([applied.id, applied.id]);
    const timeline = await db.stageChange.findMany({
      where: { applicationId: first.id },
      orderBy: { changedAt: 'asc' },
    });
    expect(
      timeline.map((change) => [change.fromStageName, change.toStageName, change.fromStageId, change.toStageId]),
    ).toEqual([
      ['Applied', 'Screening', applied.id, null],
      ['Screening', 'Applied', null, applied.id],
    ]);
    expect(timeline[1]).toMatchObject({ cause: 'USER', note: 'Stage Screening removed', changedAt: now });
    expect(await db.stageChange.count({ where: { applicationId: second.id, note: 'Stage Screening removed' } })).toBe(
      1,
    );

    // Into a closed stage: the applications close there, with the stage's reason.
    const interviewing = await stageOf(user.id, 'INTERVIEWING');
    await moveApplication(user.id, second.id, interviewing.id);
    expect(await removeStageAction({ id: interviewing.id, moveToStageId: ghosted.id })).toMatchObject({ ok: true });
    expect(await db.application.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      stageId: ghosted.id,
      closeReason: 'GHOSTED',
      closedAt: expect.any(Date),
    });
  });

  it('keeps the last open stage', async () => {
    const user = await userWithStages();
    signInAs(user);
    for (const key of ['SAVED', 'APPLIED', 'SCREENING', 'INTERVIEWING'])
      await removeStage(user.id, (await stageOf(user.id, key)).id);
    const offer = await stageOf(user.id, 'OFFER');
    await expect(removeStage(user.id, offer.id)).rejects.toThrow(ConflictError);
    expect(await removeStageAction({ id: offer.id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: expect.stringContaining('only open stage'),
    });
    expect(await db.applicationStage.findUnique({ where: { id: offer.id } })).not.toBeNull();
    // A closed stage can still go.
    await removeStage(user.id, (await stageOf(user.id, 'WITHDRAWN')).id);
  });

  it('refuses a target that is the stage itself', async () => {
    const user = await userWithStages();
    await createTestApplication(user.id, { stage: 'SCREENING' });
    const screening = await stageOf(user.id, 'SCREENING');
    await expect(removeStage(user.id, screening.id, { moveToStageId: screening.id })).rejects.toThrow(ValidationError);
  });
});

describe("another user's stage", () => {
  it('answers not found to every verb and action, and changes nothing', async () => {
    const [owner, attacker] = [await userWithStages(), await userWithStages()];
    await createTestApplication(owner.id, { stage: 'SCREENING' });
    const screening = await stageOf(owner.id, 'SCREENING');
    const attackersApplied = await stageOf(attacker.id, 'APPLIED');
    const before = await snapshot(owner.id);
    signInAs(attacker);

    await expect(updateStage(attacker.id, screening.id, { name: 'Mine', noReplyDays: 1 })).rejects.toThrow(
      NotFoundError,
    );
    await expect(reorderStages(attacker.id, screening.id, 'up')).rejects.toThrow(NotFoundError);
    await expect(removeStage(attacker.id, screening.id, { moveToStageId: attackersApplied.id })).rejects.toThrow(
      NotFoundError,
    );
    // Their own stage, but the victim's as the target.
    await expect(
      removeStage(attacker.id, (await stageOf(attacker.id, 'SCREENING')).id, { moveToStageId: screening.id }),
    ).rejects.toThrow(NotFoundError);
    for (const result of [
      await updateStageAction({ id: screening.id, values: { name: 'Mine', noReplyDays: '' } }),
      await moveStageAction({ id: screening.id, direction: 'down' }),
      await removeStageAction({ id: screening.id, moveToStageId: attackersApplied.id }),
    ])
      expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await snapshot(owner.id)).toEqual(before);
  });
});

describe('the default-stage rules after the user changed the pipeline', () => {
  it('finds Interviewing by its key after a rename and a reorder', async () => {
    const user = await userWithStages();
    const interviewing = await stageOf(user.id, 'INTERVIEWING');
    await updateStage(user.id, interviewing.id, { name: 'Talking to them', noReplyDays: 7 });
    await reorderStages(user.id, interviewing.id, 'up');
    const interview = await createInterviewFromForm(user.id, { company: 'Renamed Inc', roleTitle: 'Dev' });
    const application = await db.application.findUniqueOrThrow({ where: { id: interview.applicationId } });
    expect(application.stageId).toBe(interviewing.id);
  });

  it('copes when Applied and Interviewing were removed: a new application starts in the first open stage and stays', async () => {
    const user = await userWithStages();
    await removeStage(user.id, (await stageOf(user.id, 'APPLIED')).id);
    await removeStage(user.id, (await stageOf(user.id, 'INTERVIEWING')).id);
    const interview = await createInterviewFromForm(user.id, { company: 'Gone Stages Ltd', roleTitle: 'Dev' });
    const application = await db.application.findUniqueOrThrow({
      where: { id: interview.applicationId },
      include: { stage: true, stageChanges: true },
    });
    expect(application.stage.systemKey).toBe('SAVED');
    expect(application.stageChanges.map((change) => change.toStageName)).toEqual(['Saved']);
  });
});
