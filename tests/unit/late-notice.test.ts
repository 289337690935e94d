import {
  LATE_MINUTE_CHOICES,
  MAX_LATE_NOTICE_WORDS,
  checkLateNotice,
  describeLateNotice,
  draftLateNotice,
  findLateNotice,
  isLongDelay,
  listLateChoices,
  pickDefaultLateMinutes,
  smsHref,
} from '@/lib/domain/late-notice';
import { telHref } from '@/lib/domain/contact-links';

const start = new Date('2026-05-12T13:00:00Z'); // 14:00 in London (BST)
const minutes = (count: number) => count * 60_000;
const at = (offsetMinutes: number) => new Date(start.getTime() + minutes(offsetMinutes));

// Travel 30 + buffer 10 + early 15: leave by 13:05 London, 55 minutes before the start.
const interview = {
  status: 'SCHEDULED' as const,
  scheduledStart: start,
  durationMinutes: 60,
  travelMinutes: 30,
  bufferMinutes: 10,
};
const noTravel = { ...interview, travelMinutes: null, bufferMinutes: null };

describe('listLateChoices', () => {
  it('offers every chip before the start, from three hours before it', () => {
    expect(listLateChoices(interview, at(-60))).toEqual([...LATE_MINUTE_CHOICES]);
    expect(listLateChoices(noTravel, at(-180))).toEqual([...LATE_MINUTE_CHOICES]);
    expect(listLateChoices(noTravel, at(-181))).toEqual([]);
  });

  it('opens at the leave-by time when that comes first', () => {
    const longTrip = { ...interview, travelMinutes: 240 };
    expect(listLateChoices(longTrip, at(-200))).toEqual([...LATE_MINUTE_CHOICES]);
  });

  it('after the start offers only arrivals still ahead, and nothing once it has ended', () => {
    expect(listLateChoices(interview, at(12))).toEqual([15, 20, 30]);
    expect(listLateChoices(interview, at(30))).toEqual([]);
    expect(listLateChoices({ ...interview, durationMinutes: 20 }, at(20))).toEqual([]);
  });

  it('offers nothing for an interview that is no longer scheduled', () => {
    expect(listLateChoices({ ...interview, status: 'CANCELLED' as const }, at(-10))).toEqual([]);
  });
});

describe('pickDefaultLateMinutes', () => {
  it('rounds how far past the leave-by time now is up to a chip', () => {
    expect(pickDefaultLateMinutes(interview, at(-60))).toBe(5); // before leave-by
    expect(pickDefaultLateMinutes(interview, at(-55))).toBe(5); // exactly at leave-by
    expect(pickDefaultLateMinutes(interview, at(-54))).toBe(5);
    expect(pickDefaultLateMinutes(interview, at(-48))).toBe(10); // 7 minutes past
    expect(pickDefaultLateMinutes(interview, at(-44))).toBe(15); // 11 past
    expect(pickDefaultLateMinutes(interview, at(-35))).toBe(20);
    expect(pickDefaultLateMinutes(interview, at(-34))).toBe(30);
    expect(pickDefaultLateMinutes(interview, at(-10))).toBe(30); // further than any chip: the largest
  });

  it('counts from the start when no travel time is known', () => {
    expect(pickDefaultLateMinutes(noTravel, at(-20))).toBe(5);
    expect(pickDefaultLateMinutes(noTravel, at(3))).toBe(5);
    expect(pickDefaultLateMinutes(noTravel, at(6))).toBe(10);
  });

  it('is null when no chip is on offer', () => {
    expect(pickDefaultLateMinutes(interview, at(45))).toBeNull();
  });
});

describe('isLongDelay', () => {
  it('is long from 15 minutes, or at any delay once the start has passed', () => {
    expect(isLongDelay(interview, 10, at(-30))).toBe(false);
    expect(isLongDelay(interview, 15, at(-30))).toBe(true);
    expect(isLongDelay(interview, 5, at(0))).toBe(true);
  });
});

