import { randomUUID } from 'node:crypto';
import {
  createLessonAction,
  markLessonReviewedAction,
  retirePreventionActionAction,
  updateLessonAction,
} from '@/lib/actions/lessons';
import EditLessonPage from '@/app/(app)/lessons/[lessonId]/edit/page';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import type { User } from '@/lib/generated/prisma/client';
import { getLesson } from '@/lib/server/lessons/get-lesson';
import { markLessonReviewed } from '@/lib/server/lessons/mark-lesson-reviewed';
import { retirePreventionAction } from '@/lib/server/lessons/retire-prevention-action';
import { STALE_LESSON_MESSAGE, updateLesson } from '@/lib/server/lessons/update-lesson';
import { signInAs } from './support/session';

// The session is whoever the test signs in; the rest (user lookup) is the real code.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();
let signedIn: User | null = null;

beforeEach(() => {
  signedIn = signInAs(null);
});

afterAll(() => db.$disconnect());

async function createUser(): Promise<User> {
  return db.user.create({
    data: { email: `lessons-${randomUUID()}@example.test`, name: 'Les Son', timeZone: 'Europe/London' },
  });
}

async function createLessonFor(userId: string, actions: string[] = ['Leave 30 minutes earlier', 'Check the trains']) {
  return db.lesson.create({
    data: {
      userId,
      rootCause: 'TRAFFIC_TRANSPORT',
      whatHappened: 'The bus never came.',
      actions: { create: actions.map((text, position) => ({ text, position })) },
    },
    include: { actions: { orderBy: { position: 'asc' } } },
  });
}

/** The lesson and its actions exactly as stored, to compare before and after. */
async function snapshot(lessonId: string) {
  return db.lesson.findUnique({ where: { id: lessonId }, include: { actions: { orderBy: { id: 'asc' } } } });
}

const NOT_FOUND = { ok: false, code: 'NOT_FOUND', message: 'That lesson does not exist.' };

async function captureDigest(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'digest' in error) return String(error.digest);
    throw error;
  }
  return '';
}

describe('createLessonAction', () => {
  it('saves a lesson added by hand with its non-blank actions in order', async () => {
    signedIn = signInAs(await createUser());
    const result = await createLessonAction({
      rootCause: 'FORGOT',
      whatHappened: '  Nearly forgot the call.  ',
      actions: [{ text: 'Two reminders' }, { text: '   ' }, { text: 'Write it on paper' }],
      userId: 'someone-else',
    } as never);
    if (!result.ok) throw new Error(result.message);
    const saved = await getLesson(signedIn.id, result.data.id);
    expect(saved).toMatchObject({
      rootCause: 'FORGOT',
      whatHappened: 'Nearly forgot the call.',
      incident: null,
      reviewedAt: null,
    });
    expect(saved.actions.map((action) => [action.text, action.position])).toEqual([
      ['Two reminders', 0],
      ['Write it on paper', 1],
    ]);
  });

  it('refuses empty text and too many or too long actions with field messages, saving nothing', async () => {
    signedIn = signInAs(await createUser());
    const result = await createLessonAction({
      rootCause: 'NOPE',
      whatHappened: '   ',
      actions: [...Array.from({ length: 3 }, () => ({ text: 'ok' })), { text: 'x'.repeat(301) }],
    } as never);
    expect(result).toMatchObject({
      ok: false,
      message: 'Check the highlighted fields.',
      fieldErrors: {
        rootCause: expect.stringMatching(/^Choose what caused it/),
        whatHappened: 'Write what happened, even in one sentence.',
        'actions.3.text': expect.stringMatching(/at most 300 characters/),
      },
    });
    const eleven = await createLessonAction({
      rootCause: 'OTHER',
      whatHappened: 'x',
      actions: Array.from({ length: 11 }, () => ({ text: 'a' })),
    });
    expect(eleven).toMatchObject({
      ok: false,
      fieldErrors: { actions: expect.stringMatching(/10 prevention actions at most/) },
    });
    expect(await db.lesson.count({ where: { userId: signedIn.id } })).toBe(0);
  });

  it('sends a signed-out caller to sign in', async () => {
    const digest = await captureDigest(() =>
      createLessonAction({ rootCause: 'OTHER', whatHappened: 'x', actions: [] }),
    );
    expect(digest).toMatch(/^NEXT_REDIRECT;[^;]*;\/sign-in\?/);
  });
});

