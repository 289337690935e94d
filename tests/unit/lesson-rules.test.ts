import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  EXTRA_BUFFER_MINUTES,
  ROOT_CAUSES,
  computeEveningBefore,
  findApplicableLessons,
  isRootCause,
  mergeHints,
  type HintInterview,
  type HintLesson,
  type PreventionHint,
  type RootCause,
} from '@/lib/domain/lesson-rules';
import { planLeaveBy } from '@/lib/domain/travel';

function readPrismaEnum(name: string): string[] {
  const schema = readFileSync(path.join(__dirname, '../../prisma/schema.prisma'), 'utf8');
  const block = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema);
  if (!block?.[1]) throw new Error(`enum ${name} not found in schema.prisma`);
  return block[1]
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .filter(Boolean);
}

const START = new Date('2026-06-10T09:00:00Z'); // 10:00 in London (BST)
const MINUTE = 60_000;

const inPerson = (overrides: Partial<HintInterview> = {}): HintInterview => ({
  format: 'IN_PERSON',
  scheduledStart: START,
  timeZone: 'Europe/London',
  travelMinutes: 45,
  bufferMinutes: 10,
  ...overrides,
});

let nextId = 0;
const lesson = (
  rootCause: RootCause,
  actions: (string | { text: string; retiredAt: Date | null })[] = ['Do the thing'],
): HintLesson => ({
  id: `lesson-${(nextId += 1)}`,
  rootCause,
  actions: actions.map((action) => (typeof action === 'string' ? { text: action, retiredAt: null } : action)),
});

function only(hints: PreventionHint[]): PreventionHint {
  expect(hints).toHaveLength(1);
  return hints[0] as PreventionHint;
}

describe('root causes', () => {
  it('match the MissReason enum in the Prisma schema, in order', () => {
    expect([...ROOT_CAUSES]).toEqual(readPrismaEnum('MissReason'));
  });

  it('recognises only known causes', () => {
    expect(isRootCause('FORGOT')).toBe(true);
    expect(isRootCause('forgot')).toBe(false);
    expect(isRootCause(undefined)).toBe(false);
  });
});

describe('findApplicableLessons: traffic and transport', () => {
  it('applies to an in-person interview with a larger buffer and the leave-by time recomputed', () => {
    const hint = only(
      findApplicableLessons(
        inPerson(),
        [lesson('TRAFFIC_TRANSPORT', ['Check the trains the night before'])],
        'Europe/London',
      ),
    );
    expect(hint.kind).toBe('extra-buffer');
    if (hint.kind !== 'extra-buffer') throw new Error('unreachable');
    expect(hint.bufferMinutes).toBe(10 + EXTRA_BUFFER_MINUTES);
    // start − 15 early − 40 buffer − 45 travel
    expect(hint.leaveBy).toEqual(new Date(START.getTime() - 100 * MINUTE));
    expect(hint.currentLeaveBy).toEqual(new Date(START.getTime() - 70 * MINUTE));
    expect(hint.suggestion).toBe(
      'Plan 30 extra minutes for delays (40 minutes of buffer in all). The leave-by time for this interview includes them.',
    );
    expect(hint.suggestion).not.toMatch(/\d{2}:\d{2}/);
    expect(hint.actionTexts).toEqual(['Check the trains the night before']);
  });

  it('treats a missing buffer as zero', () => {
    const hint = only(
      findApplicableLessons(inPerson({ bufferMinutes: null }), [lesson('TRAFFIC_TRANSPORT')], 'Europe/London'),
    );
    if (hint.kind !== 'extra-buffer') throw new Error('expected an extra-buffer hint');
    expect(hint.bufferMinutes).toBe(EXTRA_BUFFER_MINUTES);
    expect(hint.leaveBy).toEqual(new Date(START.getTime() - 90 * MINUTE));
  });

  it('still suggests the buffer, without a leave-by time, when the travel time is unknown', () => {
    const hint = only(
      findApplicableLessons(inPerson({ travelMinutes: null }), [lesson('TRAFFIC_TRANSPORT')], 'Europe/London'),
    );
    if (hint.kind !== 'extra-buffer') throw new Error('expected an extra-buffer hint');
    expect(hint.leaveBy).toBeNull();
    expect(hint.currentLeaveBy).toBeNull();
    expect(hint.suggestion).toMatch(/Add your travel time/);
  });

  it.each(['VIDEO', 'PHONE'] as const)('does not apply to a %s interview', (format) => {
    expect(findApplicableLessons(inPerson({ format }), [lesson('TRAFFIC_TRANSPORT')], 'Europe/London')).toEqual([]);
  });

  it('points at the interview’s one leave-by time, which has the same extra minutes in it', () => {
    const interview = inPerson({ timeZone: 'America/New_York' });
    const hint = only(findApplicableLessons(interview, [lesson('TRAFFIC_TRANSPORT')], 'America/New_York'));
    if (hint.kind !== 'extra-buffer') throw new Error('expected an extra-buffer hint');
    expect(hint.suggestion).toMatch(/The leave-by time for this interview includes them\.$/);
    const plan = planLeaveBy({
      start: interview.scheduledStart,
      travelMinutes: interview.travelMinutes,
      bufferMinutes: interview.bufferMinutes,
      lessonExtraMinutes: EXTRA_BUFFER_MINUTES,
    });
    expect(plan?.leaveBy).toEqual(hint.leaveBy);
  });
});

