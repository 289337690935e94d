import { MessageKind as PrismaMessageKind, MissReason as PrismaMissReason } from '@/lib/generated/prisma/enums';
import { checkMessage, listRequiredItems } from '@/lib/domain/message-checklist';
import {
  type MessageFacts,
  type MessageKind,
  type MissReason,
  PlaceholderLeakError,
  assertNoPlaceholders,
  draftMessage,
  findPlaceholders,
  formatInterviewTime,
  messageKinds,
  summariseExplanation,
} from '@/lib/domain/message-templates';

const FULL = {
  contactName: 'Jane Smith',
  company: 'Acme Ltd',
  scheduledStart: new Date('2026-03-03T14:00:00Z'),
  explanation: 'I misread the time zone in the invitation. I then tried to call but nobody answered.',
  roleTitle: 'Backend Engineer',
} as const;

type OptionalFact = keyof typeof FULL;
const OPTIONAL_FACTS = Object.keys(FULL) as OptionalFact[];

// Every subset of the optional facts: 2^5 = 32 combinations, each named by the facts it keeps.
const combinations = Array.from({ length: 2 ** OPTIONAL_FACTS.length }, (_, mask) => {
  const present = OPTIONAL_FACTS.filter((_, bit) => (mask & (1 << bit)) !== 0);
  return { present, name: present.length > 0 ? `with ${present.join(', ')}` : 'with no optional facts' };
});

const INCIDENT_KINDS = ['MISSED', 'RUNNING_LATE'] as const;
const EMAIL_KINDS: MessageKind[] = [
  'APOLOGY',
  'RESCHEDULE_REQUEST',
  'FOLLOW_UP',
  'THANK_YOU_ACCEPTED',
  'THANK_YOU_DECLINED',
];
const TIME_TEXT = 'Tuesday 3 March at 14:00 (London time, GMT)';
const REASON_TEXT = 'I misread the time zone in the invitation.';

// The note written while waiting for an employer who did not show up belongs to that incident
// alone; tests/unit/employer-no-show.test.ts covers it over every combination of its facts.
const candidateMessageKinds = messageKinds.filter((kind) => kind !== 'NO_SHOW_CHECK_IN');

const cases = INCIDENT_KINDS.flatMap((incidentKind) =>
  candidateMessageKinds.flatMap((messageKind) =>
    combinations.map(({ present, name }) => ({ incidentKind, messageKind, present, name })),
  ),
);

function buildFacts(incidentKind: MessageFacts['kind'], present: readonly OptionalFact[]): MessageFacts {
  const facts: MessageFacts = { kind: incidentKind, candidateName: 'Alex Morgan', timeZone: 'Europe/London' };
  for (const fact of present) Object.assign(facts, { [fact]: FULL[fact] });
  return facts;
}

