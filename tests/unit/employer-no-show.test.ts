import { RecoveryState as PrismaRecoveryState } from '@/lib/generated/prisma/enums';
import {
  MAX_NO_SHOW_WORDS,
  NO_SHOW_FINDINGS,
  OWN_MISTAKE_REASONS,
  checkNoShowMessage,
  isNoShowOffered,
  noShowOfferedFrom,
} from '@/lib/domain/employer-no-show';
import { employerRescheduleSummary, rescheduleReasonLabel } from '@/lib/domain/interview-time-changes';
import { type MessageFacts, draftMessage, findPlaceholders, formatInterviewTime } from '@/lib/domain/message-templates';
import { adviseFollowUp } from '@/lib/domain/recovery-follow-up';
import { NO_SHOW_LINK_LABEL, buildReminderContent } from '@/lib/domain/reminders-content';
import {
  type RecoveryEvent,
  type RecoveryState,
  RecoveryStepError,
  canMoveTo,
  describeStepper,
  labelStep,
  listNextStates,
  listSteps,
  nextState,
  noShowStepOrder,
  stepOrder,
} from '@/lib/domain/recovery-state';

// A fixed clock: Tuesday 3 March 2026, 14:00 in London (GMT).
const START = new Date('2026-03-03T14:00:00Z');
const minutesAfter = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

function catchStepError(run: () => unknown): RecoveryStepError {
  try {
    run();
  } catch (error) {
    if (error instanceof RecoveryStepError) return error;
    throw error;
  }
  throw new Error('expected a RecoveryStepError');
}

const noShow = (state: RecoveryState, event: RecoveryEvent) => nextState(state, event, 'EMPLOYER_NO_SHOW');

describe('when "They didn\'t show up" is offered', () => {
  const scheduled = { status: 'SCHEDULED', scheduledStart: START, hasOpenIncident: false };

  it('is offered from five minutes after the start, not before', () => {
    expect(isNoShowOffered(scheduled, minutesAfter(-10))).toBe(false);
    expect(isNoShowOffered(scheduled, minutesAfter(0))).toBe(false);
    expect(isNoShowOffered(scheduled, minutesAfter(4))).toBe(false);
    expect(isNoShowOffered(scheduled, minutesAfter(5))).toBe(true);
    expect(isNoShowOffered(scheduled, minutesAfter(90))).toBe(true);
    expect(noShowOfferedFrom(START)).toEqual(minutesAfter(5));
  });

  it('is not offered once the check-in is answered or while a recovery is open', () => {
    for (const status of ['COMPLETED', 'MISSED', 'CANCELLED', 'RESCHEDULED', 'WITHDRAWN']) {
      expect(isNoShowOffered({ ...scheduled, status }, minutesAfter(30))).toBe(false);
    }
    expect(isNoShowOffered({ ...scheduled, hasOpenIncident: true }, minutesAfter(30))).toBe(false);
  });
});