describe('findApplicableLessons: time-zone mistakes', () => {
  it('does not apply when the interview is in the user’s own zone', () => {
    expect(findApplicableLessons(inPerson(), [lesson('TIMEZONE_ERROR')], 'Europe/London')).toEqual([]);
  });

  it('applies when the zones differ, with both local times', () => {
    const hint = only(
      findApplicableLessons(
        inPerson({ timeZone: 'America/New_York', format: 'VIDEO' }),
        [lesson('TIMEZONE_ERROR')],
        'Europe/London',
      ),
    );
    if (hint.kind !== 'time-zone-check') throw new Error('expected a time-zone check');
    expect(hint.offsetDifferenceMinutes).toBe(-300);
    expect(hint.suggestion).toContain('05:00 in America/New York');
    expect(hint.suggestion).toContain('10:00 where you are (Europe/London)');
  });

  it('uses the offsets at the interview’s instant (the weeks when US and UK clocks change on different dates)', () => {
    // 16 March 2026: New York is already on EDT (−4), London still on GMT (0).
    const march = new Date('2026-03-16T15:00:00Z');
    const hint = only(
      findApplicableLessons(
        inPerson({ scheduledStart: march, timeZone: 'America/New_York' }),
        [lesson('TIMEZONE_ERROR')],
        'Europe/London',
      ),
    );
    if (hint.kind !== 'time-zone-check') throw new Error('expected a time-zone check');
    expect(hint.offsetDifferenceMinutes).toBe(-240);
    expect(hint.suggestion).toContain('11:00 in America/New York is Mon 16 Mar, 15:00 where you are');
  });

  it('applies when the zone differs even though the clocks agree at that moment', () => {
    const hint = only(
      findApplicableLessons(inPerson({ timeZone: 'Europe/Paris' }), [lesson('TIMEZONE_ERROR')], 'Europe/Berlin'),
    );
    if (hint.kind !== 'time-zone-check') throw new Error('expected a time-zone check');
    expect(hint.offsetDifferenceMinutes).toBe(0);
    expect(hint.suggestion).toMatch(/confirm the time zone in the invitation/);
  });

  it('treats aliases of the same zone as the same zone', () => {
    expect(findApplicableLessons(inPerson({ timeZone: 'Etc/UTC' }), [lesson('TIMEZONE_ERROR')], 'UTC')).toEqual([]);
  });

  it('applies when the user’s zone is unknown, since it cannot be compared', () => {
    const hint = only(findApplicableLessons(inPerson(), [lesson('TIMEZONE_ERROR')], 'Mars/Olympus'));
    expect(hint.kind).toBe('time-zone-check');
    expect(hint.suggestion).toMatch(/Set your own time zone/);
  });
});