describe('draftMessage over every kind and every combination of missing facts', () => {
  it('covers all 7 message kinds of the schema, 32 combinations each, for both incident kinds', () => {
    // The running-late notice is drafted by lib/domain/late-notice.ts (tests/unit/late-notice.test.ts).
    expect([...messageKinds, 'LATE_NOTICE'].sort()).toEqual(Object.values(PrismaMessageKind).sort());
    expect(cases).toHaveLength(2 * 7 * 32);
  });

  it.each(cases)('$incidentKind $messageKind $name', ({ incidentKind, messageKind, present }) => {
    const has = (fact: OptionalFact) => present.includes(fact);
    const facts = buildFacts(incidentKind, present);
    const { subject, body } = draftMessage(messageKind, facts);
    const isEmail = EMAIL_KINDS.includes(messageKind);

    // No placeholder or formatting hole anywhere.
    for (const text of [subject ?? '', body]) {
      expect(findPlaceholders(text)).toEqual([]);
      expect(text).not.toMatch(/ {2}|\( *\)| [.,]|\.\.|\n{3}|^\s|\s$/);
    }
    expect(body).not.toMatch(/Dear\s*,|Dear (undefined|null)/);

    // Subjects: only for emails, never empty, never multi-line.
    if (isEmail) {
      expect(subject).toEqual(expect.any(String));
      expect(subject?.trim()).not.toBe('');
      expect(subject).not.toMatch(/[\r\n]/);
    } else {
      expect(subject).toBeNull();
    }

    // Greeting: the contact by name, or a neutral greeting.
    if (isEmail) expect(body.split('\n')[0]).toBe(has('contactName') ? 'Dear Jane Smith,' : 'Hello,');
    expect(body.includes('Jane Smith')).toBe(has('contactName') && messageKind !== 'PREP_NOTE');

    // Company, or "your team" when it is unknown (the prep note simply leaves it out).
    if (messageKind !== 'PREP_NOTE') expect(body).toContain(has('company') ? 'Acme Ltd' : 'your team');
    if (!has('company')) expect(`${subject} ${body}`).not.toContain('Acme');

    // The original time only where it is relevant and known; never a dangling "on".
    const mentionsOriginalTime = ['CALL_SCRIPT', 'APOLOGY', 'RESCHEDULE_REQUEST', 'FOLLOW_UP'].includes(messageKind);
    expect(body.includes(TIME_TEXT)).toBe(mentionsOriginalTime && has('scheduledStart'));
    expect(body).not.toMatch(/ on[.,]| on$/m);

    // The reason: one short sentence where it belongs, nothing at all when not given.
    const carriesReason = messageKind === 'APOLOGY' || messageKind === 'CALL_SCRIPT';
    expect(body.includes(REASON_TEXT)).toBe(carriesReason && has('explanation'));
    expect(body).not.toContain('nobody answered');

    if (has('roleTitle') && (messageKind === 'APOLOGY' || messageKind === 'RESCHEDULE_REQUEST')) {
      expect(subject).toContain('Backend Engineer');
    }
    if (!has('roleTitle')) expect(`${subject} ${body}`).not.toContain('Backend Engineer');

    if (messageKind === 'APOLOGY') {
      const result = checkMessage(body);
      expect(
        listRequiredItems(result)
          .filter((item) => !item.passed)
          .map((item) => item.id),
      ).toEqual([]);
      expect(result.allPassed).toBe(true);
    }

    if (messageKind === 'THANK_YOU_DECLINED') {
      expect(body).toMatch(/Thank you for your consideration/);
      expect(body).toMatch(/apologise once more/);
      expect(`${subject} ${body}`).not.toMatch(
        /\?|reschedul|rearrang|another (time|chance|date|opportunity)|new (time|date)|future|keep me in mind/i,
      );
    }

    if (messageKind === 'PREP_NOTE') {
      expect(body).not.toMatch(/\bmiss(ed|ing)?\b|apolog|sorry|regret|\blate\b|misread|reschedul/i);
      expect(body).toContain('at least 15 minutes early');
      expect(body).toContain('Thank them for the opportunity');
    }

    // Deterministic: the same facts give the same text.
    expect(draftMessage(messageKind, buildFacts(incidentKind, present))).toEqual({ subject, body });
  });
});