describe('the no-show state machine', () => {
  it('has its own steps, every one a Prisma state, and labels for each', () => {
    expect(noShowStepOrder).toEqual(['CHECK', 'WAIT', 'OUTCOME', 'PREP', 'LESSON', 'CLOSED']);
    expect(listSteps('EMPLOYER_NO_SHOW')).toBe(noShowStepOrder);
    expect(listSteps('MISSED')).toBe(stepOrder);
    for (const step of noShowStepOrder) expect(Object.values(PrismaRecoveryState)).toContain(step);
    expect(labelStep('CHECK', 'EMPLOYER_NO_SHOW')).toBe('Check your side first');
    expect(labelStep('OUTCOME', 'EMPLOYER_NO_SHOW')).toBe('Record what happened');
    expect(labelStep('OUTCOME', 'MISSED')).toBe('Record their answer');
  });

  it('walks checks → wait → rescheduled → prep → lesson → closed', () => {
    let state: RecoveryState = 'CHECK';
    state = noShow(state, { type: 'CHECKS_PASSED' });
    expect(state).toBe('WAIT');
    state = noShow(state, { type: 'NO_SHOW_OUTCOME', outcome: 'RESCHEDULED' });
    expect(state).toBe('PREP');
    state = noShow(state, { type: 'PREP_DONE' });
    expect(state).toBe('LESSON');
    expect(noShow(state, { type: 'LESSON_SAVED' })).toBe('CLOSED');
  });

  it('keeps the outcome open while there is no answer, and goes to the lesson on withdrawal', () => {
    expect(noShow('WAIT', { type: 'NO_SHOW_OUTCOME', outcome: 'NO_RESPONSE' })).toBe('OUTCOME');
    expect(noShow('OUTCOME', { type: 'NO_SHOW_OUTCOME', outcome: 'NO_RESPONSE' })).toBe('OUTCOME');
    expect(noShow('OUTCOME', { type: 'NO_SHOW_OUTCOME', outcome: 'RESCHEDULED' })).toBe('PREP');
    expect(noShow('WAIT', { type: 'NO_SHOW_OUTCOME', outcome: 'WITHDRAWN' })).toBe('LESSON');
    expect(noShow('OUTCOME', { type: 'WAITING_ENDED' })).toBe('LESSON');
  });

  it('moves the checks to the candidate’s own miss (the call) or to attended late (the lesson)', () => {
    expect(noShow('CHECK', { type: 'OWN_MISS_FOUND' })).toBe('CALL');
    expect(noShow('CHECK', { type: 'ATTENDED_LATE' })).toBe('LESSON');
    expect(noShow('WAIT', { type: 'ATTENDED_LATE' })).toBe('LESSON');
    expect(noShow('OUTCOME', { type: 'ATTENDED_LATE' })).toBe('LESSON');
    expect(listNextStates('CHECK', 'EMPLOYER_NO_SHOW')).toEqual(['CALL', 'WAIT', 'LESSON']);
    expect(canMoveTo('WAIT', 'PREP', 'EMPLOYER_NO_SHOW')).toBe(true);
    expect(canMoveTo('CHECK', 'PREP', 'EMPLOYER_NO_SHOW')).toBe(false);
  });

  it('refuses the checks’ findings once past them, and outcomes before the checks', () => {
    expect(catchStepError(() => noShow('WAIT', { type: 'OWN_MISS_FOUND' })).code).toBe('ALREADY_PASSED');
    expect(catchStepError(() => noShow('CHECK', { type: 'NO_SHOW_OUTCOME', outcome: 'RESCHEDULED' })).code).toBe(
      'OUT_OF_ORDER',
    );
    expect(catchStepError(() => noShow('PREP', { type: 'ATTENDED_LATE' })).code).toBe('ALREADY_PASSED');
    expect(catchStepError(() => noShow('CLOSED', { type: 'CHECKS_PASSED' })).code).toBe('INCIDENT_CLOSED');
  });

  it('keeps each side’s events to its own flow', () => {
    for (const event of [
      { type: 'CALL_MADE' },
      { type: 'DRAFT_APPROVED' },
      { type: 'MESSAGE_SENT' },
      { type: 'OUTCOME_RECORDED', answer: 'ACCEPTED' },
    ] as const) {
      expect(catchStepError(() => noShow('OUTCOME', event)).code).toBe('NOT_ALLOWED');
    }
    for (const kind of ['MISSED', 'RUNNING_LATE'] as const) {
      expect(catchStepError(() => nextState('CALL', { type: 'CHECKS_PASSED' }, kind)).code).toBe('NOT_ALLOWED');
      expect(catchStepError(() => nextState('OUTCOME', { type: 'OWN_MISS_FOUND' }, kind)).code).toBe('NOT_ALLOWED');
      expect(
        catchStepError(() => nextState('OUTCOME', { type: 'NO_SHOW_OUTCOME', outcome: 'WITHDRAWN' }, kind)).code,
      ).toBe('NOT_ALLOWED');
      expect(listNextStates('OUTCOME', kind)).not.toContain('WAIT');
    }
  });

  it('skips the checks to the wait and the wait to the outcome, with a reason', () => {
    expect(noShow('CHECK', { type: 'STEP_SKIPPED', reason: 'I know it is right' })).toBe('WAIT');
    expect(noShow('WAIT', { type: 'STEP_SKIPPED', reason: 'Called already' })).toBe('OUTCOME');
    expect(catchStepError(() => noShow('WAIT', { type: 'STEP_SKIPPED', reason: '  ' })).code).toBe(
      'SKIP_REASON_REQUIRED',
    );
  });

  it('describes its own stepper, explaining the steps a withdrawal jumped over', () => {
    const items = describeStepper({
      state: 'LESSON',
      kind: 'EMPLOYER_NO_SHOW',
      outcome: 'WITHDRAWN',
      steps: [
        { step: 'CHECK', status: 'DONE' },
        { step: 'WAIT', status: 'DONE' },
        { step: 'OUTCOME', status: 'DONE' },
      ],
    });
    expect(items.map((item) => [item.step, item.status])).toEqual([
      ['CHECK', 'done'],
      ['WAIT', 'done'],
      ['OUTCOME', 'done'],
      ['PREP', 'skipped'],
      ['LESSON', 'current'],
    ]);
    expect(items[3]?.skipReason).toBe('Not needed: you withdrew.');
  });
});