describe('findApplicableLessons: forgot', () => {
  it('turns on an extra reminder at 18:00 the evening before, in the user’s zone', () => {
    const hint = only(findApplicableLessons(inPerson({ format: 'PHONE' }), [lesson('FORGOT')], 'Europe/London'));
    if (hint.kind !== 'extra-reminder') throw new Error('expected an extra reminder');
    expect(hint.remindAt).toEqual(new Date('2026-06-09T17:00:00Z')); // 18:00 BST
    expect(hint.suggestion).toContain('Tue 9 Jun, 18:00');
  });

  it('takes the day before as the user’s calendar reads it, across a clock change', () => {
    // 03:00Z on 9 March is 23:00 on 8 March in New York, the night the clocks went forward.
    const remindAt = computeEveningBefore(new Date('2026-03-09T03:00:00Z'), 'America/New_York');
    expect(remindAt).toEqual(new Date('2026-03-07T23:00:00Z')); // 18:00 EST on 7 March
    const afterChange = computeEveningBefore(new Date('2026-03-10T14:00:00Z'), 'America/New_York');
    expect(afterChange).toEqual(new Date('2026-03-09T22:00:00Z')); // 18:00 EDT on 9 March
  });

  it('applies to every format', () => {
    for (const format of ['IN_PERSON', 'VIDEO', 'PHONE'] as const) {
      expect(only(findApplicableLessons(inPerson({ format }), [lesson('FORGOT')], 'Europe/London')).kind).toBe(
        'extra-reminder',
      );
    }
  });
});

describe('findApplicableLessons: other causes', () => {
  it.each(['IN_PERSON', 'VIDEO', 'PHONE'] as const)(
    'schedule mix-ups apply to %s interviews: double-check with the employer',
    (format) => {
      const hint = only(findApplicableLessons(inPerson({ format }), [lesson('SCHEDULE_MIXUP')], 'Europe/London'));
      expect(hint.kind).toBe('general');
      expect(hint.suggestion).toMatch(/Double-check the date and time with the employer/);
    },
  );

  it('technical problems apply to video and phone interviews only', () => {
    expect(
      only(findApplicableLessons(inPerson({ format: 'VIDEO' }), [lesson('TECHNICAL_PROBLEM')], 'UTC')).suggestion,
    ).toMatch(/camera/);
    expect(
      only(findApplicableLessons(inPerson({ format: 'PHONE' }), [lesson('TECHNICAL_PROBLEM')], 'UTC')).suggestion,
    ).toMatch(/Charge your phone/);
    expect(findApplicableLessons(inPerson(), [lesson('TECHNICAL_PROBLEM')], 'UTC')).toEqual([]);
  });

  it.each(['EMERGENCY', 'ILLNESS', 'OTHER'] as const)('%s lessons apply everywhere as a general reminder', (cause) => {
    const hint = only(
      findApplicableLessons(inPerson({ format: 'VIDEO' }), [lesson(cause, ['Keep a backup plan'])], 'UTC'),
    );
    expect(hint).toMatchObject({ kind: 'general', rootCause: cause, actionTexts: ['Keep a backup plan'] });
  });
});

describe('findApplicableLessons: retired actions and order', () => {
  const retired = { text: 'Old habit', retiredAt: new Date('2026-01-01T00:00:00Z') };

  it('never prompts a retired action', () => {
    const hint = only(
      findApplicableLessons(inPerson(), [lesson('TRAFFIC_TRANSPORT', [retired, 'Leave earlier'])], 'Europe/London'),
    );
    expect(hint.actionTexts).toEqual(['Leave earlier']);
  });

  it('stays quiet when every action of the lesson is retired', () => {
    expect(findApplicableLessons(inPerson(), [lesson('TRAFFIC_TRANSPORT', [retired])], 'Europe/London')).toEqual([]);
    expect(
      findApplicableLessons(
        inPerson(),
        [lesson('FORGOT', [retired, { ...retired, text: 'Another' }])],
        'Europe/London',
      ),
    ).toEqual([]);
  });

  it('still brings the rule’s suggestion for a lesson that never had actions', () => {
    const hint = only(findApplicableLessons(inPerson(), [lesson('SCHEDULE_MIXUP', [])], 'Europe/London'));
    expect(hint.actionTexts).toEqual([]);
  });

  it('puts the most concrete advice first and keeps the given order within a kind', () => {
    const lessons = [
      lesson('OTHER'),
      lesson('FORGOT'),
      lesson('SCHEDULE_MIXUP'),
      lesson('TIMEZONE_ERROR'),
      lesson('TRAFFIC_TRANSPORT'),
    ];
    const hints = findApplicableLessons(inPerson({ timeZone: 'Asia/Tokyo' }), lessons, 'Europe/London');
    expect(hints.map((hint) => hint.kind)).toEqual([
      'extra-buffer',
      'time-zone-check',
      'extra-reminder',
      'general',
      'general',
    ]);
    expect(hints.slice(3).map((hint) => hint.rootCause)).toEqual(['OTHER', 'SCHEDULE_MIXUP']);
  });

  it('does not fail on an interview with an unknown zone', () => {
    const hints = findApplicableLessons(
      inPerson({ timeZone: 'Nowhere/Special' }),
      [lesson('TRAFFIC_TRANSPORT'), lesson('TIMEZONE_ERROR')],
      'Europe/London',
    );
    expect(hints.map((hint) => hint.kind)).toEqual(['extra-buffer', 'time-zone-check']);
  });

  it('returns nothing without lessons', () => {
    expect(findApplicableLessons(inPerson(), [], 'Europe/London')).toEqual([]);
  });
});