describe('facts that would leak placeholders', () => {
  it('treats blank names and the strings "undefined" and "null" as missing', () => {
    for (const contactName of ['', '   ', 'undefined', 'null', undefined, null]) {
      const { body } = draftMessage('APOLOGY', {
        kind: 'MISSED',
        contactName,
        company: 'null',
        roleTitle: 'undefined',
      });
      expect(body.startsWith('Hello,\n')).toBe(true);
      expect(body).toContain('your team');
    }
  });

  it('omits an invalid date and falls back to UTC for a missing or unknown zone', () => {
    const start = new Date('2026-03-03T14:00:00Z');
    expect(draftMessage('APOLOGY', { kind: 'MISSED', scheduledStart: new Date('nope') }).body).not.toMatch(
      /Invalid|\d\d:\d\d/,
    );
    expect(draftMessage('APOLOGY', { kind: 'MISSED', scheduledStart: start }).body).toContain(
      'Tuesday 3 March at 14:00 (UTC)',
    );
    expect(
      draftMessage('APOLOGY', { kind: 'MISSED', scheduledStart: start, timeZone: 'Nowhere/Atlantis' }).body,
    ).toContain('14:00 (UTC)');
  });

  it('flattens line breaks in facts so a subject cannot carry an extra header', () => {
    const { subject, body } = draftMessage('APOLOGY', {
      kind: 'MISSED',
      roleTitle: 'Engineer\r\nBcc: victim@example.com',
      contactName: 'Jane\nSmith',
    });
    expect(subject).toBe('Apology and request to reschedule: Engineer Bcc: victim@example.com interview');
    expect(subject).not.toMatch(/[\r\n]/);
    expect(body.split('\n')[0]).toBe('Dear Jane Smith,');
  });

  it('drops braces-bearing text rather than throwing', () => {
    expect(() => draftMessage('FOLLOW_UP', { kind: 'MISSED', company: '{{company}}' })).not.toThrow();
    expect(draftMessage('FOLLOW_UP', { kind: 'MISSED', company: '{{company}}' }).body).toContain('your team');
  });
});

describe('formatInterviewTime', () => {
  it('formats in the interview zone with the zone named', () => {
    const instant = new Date('2026-03-03T14:00:00Z');
    expect(formatInterviewTime(instant, 'Europe/London')).toBe('Tuesday 3 March at 14:00 (London time, GMT)');
    expect(formatInterviewTime(instant, 'America/New_York')).toBe('Tuesday 3 March at 09:00 (New York time, EST)');
    expect(formatInterviewTime(instant, 'Asia/Tokyo')).toBe('Tuesday 3 March at 23:00 (Tokyo time, UTC+9)');
    expect(formatInterviewTime(new Date('2026-07-03T08:05:00Z'), 'Europe/London')).toBe(
      'Friday 3 July at 09:05 (London time, BST)',
    );
  });

  it('names the local day when it differs from the UTC day', () => {
    expect(formatInterviewTime(new Date('2026-03-03T23:30:00Z'), 'Asia/Tokyo')).toBe(
      'Wednesday 4 March at 08:30 (Tokyo time, UTC+9)',
    );
  });
});

describe('summariseExplanation', () => {
  it('keeps only the first sentence', () => {
    expect(summariseExplanation('My train was cancelled. Then the bus broke down! Awful day.')).toBe(
      'My train was cancelled.',
    );
  });

  it('cuts a long sentence to 25 words and ends it properly', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    const summary = summariseExplanation(long);
    expect(summary?.split(' ')).toHaveLength(25);
    expect(summary).toMatch(/^Word0 .* word24\.$/);
  });

  it('cuts a long sentence at its last clause rather than mid-phrase, and never on a word that needs the next', () => {
    const explanation =
      'My train was cancelled at the last minute because of a signal failure near the station, and the replacement bus that I waited for was over an hour late to arrive';
    expect(summariseExplanation(explanation)).toBe(
      'My train was cancelled at the last minute because of a signal failure near the station.',
    );
    const noClause =
      'I completely forgot to check the calendar invitation again on the morning of the interview itself because I was travelling back from a family visit with the kids';
    const summary = summariseExplanation(noClause) ?? '';
    expect(summary.split(' ').length).toBeLessThanOrEqual(25);
    expect(summary).toBe(
      'I completely forgot to check the calendar invitation again on the morning of the interview itself because I was travelling back from a family visit.',
    );
  });

  it('capitalises, collapses whitespace, adds a full stop, and returns null for nothing', () => {
    expect(summariseExplanation('  i   overslept\n after a late flight ')).toBe('I overslept after a late flight.');
    expect(summariseExplanation('I was ill?')).toBe('I was ill?');
    expect(summariseExplanation('   ')).toBeNull();
    expect(summariseExplanation(undefined)).toBeNull();
  });
});