describe('draftLateNotice', () => {
  const facts = {
    scheduledStart: start,
    timeZone: 'Europe/London',
    format: 'IN_PERSON' as const,
    contactName: 'Dana Reyes',
    candidateName: 'Alex Kim',
  };

  it('writes two lines: the time with its zone, then the new expected time', () => {
    const draft = draftLateNotice(facts, 10);
    expect(draft.body).toBe(
      "Hi Dana Reyes, this is Alex Kim. I'm sorry, I'm running about 10 minutes late for our interview at 14:00 (London time, BST).\n" +
        'I now expect to arrive at 14:10. Apologies for the short notice.',
    );
    expect(draft.subject).toBe('Alex Kim: running about 10 minutes late for our 14:00 interview');
    expect(draft.expectedAt).toEqual(at(10));
  });

  it('says "join the call" for a video interview and "be ready to talk" for a phone one', () => {
    expect(draftLateNotice({ ...facts, format: 'VIDEO' }, 5).body).toContain('I now expect to join the call at 14:05.');
    expect(draftLateNotice({ ...facts, format: 'PHONE' }, 5).body).toContain(
      'I now expect to be ready to talk at 14:05.',
    );
  });

  it('gives the time in UTC, saying so, when the zone is unusable', () => {
    const draft = draftLateNotice({ ...facts, timeZone: '' }, 15);
    expect(draft.body).toContain('at 13:00 (UTC).');
    expect(draft.body).toContain('arrive at 13:15.');
  });

  // Every combination of the facts a notice may lack: contact name, candidate name, zone, and
  // (for the links below) email and phone, over every chip and format.
  const names = [null, '', '  ', 'Dana Reyes'];
  const candidates = [null, 'Alex Kim'];
  const zones = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'UTC', '', 'Not/AZone'];
  const formats = ['IN_PERSON', 'VIDEO', 'PHONE'] as const;
  const cases = names.flatMap((contactName) =>
    candidates.flatMap((candidateName) =>
      zones.flatMap((timeZone) =>
        formats.flatMap((format) =>
          LATE_MINUTE_CHOICES.map((late) => ({ contactName, candidateName, timeZone, format, late })),
        ),
      ),
    ),
  );

  it.each(cases)(
    'passes the checklist: $contactName / $candidateName / $timeZone / $format / $late min',
    ({ late, ...rest }) => {
      const draft = draftLateNotice({ ...rest, scheduledStart: start }, late);
      const checks = checkLateNotice(draft.body, {
        scheduledStart: start,
        timeZone: rest.timeZone,
        expectedAt: draft.expectedAt,
      });
      expect(checks.filter((check) => !check.passed)).toEqual([]);
      expect(draft.body).not.toMatch(/undefined|null|\{|\}/);
      expect(draft.body.startsWith(rest.contactName?.trim() ? 'Hi Dana Reyes,' : 'Hello,')).toBe(true);
    },
  );
});

describe('checkLateNotice', () => {
  const expected = { scheduledStart: start, timeZone: 'Europe/London', expectedAt: at(10) };
  const failing = (text: string) =>
    checkLateNotice(text, expected)
      .filter((check) => !check.passed)
      .map((check) => check.id);

  it('fails each item it holds', () => {
    const good =
      "I'm sorry, I'm about 10 minutes late for our interview at 14:00 (London time, BST).\nI now expect to arrive at 14:10.";
    expect(failing(good)).toEqual([]);
    expect(failing(good.replace(' (London time, BST)', ''))).toEqual(['names-time']);
    expect(failing(good.replace('14:10', 'soon'))).toEqual(['gives-new-time']);
    expect(failing(`${good}\nSee you soon.`)).toEqual(['two-lines']);
    expect(failing(`${good} ${'very '.repeat(MAX_LATE_NOTICE_WORDS)}`)).toEqual(['short']);
    expect(failing(good.replace("I'm sorry, ", ''))).toEqual(['apologises']);
    expect(failing(`${good} Your directions were wrong.`)).toEqual(['no-blame']);
  });
});

describe('smsHref and telHref', () => {
  const body = "Hi Dana, I'm sorry & late: 10 min?\nI now expect to arrive at 14:10.";

  it('puts the number in digits and the body percent-encoded, line break included', () => {
    expect(smsHref('+44 (0)20 7946-0000', body)).toBe(
      "sms:+4402079460000?body=Hi%20Dana%2C%20I'm%20sorry%20%26%20late%3A%2010%20min%3F%0AI%20now%20expect%20to%20arrive%20at%2014%3A10.",
    );
    expect(telHref('+44 (0)20 7946-0000')).toBe('tel:+4402079460000');
  });

  it('is null for a number without digits', () => {
    expect(smsHref('ask reception', body)).toBeNull();
    expect(smsHref('', body)).toBeNull();
  });
});

describe('findLateNotice and describeLateNotice', () => {
  const sent = (occurredAt: Date, minutesLate: number, channel = 'EMAIL') => ({
    type: 'MESSAGE_SENT',
    occurredAt,
    details: { kind: 'LATE_NOTICE', minutesLate, channel, messageId: 'm' },
  });

  it('finds the latest notice among the timeline entries, in any order', () => {
    const events = [
      sent(at(-30), 5),
      { type: 'MESSAGE_SENT', occurredAt: at(-5), details: { kind: 'APOLOGY', messageId: 'x' } },
      sent(at(-20), 15, 'TEXT'),
      { type: 'CREATED', occurredAt: at(-10), details: null },
    ];
    expect(findLateNotice(events)).toEqual({ minutesLate: 15, toldAt: at(-20), channel: 'TEXT' });
    expect(findLateNotice(events.slice(1, 2))).toBeNull();
  });

  it('says when, in the zone given', () => {
    expect(describeLateNotice({ minutesLate: 15, toldAt: at(-8), channel: 'EMAIL' }, 'Europe/London')).toBe(
      'You told them you’d be ~15 minutes late at 13:52',
    );
  });
});