describe('the no-answer follow-up after a no-show', () => {
  it('is due one business day later in the employer’s zone, not three', () => {
    // Friday 6 March 2026, 17:00 in New York: the next business day there is Monday.
    const askedAt = new Date('2026-03-06T22:00:00Z');
    const advice = adviseFollowUp({
      state: 'OUTCOME',
      askedAt,
      followUpsSent: 0,
      now: askedAt,
      timeZone: 'America/New_York',
      kind: 'EMPLOYER_NO_SHOW',
    });
    expect(advice).toEqual({ status: 'WAITING', dueAt: new Date('2026-03-09T21:00:00Z') });
    const missed = adviseFollowUp({
      state: 'OUTCOME',
      askedAt,
      followUpsSent: 0,
      now: askedAt,
      timeZone: 'America/New_York',
    });
    expect(missed).toEqual({ status: 'WAITING', dueAt: new Date('2026-03-11T21:00:00Z') });
  });
});

// The note's facts: every combination of the optional ones present or missing.
const FULL = {
  contactName: 'Jane Smith',
  company: 'Acme Ltd',
  scheduledStart: START,
  timeZone: 'Europe/London',
  roleTitle: 'Backend Engineer',
  meetingUrl: 'https://meet.example.com/abc-defg',
} as const;
type OptionalFact = keyof typeof FULL;
const OPTIONAL_FACTS = Object.keys(FULL) as OptionalFact[];
const FORMATS = ['VIDEO', 'PHONE', 'IN_PERSON', null] as const;
const combinations = Array.from({ length: 2 ** OPTIONAL_FACTS.length }, (_, mask) =>
  OPTIONAL_FACTS.filter((_, bit) => (mask & (1 << bit)) !== 0),
).flatMap((present) => FORMATS.map((format) => ({ present, format })));

function buildFacts(present: readonly OptionalFact[], format: MessageFacts['format']): MessageFacts {
  const facts: MessageFacts = { kind: 'EMPLOYER_NO_SHOW', candidateName: 'Alex Morgan', format };
  for (const fact of present) Object.assign(facts, { [fact]: FULL[fact] });
  if (format === 'IN_PERSON' && present.includes('meetingUrl')) facts.location = '1 Main Street, London';
  return facts;
}

describe('the note drafted while waiting, over every combination of missing facts', () => {
  it.each(combinations.map((combination) => ({ ...combination, name: combination.present.join(', ') || 'none' })))(
    'passes its checklist with $name ($format)',
    ({ present, format }) => {
      const facts = buildFacts(present, format);
      const { subject, body } = draftMessage('NO_SHOW_CHECK_IN', facts);
      const has = (fact: OptionalFact) => present.includes(fact);
      for (const text of [subject ?? '', body]) {
        expect(findPlaceholders(text)).toEqual([]);
        expect(text).not.toMatch(/ {2}|\( *\)| [.,]|\.\.|\n{3}|^\s|\s$/);
      }
      expect(body.split('\n')[0]).toBe(has('contactName') ? 'Dear Jane Smith,' : 'Hello,');
      expect(subject).not.toMatch(/[\r\n]/);
      expect(body.includes('Acme Ltd')).toBe(has('company'));
      if (has('meetingUrl') && format !== 'IN_PERSON') expect(body).toContain(FULL.meetingUrl);
      if (format === 'IN_PERSON' && has('meetingUrl')) expect(body).toContain('1 Main Street, London');

      const zone = has('timeZone') ? FULL.timeZone : 'UTC';
      const result = checkNoShowMessage(body, { scheduledStart: facts.scheduledStart ?? null, timeZone: zone });
      const failed = result.items.filter((item) => !item.passed).map((item) => item.id);
      // Without a saved start the time cannot be cited; everything else still holds.
      expect(failed).toEqual(has('scheduledStart') ? [] : ['cites-time']);
      if (has('scheduledStart')) expect(body).toContain(formatInterviewTime(START, zone));
      expect(result.wordCount).toBeLessThanOrEqual(MAX_NO_SHOW_WORDS);
      // Deterministic.
      expect(draftMessage('NO_SHOW_CHECK_IN', buildFacts(present, format))).toEqual({ subject, body });
    },
  );
});

