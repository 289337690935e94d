import type { Tx } from '@/lib/db';
import { REMINDER_KINDS } from '@/lib/domain/reminders';
import { prismaJobDb } from '@/lib/server/jobs/queues';
import { buildReminderEmailText, buildUnsubscribeHeaders } from '@/lib/server/notifications/email-channel';
import { readStoredChannels, toReminderPreferences } from '@/lib/server/notifications/reminder-preferences';
import { notificationPreferencesSchema, type NotificationPreferencesInput } from '@/lib/validation/notifications';
import type { Prisma } from '@/lib/generated/prisma/client';

function form(overrides: Partial<NotificationPreferencesInput> = {}): NotificationPreferencesInput {
  const channels = Object.fromEntries(
    REMINDER_KINDS.map((kind) => [kind, { EMAIL: true, PUSH: true, IN_APP: false }]),
  ) as NotificationPreferencesInput['channels'];
  return { allOff: false, eveningBeforeTime: '18:00', quietHoursStart: '', quietHoursEnd: '', channels, ...overrides };
}

const fieldErrors = (input: NotificationPreferencesInput) => {
  const result = notificationPreferencesSchema.safeParse(input);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('notificationPreferencesSchema', () => {
  it('accepts a full form, with or without quiet hours (also across midnight)', () => {
    expect(fieldErrors(form())).toEqual({});
    expect(fieldErrors(form({ quietHoursStart: '22:00', quietHoursEnd: '07:00' }))).toEqual({});
    expect(fieldErrors(form({ quietHoursStart: '13:00', quietHoursEnd: '14:30' }))).toEqual({});
  });

  it('refuses times that are not a 24-hour clock', () => {
    for (const bad of ['24:00', '6pm', '18:0', '', '18:00:00', '１８:００']) {
      expect(fieldErrors(form({ eveningBeforeTime: bad }))).toEqual({
        eveningBeforeTime: 'Enter a time like 18:00 (24-hour clock).',
      });
    }
    expect(fieldErrors(form({ quietHoursStart: '7', quietHoursEnd: '08:00' }))).toMatchObject({
      quietHoursStart: 'Enter a time like 18:00 (24-hour clock).',
    });
  });

  it('wants both quiet-hour edges, and different ones', () => {
    expect(fieldErrors(form({ quietHoursStart: '22:00' }))).toEqual({
      quietHoursEnd: 'Enter when the quiet hours end, or clear both times.',
    });
    expect(fieldErrors(form({ quietHoursEnd: '07:00' }))).toEqual({
      quietHoursStart: 'Enter when the quiet hours start, or clear both times.',
    });
    expect(fieldErrors(form({ quietHoursStart: '07:00', quietHoursEnd: '07:00' }))).toEqual({
      quietHoursEnd: 'The quiet hours must end at a different time than they start.',
    });
  });

  it('needs a choice for every kind and channel', () => {
    const { LEAVE_BY: _dropped, ...channels } = form().channels;
    expect(notificationPreferencesSchema.safeParse({ ...form(), channels }).success).toBe(false);
  });
});

describe('stored preferences as the rules read them', () => {
  const row = (overrides: Partial<Parameters<typeof toReminderPreferences>[0] & object> = {}) => ({
    allOff: false,
    eveningBeforeTime: '19:00',
    quietHoursStart: null,
    quietHoursEnd: null,
    channels: {} as Prisma.JsonValue,
    emailUnsubscribedAt: null,
    ...overrides,
  });

  it('keeps only known kinds and channels from the stored JSON', () => {
    expect(readStoredChannels({ LEAVE_BY: ['EMAIL', 'SMS', 'IN_APP'], NOPE: ['EMAIL'], CHECK_IN: 'EMAIL' })).toEqual({
      LEAVE_BY: ['EMAIL', 'IN_APP'],
    });
    expect(readStoredChannels(null)).toEqual({});
    expect(readStoredChannels(['EMAIL'])).toEqual({});
  });

  it('means the defaults without a row, and quiet hours only with both edges', () => {
    expect(toReminderPreferences(null)).toEqual({});
    expect(toReminderPreferences(row({ quietHoursStart: '22:00' })).quietHours).toBeNull();
    expect(toReminderPreferences(row({ quietHoursStart: '22:00', quietHoursEnd: '07:00' })).quietHours).toEqual({
      start: '22:00',
      end: '07:00',
    });
  });

  it('drops email from every kind, defaults included, after a one-click unsubscribe', () => {
    const preferences = toReminderPreferences(
      row({ channels: { LEAVE_BY: ['EMAIL', 'PUSH'] }, emailUnsubscribedAt: new Date() }),
    );
    expect(preferences.channels?.LEAVE_BY).toEqual(['PUSH']);
    expect(preferences.channels?.EVENING_BEFORE).toEqual(['PUSH', 'IN_APP']);
    for (const kind of REMINDER_KINDS) expect(preferences.channels?.[kind]).not.toContain('EMAIL');
  });
});

describe('reminder emails', () => {
  it('carry the RFC 8058 one-click pair', () => {
    expect(buildUnsubscribeHeaders('https://rebound.example/api/unsubscribe/abc')).toEqual({
      'List-Unsubscribe': '<https://rebound.example/api/unsubscribe/abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('are the reminder’s own text (which carries the drafted confirmation) and end with the unsubscribe link', () => {
    const text = buildReminderEmailText({
      unsubscribeUrl: 'https://rebound.example/api/unsubscribe/abc',
      content: {
        subject: 'Tomorrow at 10:00',
        body: 'When: Wednesday 10:00',
        push: { title: 't', body: 'b' },
        links: [],
        confirmation: {
          recipient: 'dana@acme.example',
          subject: 'Looking forward to tomorrow',
          body: 'Dear Dana, …',
          mailto: null,
        },
      },
    });
    expect(text).toBe(
      'When: Wednesday 10:00\n\nYou get this because reminders are on in Rebound. Stop reminder emails with one click: https://rebound.example/api/unsubscribe/abc',
    );
  });
});

describe('pg-boss SQL inside a Prisma transaction', () => {
  it('passes objects as JSON text and keeps dates, arrays and scalars as they are', async () => {
    const calls: unknown[][] = [];
    const tx = {
      $queryRawUnsafe: async (...args: unknown[]) => (calls.push(args), [{ id: 'job-1' }]),
    } as unknown as Tx;
    const when = new Date('2027-03-10T09:00:00Z');
    const result = await prismaJobDb(tx).executeSql('INSERT …', [
      { deliveryId: 'd1' },
      when,
      ['a', 'b'],
      3,
      null,
      'text',
    ]);
    expect(result).toEqual({ rows: [{ id: 'job-1' }] });
    expect(calls).toEqual([['INSERT …', '{"deliveryId":"d1"}', when, ['a', 'b'], 3, null, 'text']]);
  });
});