describe('assertNoPlaceholders', () => {
  it.each(['Dear undefined,', 'Hello null', 'at NaN:NaN', 'on Invalid Date', 'Dear {contactName},', 'closing }'])(
    'rejects %p',
    (text) => {
      expect(() => assertNoPlaceholders(text)).toThrow(PlaceholderLeakError);
    },
  );

  it('accepts ordinary text, including words that merely contain the tokens', () => {
    expect(() =>
      assertNoPlaceholders('Thank you. I will not nullify or undefine anything; nanny is fine.'),
    ).not.toThrow();
  });

  it('names the tokens found', () => {
    expect(findPlaceholders('Dear undefined, see you at NaN')).toEqual(['undefined', 'NaN']);
  });
});

describe('wording that depends on the facts', () => {
  const base: MessageFacts = {
    kind: 'MISSED',
    contactName: 'Jane Smith',
    company: 'Acme Ltd',
    roleTitle: 'Designer',
    timeZone: 'Europe/London',
  };

  it('opens differently when the employer was warned beforehand', () => {
    expect(draftMessage('APOLOGY', { ...base, employerWarned: true }).body).toContain('As I let you know beforehand');
    expect(draftMessage('APOLOGY', base).body).toContain('I am sorry that I missed');
  });

  it('does not call illness a mistake, and still takes responsibility', () => {
    for (const reason of ['ILLNESS', 'EMERGENCY'] as MissReason[]) {
      const { body } = draftMessage('APOLOGY', { ...base, reason });
      expect(body).not.toContain('my mistake');
      expect(checkMessage(body).allPassed).toBe(true);
    }
  });

  it('has the running-late call script call ahead and offer to reschedule', () => {
    const { body } = draftMessage('CALL_SCRIPT', { ...base, kind: 'RUNNING_LATE' });
    expect(body).toMatch(/before the start time/);
    expect(body).toMatch(/calling ahead/);
    expect(body).toMatch(/reschedule/);
    expect(body).not.toMatch(/could not make it/);
  });

  it('confirms the new time and place in the accepted thank-you, in the interview zone', () => {
    const { subject, body } = draftMessage('THANK_YOU_ACCEPTED', {
      ...base,
      newStart: new Date('2026-03-10T09:30:00Z'),
      location: '1 King Street',
    });
    expect(body).toContain('second chance');
    expect(body).toContain('I confirm the new time: Tuesday 10 March at 09:30 (London time, GMT), at 1 King Street.');
    expect(subject).toContain('Tuesday 10 March at 09:30 (London time, GMT)');
  });

  it('builds the prep note from the new time, place and format, pointing to the interview’s leave-by time', () => {
    const facts: MessageFacts = {
      ...base,
      format: 'IN_PERSON',
      reason: 'TRAFFIC_TRANSPORT',
      explanation: 'The bus never came.',
      newStart: new Date('2026-03-10T09:30:00Z'),
      location: '1 King Street',
    };
    const { body } = draftMessage('PREP_NOTE', facts);
    expect(body).toContain('When: Tuesday 10 March at 09:30 (London time, GMT)');
    expect(body).toContain('Where: 1 King Street');
    // The leave-by time is the interview page's, which edits and lessons keep current.
    expect(body).toContain('Leave at the leave-by time on the interview’s page');
    expect(body).not.toMatch(/Leave by \w+day/);
    expect(body).toMatch(/route with extra time/);
    expect(body).toMatch(/Visit the place beforehand/);
    expect(body).toMatch(/backup route/);
    expect(body).not.toMatch(/bus never came/);

    const video = draftMessage('PREP_NOTE', { ...facts, format: 'VIDEO' }).body;
    expect(video).toMatch(/camera and microphone/);
    expect(video).not.toMatch(/Visit the place|Leave by/);
  });

  it('accepts every miss reason in the schema', () => {
    for (const reason of Object.values(PrismaMissReason)) {
      for (const kind of messageKinds) expect(() => draftMessage(kind, { ...base, reason })).not.toThrow();
    }
  });
});