describe('updateLessonAction', () => {
  it('edits the text, keeps, edits, removes and adds actions, and leaves retired ones alone', async () => {
    signedIn = signInAs(await createUser());
    const lesson = await createLessonFor(signedIn.id, ['Keep me', 'Change me', 'Remove me', 'Habit']);
    const [keep, change, , habit] = lesson.actions as [
      (typeof lesson.actions)[number],
      (typeof lesson.actions)[number],
      unknown,
      (typeof lesson.actions)[number],
    ];
    await retirePreventionAction(signedIn.id, habit.id);

    const result = await updateLessonAction({
      id: lesson.id,
      values: {
        rootCause: 'SCHEDULE_MIXUP',
        whatHappened: 'It was the wrong day.',
        actions: [
          { actionId: change.id, text: 'Changed' },
          { text: 'Brand new' },
          { actionId: keep.id, text: 'Keep me' },
        ],
      },
    });
    expect(result).toEqual({ ok: true, data: undefined });

    const saved = await getLesson(signedIn.id, lesson.id);
    expect(saved).toMatchObject({ rootCause: 'SCHEDULE_MIXUP', whatHappened: 'It was the wrong day.' });
    const active = saved.actions.filter((action) => action.retiredAt === null);
    expect(active.map((action) => [action.text, action.position])).toEqual([
      ['Changed', 0],
      ['Brand new', 1],
      ['Keep me', 2],
    ]);
    expect(active.find((action) => action.text === 'Changed')?.id).toBe(change.id);
    expect(saved.actions.filter((action) => action.retiredAt !== null).map((action) => action.id)).toEqual([habit.id]);
  });

  it('refuses an out-of-date form (an action retired meanwhile) and changes nothing', async () => {
    signedIn = signInAs(await createUser());
    const lesson = await createLessonFor(signedIn.id);
    const [first] = lesson.actions as [(typeof lesson.actions)[number]];
    await retirePreventionAction(signedIn.id, first.id);
    const before = await snapshot(lesson.id);
    const result = await updateLessonAction({
      id: lesson.id,
      values: { rootCause: 'OTHER', whatHappened: 'Changed', actions: [{ actionId: first.id, text: 'Edited' }] },
    });
    expect(result).toEqual({ ok: false, code: 'VALIDATION', message: STALE_LESSON_MESSAGE, fieldErrors: {} });
    expect(await snapshot(lesson.id)).toEqual(before);
  });

  it('refuses an action id of another lesson', async () => {
    signedIn = signInAs(await createUser());
    const lesson = await createLessonFor(signedIn.id);
    const other = await createLessonFor(signedIn.id);
    const before = await snapshot(other.id);
    const foreignActionId = (other.actions[0] as { id: string }).id;
    const result = await updateLessonAction({
      id: lesson.id,
      values: { rootCause: 'OTHER', whatHappened: 'x', actions: [{ actionId: foreignActionId, text: 'Stolen' }] },
    });
    expect(result).toMatchObject({ ok: false, message: STALE_LESSON_MESSAGE });
    expect(await snapshot(other.id)).toEqual(before);
  });

  it('keeps field errors on their rows', async () => {
    signedIn = signInAs(await createUser());
    const lesson = await createLessonFor(signedIn.id);
    const result = await updateLessonAction({
      id: lesson.id,
      values: { rootCause: 'OTHER', whatHappened: '', actions: [{ text: 'fine' }, { text: 'z'.repeat(400) }] },
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { whatHappened: expect.any(String), 'actions.1.text': expect.any(String) },
    });
  });
});

