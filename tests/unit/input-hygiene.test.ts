import { signUpSchema } from '@/lib/validation/auth';
import {
  CONTROL_CHARACTER_MESSAGE,
  IMPOSSIBLE_DATE_MESSAGE,
  isCleanText,
  isRealDate,
  textSchema,
  toFieldErrors,
} from '@/lib/validation/common';
import { interviewFormSchema, interviewListQuerySchema, rescheduleByEmployerSchema } from '@/lib/validation/interview';
import { lessonFormSchema, parseLessonFilters } from '@/lib/validation/lessons';
import { saveDraftSchema, skipStepSchema, startRecoverySchema } from '@/lib/validation/recovery';
import { z } from 'zod';

function errorsOf(schema: z.core.$ZodType, input: unknown): Record<string, string> {
  const result = z.safeParse(schema, input);
  return result.success ? {} : toFieldErrors(result.error);
}

const interview = {
  company: 'Acme',
  roleTitle: 'Engineer',
  date: '2026-03-10',
  startTime: '10:00',
  endTime: '11:00',
  timeZone: 'Europe/London',
  format: 'VIDEO',
  meetingUrl: 'https://meet.example.com/abc',
};
const LONE_HIGH = '\ud83d';
const LONE_LOW = '\ude00';

describe('textSchema', () => {
  it.each([
    'a\u0000b',
    'a\u0001b',
    'a\u001bb',
    'a\u007fb',
    'a\nb',
    'a\tb',
    `a${LONE_HIGH}b`,
    `a${LONE_LOW}b`,
    `${LONE_LOW}${LONE_HIGH}`,
  ])('refuses %j in a single-line field', (value) => {
    expect(errorsOf(textSchema(), value)).toEqual({ form: CONTROL_CHARACTER_MESSAGE });
  });

  it('allows tab and line breaks in a multi-line field, and nothing else below 0x20', () => {
    expect(textSchema({ multiLine: true }).safeParse('one\ttwo\r\nthree\n').success).toBe(true);
    expect(errorsOf(textSchema({ multiLine: true }), 'one\u0000two')).toEqual({ form: CONTROL_CHARACTER_MESSAGE });
    expect(errorsOf(textSchema({ multiLine: true }), `one${LONE_HIGH}`)).toEqual({ form: CONTROL_CHARACTER_MESSAGE });
  });

  it('trims first when asked, so whitespace around the text is dropped rather than refused', () => {
    expect(textSchema({ trim: true }).parse('\tname@example.com\n')).toBe('name@example.com');
    expect(errorsOf(textSchema({ trim: true }), '\tname\u0000@example.com')).toEqual({
      form: CONTROL_CHARACTER_MESSAGE,
    });
  });

  it('keeps accents, emoji (a whole surrogate pair) and other scripts', () => {
    expect(isCleanText('Zoë 😀 東京 ﷺ')).toBe(true);
  });
});

describe('every text field uses it', () => {
  it.each([
    'company',
    'roleTitle',
    'roundLabel',
    'location',
    'contactName',
    'notes',
    'meetingUrl',
    'contactEmail',
    'contactPhone',
    'timeZone',
  ])('interview %s with a NUL', (field) => {
    expect(errorsOf(interviewFormSchema, { ...interview, [field]: 'a\u0000b' })[field]).toBe(CONTROL_CHARACTER_MESSAGE);
  });

  it('lesson text and prevention actions', () => {
    const lesson = { rootCause: 'OTHER', whatHappened: 'x\u0000', actions: [{ text: `plan${LONE_HIGH}` }] };
    expect(errorsOf(lessonFormSchema, lesson)).toEqual({
      whatHappened: CONTROL_CHARACTER_MESSAGE,
      'actions.0.text': CONTROL_CHARACTER_MESSAGE,
    });
  });

  it('the skip-step reason with a lone surrogate', () => {
    expect(errorsOf(skipStepSchema, { incidentId: 'abc', step: 'CALL', reason: `because ${LONE_HIGH}` }).reason).toBe(
      CONTROL_CHARACTER_MESSAGE,
    );
  });

  it('a draft body and subject, a recovery explanation, a sign-up name', () => {
    expect(errorsOf(saveDraftSchema, { messageId: 'm1', subject: 'Hi\u0000', body: 'Dear\u0000' })).toEqual({
      subject: CONTROL_CHARACTER_MESSAGE,
      body: CONTROL_CHARACTER_MESSAGE,
    });
    const start = {
      interviewId: 'i1',
      kind: 'MISSED',
      reason: 'OTHER',
      explanation: 'x\u0000',
      employerWarned: false,
      idempotencyKey: crypto.randomUUID(),
    };
    expect(errorsOf(startRecoverySchema, start).explanation).toBe(CONTROL_CHARACTER_MESSAGE);
    const signUp = { name: 'Ann\u0000', email: 'ann@example.com', password: 'a long enough password', timeZone: 'UTC' };
    expect(errorsOf(signUpSchema, signUp).name).toBe(CONTROL_CHARACTER_MESSAGE);
  });
});

describe('dates', () => {
  it.each(['2026-02-30', '0000-00-00', '2026-13-01', '2026-04-31', '2025-02-29', '0099-01-01'])(
    '%s does not exist',
    (date) => {
      expect(isRealDate(date)).toBe(false);
      expect(errorsOf(interviewFormSchema, { ...interview, date }).date).toBe(IMPOSSIBLE_DATE_MESSAGE);
      expect(errorsOf(rescheduleByEmployerSchema, { date, time: '10:00' }).date).toBe(IMPOSSIBLE_DATE_MESSAGE);
    },
  );

  it.each(['2028-02-29', '2026-12-31', '9999-12-31'])('%s does', (date) => {
    expect(isRealDate(date)).toBe(true);
    expect(errorsOf(interviewFormSchema, { ...interview, date })).toEqual({});
  });
});

describe('filters from the URL', () => {
  it('ignores a lessons range the day after which has no four-digit year', () => {
    expect(parseLessonFilters({ to: '9999-12-31', from: '2026-01-01' })).toEqual({ from: '2026-01-01' });
    expect(parseLessonFilters({ to: '9998-12-31' })).toEqual({ to: '9998-12-31' });
  });

  it('ignores a search or cursor with control characters', () => {
    expect(interviewListQuerySchema.parse({ q: 'a\u0000', cursor: `x${LONE_HIGH}` })).toEqual({ view: 'upcoming' });
    expect(parseLessonFilters({ cursor: 'a\u0000' })).toEqual({});
  });
});