describe('mergeHints', () => {
  it('shows one suggestion for lessons of the same cause, with every distinct action', () => {
    const first = lesson('TRAFFIC_TRANSPORT', ['Check the trains', 'Leave earlier']);
    const second = lesson('TRAFFIC_TRANSPORT', ['Leave earlier', 'Visit the place beforehand']);
    const merged = mergeHints(
      findApplicableLessons(inPerson(), [first, second, lesson('FORGOT', [])], 'Europe/London'),
    );
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      kind: 'extra-buffer',
      rootCauses: ['TRAFFIC_TRANSPORT'],
      lessonIds: [first.id, second.id],
      actionTexts: ['Check the trains', 'Leave earlier', 'Visit the place beforehand'],
    });
    expect(merged[1]).toMatchObject({ kind: 'extra-reminder', actionTexts: [] });
  });

  it('merges general hints only when they say the same thing', () => {
    const merged = mergeHints(
      findApplicableLessons(
        inPerson({ format: 'VIDEO' }),
        [lesson('ILLNESS'), lesson('OTHER'), lesson('TECHNICAL_PROBLEM')],
        'UTC',
      ),
    );
    expect(merged.map((hint) => hint.rootCauses)).toEqual([['ILLNESS', 'OTHER'], ['TECHNICAL_PROBLEM']]);
  });
});

describe('findApplicableLessons: cost', () => {
  afterEach(() => jest.restoreAllMocks());

  it('builds no date formatter per lesson or per call once the zones are known', () => {
    const interview = inPerson({ timeZone: 'America/New_York', format: 'VIDEO' });
    const lessons = ROOT_CAUSES.flatMap((cause) => Array.from({ length: 20 }, () => lesson(cause)));
    const first = findApplicableLessons(interview, lessons, 'Europe/London');
    const constructed = jest.spyOn(Intl, 'DateTimeFormat');
    for (let round = 0; round < 50; round += 1) {
      expect(findApplicableLessons(interview, lessons, 'Europe/London')).toEqual(first);
    }
    expect(constructed).not.toHaveBeenCalled();
  });

  it('gives every lesson of a cause the same suggestion, in the order the lessons came', () => {
    const lessons = [lesson('FORGOT', ['A']), lesson('TIMEZONE_ERROR'), lesson('FORGOT', ['B'])];
    const hints = findApplicableLessons(inPerson({ timeZone: 'Asia/Tokyo' }), lessons, 'Europe/London');
    const reminders = hints.filter((hint) => hint.kind === 'extra-reminder');
    expect(reminders.map((hint) => hint.lessonId)).toEqual([lessons[0]?.id, lessons[2]?.id]);
    expect(new Set(reminders.map((hint) => hint.suggestion)).size).toBe(1);
    expect(reminders.map((hint) => hint.actionTexts)).toEqual([['A'], ['B']]);
  });
});