describe('review and retire', () => {
  it('marks a lesson reviewed now', async () => {
    signedIn = signInAs(await createUser());
    const lesson = await createLessonFor(signedIn.id);
    const before = Date.now();
    expect(await markLessonReviewedAction({ id: lesson.id })).toEqual({ ok: true, data: undefined });
    const { reviewedAt } = await getLesson(signedIn.id, lesson.id);
    expect(reviewedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('retires an action once, keeping the first date', async () => {
    signedIn = signInAs(await createUser());
    const lesson = await createLessonFor(signedIn.id);
    const actionId = (lesson.actions[0] as { id: string }).id;
    const first = new Date('2026-01-01T00:00:00Z');
    await retirePreventionAction(signedIn.id, actionId, first);
    expect(await retirePreventionActionAction({ id: actionId })).toEqual({ ok: true, data: undefined });
    const saved = await getLesson(signedIn.id, lesson.id);
    expect(saved.actions.find((action) => action.id === actionId)?.retiredAt).toEqual(first);
    expect(saved.actions.filter((action) => action.retiredAt === null)).toHaveLength(1);
  });
});

describe('ownership', () => {
  let owner: User;
  let intruder: User;
  let lesson: Awaited<ReturnType<typeof createLessonFor>>;

  beforeAll(async () => {
    [owner, intruder] = await Promise.all([createUser(), createUser()]);
    lesson = await createLessonFor(owner.id);
  });

  const form = { rootCause: 'OTHER' as const, whatHappened: 'Hijacked', actions: [{ text: 'Mine now' }] };

  it('answers another user exactly like a missing lesson, and changes nothing', async () => {
    const before = await snapshot(lesson.id);
    signedIn = signInAs(intruder);
    const actionId = (lesson.actions[0] as { id: string }).id;
    expect(await updateLessonAction({ id: lesson.id, values: form })).toEqual(NOT_FOUND);
    expect(
      await updateLessonAction({ id: lesson.id, values: { ...form, actions: [{ actionId, text: 'Mine now' }] } }),
    ).toEqual(NOT_FOUND);
    expect(await markLessonReviewedAction({ id: lesson.id })).toEqual(NOT_FOUND);
    expect(await retirePreventionActionAction({ id: actionId })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: 'That prevention action does not exist.',
    });
    expect(await updateLessonAction({ id: `missing-${randomUUID()}`, values: form })).toEqual(NOT_FOUND);
    expect(await snapshot(lesson.id)).toEqual(before);
  });

  it('throws NotFoundError from lib/server for another user’s ids', async () => {
    const actionId = (lesson.actions[0] as { id: string }).id;
    await expect(getLesson(intruder.id, lesson.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateLesson(intruder.id, lesson.id, { rootCause: 'OTHER', whatHappened: 'x', actions: [] }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(markLessonReviewed(intruder.id, lesson.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(retirePreventionAction(intruder.id, actionId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await snapshot(lesson.id))?.reviewedAt).toBeNull();
  });

  it('answers malformed ids as not found, not as an error', async () => {
    signedIn = signInAs(intruder);
    expect(await markLessonReviewedAction({ id: { id: lesson.id } } as never)).toEqual(NOT_FOUND);
    expect(await updateLessonAction({ id: "' OR 1=1 --", values: form })).toEqual(NOT_FOUND);
    expect(await retirePreventionActionAction({ id: null } as never)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: 'That prevention action does not exist.',
    });
  });

  it('sends signed-out callers to sign in', async () => {
    signedIn = signInAs(null);
    for (const call of [
      () => updateLessonAction({ id: lesson.id, values: form }),
      () => markLessonReviewedAction({ id: lesson.id }),
      () => retirePreventionActionAction({ id: 'x' }),
    ]) {
      expect(await captureDigest(call)).toMatch(/^NEXT_REDIRECT;[^;]*;\/sign-in\?/);
    }
  });

  it('shows the not-found page for another user’s lesson on the edit page', async () => {
    signedIn = signInAs(intruder);
    const digest = await captureDigest(() =>
      EditLessonPage({ params: Promise.resolve({ lessonId: lesson.id }), searchParams: Promise.resolve({}) }),
    );
    expect(digest).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
    signedIn = signInAs(owner);
    expect(
      await captureDigest(() =>
        EditLessonPage({ params: Promise.resolve({ lessonId: lesson.id }), searchParams: Promise.resolve({}) }),
      ),
    ).toBe('');
  });
});
