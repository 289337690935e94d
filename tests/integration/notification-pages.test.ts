// The preferences form's action, the notifications list and the check-in link, on the real
// database and through the real action wrapper.
import { confirmCheckInAction, saveNotificationPreferencesAction } from '@/lib/actions/notifications';
import { getDb } from '@/lib/db';
import { REMINDER_KINDS } from '@/lib/domain/reminders';
import { getCheckInLink } from '@/lib/server/notifications/check-in-link';
import { createCheckInToken } from '@/lib/server/notifications/check-in-tokens';
import { listNotifications } from '@/lib/server/notifications/list-notifications';
import { getPreferencesForm } from '@/lib/server/notifications/preferences-form';
import { updateTimeZone } from '@/lib/server/accounts/update-profile';
import type { NotificationPreferencesInput } from '@/lib/validation/notifications';
import { createTestInterview, createTestUser } from './support/factories';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();
afterAll(() => db.$disconnect());

function formValues(overrides: Partial<NotificationPreferencesInput> = {}): NotificationPreferencesInput {
  const channels = Object.fromEntries(
    REMINDER_KINDS.map((kind) => [kind, { EMAIL: true, PUSH: false, IN_APP: true }]),
  ) as NotificationPreferencesInput['channels'];
  return {
    allOff: false,
    eveningBeforeTime: '19:30',
    quietHoursStart: '22:00',
    quietHoursEnd: '07:00',
    channels,
    ...overrides,
  };
}

describe('the preferences form', () => {
  it('starts from the defaults and saves what was chosen, moving waiting reminders', async () => {
    const user = await createTestUser({ timeZone: 'Europe/London' });
    signInAs(user);
    const defaults = await getPreferencesForm(user.id);
    expect(defaults).toMatchObject({
      allOff: false,
      eveningBeforeTime: '18:00',
      quietHoursStart: '',
      quietHoursEnd: '',
      emailUnsubscribed: false,
    });
    expect(defaults.channels.LEAVE_BY).toEqual({ EMAIL: false, PUSH: true, IN_APP: true });

    const interview = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() + 5 * 86_400_000) });
    const { syncInterviewReminders } = await import('@/lib/server/reminders/sync-interview-reminders');
    await db.$transaction((tx) => syncInterviewReminders(tx, user.id, interview.id));
    const before = await db.reminder.findFirstOrThrow({
      where: { interviewId: interview.id, kind: 'EVENING_BEFORE', state: 'SCHEDULED' },
    });

    expect(await saveNotificationPreferencesAction(formValues())).toEqual({ ok: true, data: undefined });
    const saved = await getPreferencesForm(user.id);
    expect(saved).toMatchObject({ eveningBeforeTime: '19:30', quietHoursStart: '22:00', quietHoursEnd: '07:00' });
    expect(saved.channels.LEAVE_BY).toEqual({ EMAIL: true, PUSH: false, IN_APP: true });
    const after = await db.reminder.findFirstOrThrow({
      where: { interviewId: interview.id, kind: 'EVENING_BEFORE', state: 'SCHEDULED' },
    });
    expect(after.dueAt.getTime() - before.dueAt.getTime()).toBe(90 * 60_000);
    expect(after.channels).toEqual(['EMAIL', 'IN_APP']);

    expect(await saveNotificationPreferencesAction(formValues({ allOff: true }))).toMatchObject({ ok: true });
    expect(await db.reminder.count({ where: { interviewId: interview.id, state: 'SCHEDULED' } })).toBe(0);
  });

  it('refuses bad times with a message on the field, and saves nothing', async () => {
    const user = await createTestUser();
    signInAs(user);
    const answer = await saveNotificationPreferencesAction(
      formValues({ eveningBeforeTime: '25:00', quietHoursStart: '22:00', quietHoursEnd: '' }),
    );
    expect(answer).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: {
        eveningBeforeTime: 'Enter a time like 18:00 (24-hour clock).',
        quietHoursEnd: 'Enter when the quiet hours end, or clear both times.',
      },
    });
    expect(await db.notificationPreference.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('the notifications list', () => {
  it('shows only the user’s own notifications, with a failed channel and its reason', async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    for (const owner of [user, other]) {
      await db.notification.create({
        data: {
          userId: owner.id,
          kind: 'LEAVE_BY',
          title: `Leave by 09:10 (${owner.id})`,
          body: 'Starts 10:00',
          url: 'http://rebound.test/interviews/x',
          content: {},
          deliveries: {
            create: [
              {
                userId: owner.id,
                channel: 'EMAIL',
                state: 'FAILED',
                attempts: 6,
                lastError: 'The mail server refused the message: 550 no such user',
              },
            ],
          },
        },
      });
    }
    const { notifications, unread } = await listNotifications(user.id);
    expect(unread).toBe(1);
    expect(notifications.map((notification) => notification.title)).toEqual([`Leave by 09:10 (${user.id})`]);
    expect(notifications[0]!.deliveries).toEqual([
      expect.objectContaining({
        channel: 'EMAIL',
        state: 'FAILED',
        attempts: 6,
        lastError: 'The mail server refused the message: 550 no such user',
      }),
    ]);
  });
});