describe('findApplicableLessons: employer-side lessons', () => {
  const employerLesson = (
    company: string | null,
    rootCause: RootCause = 'OTHER',
    extra: Partial<HintLesson> = {},
  ): HintLesson => ({ ...lesson(rootCause, ['Ask for a phone number']), side: 'EMPLOYER', company, ...extra });
  const video = (company: string) => inPerson({ format: 'VIDEO', company });

  it('shows a no-show on the next interview with that company, whatever its case and spacing', () => {
    const noShow = employerLesson(' fabrikam ', 'OTHER', { incidentKind: 'EMPLOYER_NO_SHOW' });
    const hint = only(findApplicableLessons(video('Fabrikam'), [noShow], 'Europe/London'));
    expect(hint).toMatchObject({
      kind: 'employer-side',
      company: 'Fabrikam',
      lessonId: noShow.id,
      actionTexts: ['Ask for a phone number'],
      suggestion: 'Last time Fabrikam didn’t show up: confirm the link the day before.',
    });
  });

  it('stays off interviews with other companies, and off every interview when it names none', () => {
    expect(findApplicableLessons(video('Contoso'), [employerLesson('Fabrikam')], 'Europe/London')).toEqual([]);
    expect(findApplicableLessons(video('Fabrikam Ltd'), [employerLesson('Fabrikam')], 'Europe/London')).toEqual([]);
    expect(findApplicableLessons(video('Fabrikam'), [employerLesson(null)], 'Europe/London')).toEqual([]);
    // An interview read without its company cannot be matched.
    expect(findApplicableLessons(inPerson({ format: 'VIDEO' }), [employerLesson('Fabrikam')], 'UTC')).toEqual([]);
  });

  it('says what went wrong by its cause, and fits the check to the interview', () => {
    const say = (cause: RootCause, interview: HintInterview) =>
      only(findApplicableLessons(interview, [employerLesson('Fabrikam', cause)], 'Europe/London')).suggestion;
    expect(say('SCHEDULE_MIXUP', video('Fabrikam'))).toBe(
      'Last time Fabrikam mixed up the schedule: confirm the date and time with them in writing the day before.',
    );
    expect(say('TIMEZONE_ERROR', video('Fabrikam'))).toBe(
      'Last time Fabrikam got the time zone wrong: confirm with them in writing that they mean Wed 10 Jun, 10:00 in Europe/London.',
    );
    expect(say('TECHNICAL_PROBLEM', video('Fabrikam'))).toBe(
      'Last time Fabrikam had a technical problem: test the link the day before and ask for a phone number in case it fails.',
    );
    expect(say('TECHNICAL_PROBLEM', inPerson({ format: 'PHONE', company: 'Fabrikam' }))).toContain(
      'which number they will call',
    );
    expect(say('OTHER', inPerson({ company: 'Fabrikam' }))).toBe(
      'Last time something went wrong on Fabrikam’s side: confirm the time, the address and whom to ask for at reception the day before.',
    );
  });

  it('keeps candidate-side rules as they were beside it', () => {
    const interview = inPerson({ company: 'Fabrikam' });
    const hints = findApplicableLessons(
      interview,
      [employerLesson('Fabrikam', 'SCHEDULE_MIXUP'), lesson('SCHEDULE_MIXUP'), lesson('TRAFFIC_TRANSPORT')],
      'Europe/London',
    );
    expect(hints.map((hint) => hint.kind)).toEqual(['extra-buffer', 'employer-side', 'general']);
    // A candidate-side lesson is about the candidate, so it applies at any company.
    expect(only(findApplicableLessons(inPerson({ company: 'Contoso' }), [lesson('SCHEDULE_MIXUP')], 'UTC')).kind).toBe(
      'general',
    );
  });

  it('stays quiet once every action is a habit, like any lesson', () => {
    const habit = employerLesson('Fabrikam', 'OTHER', { actions: [{ text: 'Confirm', retiredAt: START }] });
    expect(findApplicableLessons(video('Fabrikam'), [habit], 'UTC')).toEqual([]);
  });

  it('merges two lessons about the same employer into one entry with both actions', () => {
    const first = employerLesson('Fabrikam', 'OTHER', { actions: [{ text: 'Confirm the link', retiredAt: null }] });
    const second = employerLesson('FABRIKAM', 'OTHER', { actions: [{ text: 'Ask for a number', retiredAt: null }] });
    const merged = mergeHints(findApplicableLessons(video('Fabrikam'), [first, second], 'UTC'));
    expect(merged).toHaveLength(1);
    expect(merged[0]?.actionTexts).toEqual(['Confirm the link', 'Ask for a number']);
  });
});
