import fc from 'fast-check';
import { INTERVIEW_FORMATS } from '@/lib/domain/interview-format';
import { planInterviewReminders, type ReminderPreferences } from '@/lib/domain/reminders';
import { buildReminderContent } from '@/lib/domain/reminders-content';
import { findQuietPeriod } from '@/lib/domain/reminders-quiet-hours';

// The promises the reminder rules make, over zones, clocks and preferences no example would pick.

const RUNS = 300;
const HOUR_MS = 3_600_000;

const zones = fc.constantFrom(
  ...Intl.supportedValuesOf('timeZone'),
  'UTC',
  'Etc/GMT+12',
  'Pacific/Kiritimati',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Not/AZone',
  '',
);
// 2025–2028: every DST rule in use now, both hemispheres.
const instants = fc
  .integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) })
  .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const preferences: fc.Arbitrary<ReminderPreferences> = fc.record({
  eveningBeforeTime: fc.option(clock, { nil: undefined }),
  quietHours: fc.option(fc.record({ start: clock, end: clock }), { nil: null }),
});

const input = fc.record({
  start: instants,
  nowOffsetHours: fc.integer({ min: -96, max: 72 }),
  durationMinutes: fc.integer({ min: 0, max: 480 }),
  format: fc.constantFrom(...INTERVIEW_FORMATS),
  travelMinutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  interviewZone: zones,
  userZone: zones,
  preferences,
  isSecondChance: fc.boolean(),
});

describe('reminder plans, over any zones and clocks', () => {
  it('never throw, never send before now or at or after the useful end, never a leave-by after the start, never inside quiet hours', () => {
    fc.assert(
      fc.property(input, (value) => {
        const now = new Date(value.start.getTime() - value.nowOffsetHours * HOUR_MS);
        const plan = planInterviewReminders({
          interview: {
            id: 'i',
            scheduledStart: value.start,
            durationMinutes: value.durationMinutes,
            timeZone: value.interviewZone,
            format: value.format,
            status: 'SCHEDULED',
            travelMinutes: value.travelMinutes,
          },
          userTimeZone: value.userZone,
          preferences: value.preferences,
          lessons: [],
          now,
        });
        const userZone = plan.zoneFallbacks.some((fallback) => fallback.field === 'userTimeZone')
          ? 'UTC'
          : value.userZone;
        for (const reminder of plan.reminders) {
          expect(reminder.dueAt.getTime()).toBeGreaterThanOrEqual(now.getTime());
          expect(reminder.dueAt.getTime()).toBeLessThan(reminder.latestUsefulAt.getTime());
          if (reminder.kind === 'LEAVE_BY' || reminder.kind === 'EVENING_BEFORE')
            expect(reminder.dueAt.getTime()).toBeLessThan(value.start.getTime());
          if (value.preferences.quietHours)
            expect(findQuietPeriod(reminder.dueAt, value.preferences.quietHours, userZone)).toBeNull();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('give the same dedupe keys whatever the clock', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: -96, max: 72 }), (value, otherOffset) => {
        const keys = (nowOffsetHours: number) =>
          planInterviewReminders({
            interview: {
              id: 'i',
              scheduledStart: value.start,
              durationMinutes: value.durationMinutes,
              timeZone: value.interviewZone,
              format: value.format,
              status: 'SCHEDULED',
              travelMinutes: value.travelMinutes,
            },
            userTimeZone: value.userZone,
            preferences: {},
            lessons: [],
            now: new Date(value.start.getTime() - nowOffsetHours * HOUR_MS),
          });
        const all = (offset: number) => {
          const plan = keys(offset);
          return [...plan.reminders.map((r) => r.dedupeKey), ...plan.skipped.map((s) => s.dedupeKey)].sort();
        };
        expect(all(otherOffset)).toEqual(all(value.nowOffsetHours));
      }),
      { numRuns: RUNS },
    );
  });

  it('build content for every kind without throwing, and the second chance never mentions the miss', () => {
    fc.assert(
      fc.property(
        input,
        fc.constantFrom('EVENING_BEFORE', 'LEAVE_BY', 'EXTRA', 'CHECK_IN', 'LESSON_REVIEW'),
        (value, kind) => {
          const content = buildReminderContent({
            reminder: {
              kind,
              leaveBy:
                value.travelMinutes === null
                  ? null
                  : new Date(value.start.getTime() - (value.travelMinutes + 15) * 60_000),
            },
            interview: {
              company: 'Acme',
              roleTitle: 'Engineer',
              scheduledStart: value.start,
              durationMinutes: value.durationMinutes,
              timeZone: value.interviewZone,
              format: value.format,
              location: '1 Main St',
              meetingUrl: 'https://meet.example/x',
              contactName: 'Dana',
              contactEmail: 'dana@acme.example',
              contactPhone: '+1 212 555 0100',
              isSecondChance: value.isSecondChance,
            },
            userTimeZone: value.userZone,
            links: { open: 'https://rebound.example/interviews/i' },
            lessonActions: ['Never miss the train again'],
            sentAt: new Date(value.start.getTime() - value.nowOffsetHours * HOUR_MS),
          });
          expect(content.subject.length).toBeGreaterThan(0);
          if (value.isSecondChance) {
            const words = [content.subject, content.body, content.confirmation?.body ?? '']
              .join('\n')
              .replace(/https?:\/\/\S+/g, '');
            expect(words).not.toMatch(/miss|apolog|sorry|lesson|reschedul/i);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