describe('the note’s checklist', () => {
  const confirmed = { scheduledStart: START, timeZone: 'Europe/London' };
  const good =
    'Hello,\n\nI am ready for our interview, confirmed for Tuesday 3 March at 14:00 (London time, GMT). I am happy to wait a little longer, or to reschedule to another time.\n\nThank you.';
  const failing = (text: string, at = confirmed) =>
    checkNoShowMessage(text, at)
      .items.filter((item) => !item.passed)
      .map((item) => item.id);

  it('passes a short, factual note', () => {
    expect(failing(good)).toEqual([]);
  });

  it('wants the time with its zone', () => {
    expect(failing(good.replace(' (London time, GMT)', ''))).toEqual(['cites-time']);
    expect(failing(good.replace('14:00', '2pm'))).toEqual(['cites-time']);
    expect(failing(good, { scheduledStart: START, timeZone: 'America/New_York' })).toEqual(['cites-time']);
  });

  it('wants both ways forward', () => {
    expect(failing(good.replace('I am happy to wait a little longer, or to', 'I would like to'))).toEqual(['two-ways']);
    expect(failing(good.replace(', or to reschedule to another time', ''))).toEqual(['two-ways']);
  });

  it('refuses an apology, blame or an accusation', () => {
    expect(failing(`${good} Sorry to bother you.`)).toEqual(['no-apology']);
    expect(failing(`${good} You did not join the call.`)).toEqual(['no-blame']);
    expect(failing(`${good} This no-show is unprofessional.`)).toEqual(['no-blame']);
    expect(failing(`${good} Your link was broken.`)).toEqual(['no-blame']);
  });

  it('stays under the word limit', () => {
    expect(failing(`${good} ${'word '.repeat(MAX_NO_SHOW_WORDS)}`)).toEqual(['word-limit']);
  });
});

describe('the checks’ findings and the employer’s record', () => {
  it('turns each own mistake into a cause', () => {
    expect(NO_SHOW_FINDINGS).toEqual(['ALL_CORRECT', 'WRONG_TIME', 'WRONG_PLACE', 'JOINED_LATE']);
    expect(OWN_MISTAKE_REASONS).toEqual({ WRONG_TIME: 'TIMEZONE_ERROR', WRONG_PLACE: 'SCHEDULE_MIXUP' });
  });

  it('reads the no-shows beside the reschedules', () => {
    expect(employerRescheduleSummary(3, 1)).toBe('Rescheduled by them 3 times, one no-show');
    expect(employerRescheduleSummary(1, 2)).toBe('Rescheduled by them once, two no-shows');
    expect(employerRescheduleSummary(0, 1)).toBe('One no-show by them');
    expect(employerRescheduleSummary(0, 7)).toBe('7 no-shows by them');
    expect(employerRescheduleSummary(3, 0)).toBe('Rescheduled by them 3 times');
    expect(employerRescheduleSummary(0, 0)).toBeNull();
    expect(rescheduleReasonLabel('EMPLOYER_NO_SHOW')).toBe("They didn't show up");
  });
});

describe('the check-in notification', () => {
  it('links "They didn’t show up" to the interview, for the push button', () => {
    const interviewUrl = 'https://rebound.example/interviews/int_1';
    const content = buildReminderContent({
      reminder: { kind: 'CHECK_IN', leaveBy: null },
      interview: {
        company: 'Acme',
        roleTitle: 'Backend Engineer',
        scheduledStart: START,
        durationMinutes: 60,
        timeZone: 'Europe/London',
        format: 'VIDEO',
        location: null,
        contactName: null,
        contactEmail: null,
        contactPhone: null,
      },
      userTimeZone: 'Europe/London',
      userName: 'Sam Lee',
      links: {
        open: interviewUrl,
        checkInHappened: 'https://rebound.example/check-in/tok?answer=happened',
        checkInDidNotHappen: 'https://rebound.example/check-in/tok?answer=missed',
        noShow: interviewUrl,
      },
      sentAt: minutesAfter(120),
    });
    expect(content.links).toContainEqual({ label: NO_SHOW_LINK_LABEL, url: interviewUrl });
    expect(content.body).toContain(`${NO_SHOW_LINK_LABEL}: ${interviewUrl}`);
  });
});