describe('the check-in link', () => {
  it('records nothing when opened, counts once when confirmed, and is another user’s as good as missing', async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    const interview = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() - 3 * 3_600_000) });
    const token = await createCheckInToken(db, user.id, interview.id, new Date());

    expect(await getCheckInLink(other.id, token)).toBeNull();
    expect(await getCheckInLink(user.id, token)).toMatchObject({
      state: 'open',
      interview: { id: interview.id, status: 'SCHEDULED' },
    });
    expect((await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('SCHEDULED');

    signInAs(other);
    expect(await confirmCheckInAction({ token, answer: 'happened' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    signInAs(user);
    expect(await confirmCheckInAction({ token, answer: 'happened' })).toEqual({
      ok: true,
      data: { interviewId: interview.id },
    });
    expect((await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('COMPLETED');
    expect(await confirmCheckInAction({ token, answer: 'missed' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      message: expect.stringMatching(/used already/),
    });
    expect(await getCheckInLink(user.id, token)).toMatchObject({ state: 'used' });
  });

  it('refuses an expired link', async () => {
    const user = await createTestUser();
    const interview = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() - 3 * 3_600_000) });
    const token = await createCheckInToken(db, user.id, interview.id, new Date(Date.now() - 8 * 86_400_000));
    signInAs(user);
    expect(await getCheckInLink(user.id, token)).toMatchObject({ state: 'expired' });
    expect(await confirmCheckInAction({ token, answer: 'happened' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/expired/),
    });
    expect((await db.interview.findUniqueOrThrow({ where: { id: interview.id } })).status).toBe('SCHEDULED');
  });
});

describe('a new time zone for the user', () => {
  it('moves the evening-before reminder to 18:00 in the new zone, in the same transaction', async () => {
    const user = await createTestUser({ timeZone: 'Europe/London' });
    const interview = await createTestInterview(user.id, { scheduledStart: new Date(Date.now() + 10 * 86_400_000) });
    const { syncInterviewReminders } = await import('@/lib/server/reminders/sync-interview-reminders');
    await db.$transaction((tx) => syncInterviewReminders(tx, user.id, interview.id));
    const evening = () =>
      db.reminder.findFirstOrThrow({
        where: { interviewId: interview.id, kind: 'EVENING_BEFORE', state: 'SCHEDULED' },
      });
    const inLondon = await evening();
    await updateTimeZone(user.id, 'Asia/Tokyo');
    const inTokyo = await evening();
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Tokyo',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(inTokyo.dueAt),
    ).toBe('18:00');
    expect(inTokyo.dueAt.getTime()).not.toBe(inLondon.dueAt.getTime());
  });
});
