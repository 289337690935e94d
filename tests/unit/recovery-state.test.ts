import {
  IncidentOutcome as PrismaIncidentOutcome,
  RecoveryState as PrismaRecoveryState,
  RescheduleStatus as PrismaRescheduleStatus,
} from '@/lib/generated/prisma/enums';
import { adviseFollowUp } from '@/lib/domain/recovery-follow-up';
import {
  type RecordedStep,
  type RecoveryEvent,
  type RecoveryState,
  RecoveryStepError,
  assertStep,
  canMoveTo,
  describeStepper,
  getOutcomeForAnswer,
  labelStep,
  listNextStates,
  nextState,
  skipStep,
  stepLabels,
  stepOrder,
  noShowStepOrder,
} from '@/lib/domain/recovery-state';

function catchStepError(run: () => unknown): RecoveryStepError {
  try {
    run();
  } catch (error) {
    if (error instanceof RecoveryStepError) return error;
    throw error;
  }
  throw new Error('expected a RecoveryStepError');
}

function runEvents(events: readonly RecoveryEvent[], kind: 'MISSED' | 'RUNNING_LATE' = 'MISSED'): RecoveryState[] {
  const visited: RecoveryState[] = ['CALL'];
  let state: RecoveryState = 'CALL';
  for (const event of events) {
    state = nextState(state, event, kind);
    visited.push(state);
  }
  return visited;
}

describe('stepOrder and labels', () => {
  it('lists the steps in the order of the advice, with the same values as the Prisma enum', () => {
    expect(stepOrder).toEqual(['CALL', 'APOLOGY', 'SEND', 'OUTCOME', 'PREP', 'LESSON', 'CLOSED']);
    expect([...new Set([...stepOrder, ...noShowStepOrder])].sort()).toEqual(Object.values(PrismaRecoveryState).sort());
  });

  it('has a non-empty label for every step and a preventive label for the first step when running late', () => {
    for (const step of stepOrder) expect(stepLabels[step].trim()).not.toBe('');
    expect(labelStep('CALL', 'RUNNING_LATE')).toBe('Call ahead now');
    expect(labelStep('CALL', 'MISSED')).toBe(stepLabels.CALL);
    expect(labelStep('SEND', 'RUNNING_LATE')).toBe(stepLabels.SEND);
  });

  it('maps every reschedule answer to a Prisma incident outcome', () => {
    const answers = Object.values(PrismaRescheduleStatus).filter((status) => status !== 'PENDING');
    const outcomes: string[] = Object.values(PrismaIncidentOutcome);
    for (const answer of answers) expect(outcomes).toContain(getOutcomeForAnswer(answer));
    expect(getOutcomeForAnswer('ACCEPTED')).toBe('RESCHEDULED');
    expect(getOutcomeForAnswer('DECLINED')).toBe('DECLINED');
  });
});

describe('nextState', () => {
  it('walks the accepted path through every step', () => {
    expect(
      runEvents([
        { type: 'CALL_MADE' },
        { type: 'DRAFT_APPROVED' },
        { type: 'MESSAGE_SENT' },
        { type: 'OUTCOME_RECORDED', answer: 'ACCEPTED' },
        { type: 'PREP_DONE' },
        { type: 'LESSON_SAVED' },
      ]),
    ).toEqual(['CALL', 'APOLOGY', 'SEND', 'OUTCOME', 'PREP', 'LESSON', 'CLOSED']);
  });

  it('goes from a refusal straight to the lesson, skipping preparation', () => {
    expect(nextState('OUTCOME', { type: 'OUTCOME_RECORDED', answer: 'DECLINED' })).toBe('LESSON');
  });

  it('stays in OUTCOME when there is no answer yet, and moves to the lesson once the user stops waiting', () => {
    expect(nextState('OUTCOME', { type: 'OUTCOME_RECORDED', answer: 'NO_RESPONSE' })).toBe('OUTCOME');
    expect(nextState('OUTCOME', { type: 'OUTCOME_RECORDED', answer: 'ACCEPTED' })).toBe('PREP');
    expect(nextState('OUTCOME', { type: 'WAITING_ENDED' })).toBe('LESSON');
  });

  it('runs the running-late flow through the same steps, call first', () => {
    expect(
      runEvents(
        [
          { type: 'CALL_MADE' },
          { type: 'DRAFT_APPROVED' },
          { type: 'MESSAGE_SENT' },
          { type: 'OUTCOME_RECORDED', answer: 'DECLINED' },
          { type: 'LESSON_SAVED' },
        ],
        'RUNNING_LATE',
      ),
    ).toEqual(['CALL', 'APOLOGY', 'SEND', 'OUTCOME', 'LESSON', 'CLOSED']);
  });

  it('lets a running-late incident end in attending late, but not a missed one', () => {
    expect(nextState('CALL', { type: 'ATTENDED_LATE' }, 'RUNNING_LATE')).toBe('LESSON');
    expect(nextState('OUTCOME', { type: 'ATTENDED_LATE' }, 'RUNNING_LATE')).toBe('LESSON');
    expect(catchStepError(() => nextState('CALL', { type: 'ATTENDED_LATE' }, 'MISSED')).code).toBe('NOT_ALLOWED');
    expect(catchStepError(() => nextState('PREP', { type: 'ATTENDED_LATE' }, 'RUNNING_LATE')).code).toBe(
      'ALREADY_PASSED',
    );
  });

  it('refuses events that do not belong to the current step', () => {
    expect(catchStepError(() => nextState('CALL', { type: 'MESSAGE_SENT' })).code).toBe('OUT_OF_ORDER');
    expect(catchStepError(() => nextState('APOLOGY', { type: 'OUTCOME_RECORDED', answer: 'ACCEPTED' })).code).toBe(
      'OUT_OF_ORDER',
    );
    expect(catchStepError(() => nextState('OUTCOME', { type: 'PREP_DONE' })).message).toBe(
      'Record the outcome of your reschedule request before preparing for the new interview.',
    );
    expect(catchStepError(() => nextState('CLOSED', { type: 'LESSON_SAVED' })).code).toBe('INCIDENT_CLOSED');
  });

  it('refuses an outcome recorded twice once the flow has moved on', () => {
    const error = catchStepError(() => nextState('PREP', { type: 'OUTCOME_RECORDED', answer: 'DECLINED' }));
    expect(error.code).toBe('ALREADY_PASSED');
    expect(error.message).toMatch(/already behind you/);
  });

  it('treats a skip event like skipStep', () => {
    expect(nextState('CALL', { type: 'STEP_SKIPPED', reason: 'No phone number on the invitation' })).toBe('APOLOGY');
    expect(() => nextState('CALL', { type: 'STEP_SKIPPED', reason: '  ' })).toThrow(RecoveryStepError);
  });
});

describe('skipStep', () => {
  it('moves to the next step and keeps the trimmed reason', () => {
    expect(skipStep('CALL', '  They asked for email only ')).toEqual({
      skipped: 'CALL',
      next: 'APOLOGY',
      reason: 'They asked for email only',
    });
    expect(skipStep('APOLOGY', 'Agreed on the phone').next).toBe('SEND');
    expect(skipStep('PREP', 'Prepared offline').next).toBe('LESSON');
    expect(skipStep('LESSON', 'Nothing to change').next).toBe('CLOSED');
  });

  it('never lands on PREP when the outcome is skipped, since nothing was accepted', () => {
    expect(skipStep('OUTCOME', 'Gave up waiting').next).toBe('LESSON');
  });

  it('refuses an empty or blank reason with a message naming the step', () => {
    for (const reason of ['', '   ', '\n\t']) {
      const error = catchStepError(() => skipStep('SEND', reason));
      expect(error.code).toBe('SKIP_REASON_REQUIRED');
      expect(error.message).toBe('Say why you are skipping “Send it”.');
    }
  });

  it('has nothing to skip once closed', () => {
    expect(catchStepError(() => skipStep('CLOSED', 'done')).code).toBe('INCIDENT_CLOSED');
  });
});

describe('canMoveTo and listNextStates', () => {
  it('allows exactly the explicit transitions of a missed interview', () => {
    expect(listNextStates('CALL')).toEqual(['APOLOGY']);
    expect(listNextStates('APOLOGY')).toEqual(['SEND']);
    expect(listNextStates('SEND')).toEqual(['OUTCOME']);
    expect(listNextStates('OUTCOME')).toEqual(['OUTCOME', 'PREP', 'LESSON']);
    expect(listNextStates('PREP')).toEqual(['LESSON']);
    expect(listNextStates('LESSON')).toEqual(['CLOSED']);
    expect(listNextStates('CLOSED')).toEqual([]);
  });

  it('adds the attended-late exit to the lesson for a running-late incident', () => {
    expect(listNextStates('CALL', 'RUNNING_LATE')).toEqual(['APOLOGY', 'LESSON']);
    expect(canMoveTo('SEND', 'LESSON', 'RUNNING_LATE')).toBe(true);
    expect(canMoveTo('SEND', 'LESSON', 'MISSED')).toBe(false);
    expect(listNextStates('PREP', 'RUNNING_LATE')).toEqual(['LESSON']);
  });

  it('never allows going backwards or jumping ahead', () => {
    expect(canMoveTo('SEND', 'APOLOGY')).toBe(false);
    expect(canMoveTo('CALL', 'SEND')).toBe(false);
    expect(canMoveTo('APOLOGY', 'PREP')).toBe(false);
    expect(canMoveTo('CLOSED', 'CALL')).toBe(false);
    expect(canMoveTo('OUTCOME', 'PREP')).toBe(true);
  });

  it('agrees with nextState: every state nextState reaches is listed', () => {
    const events: RecoveryEvent[] = [
      { type: 'CALL_MADE' },
      { type: 'DRAFT_APPROVED' },
      { type: 'MESSAGE_SENT' },
      { type: 'OUTCOME_RECORDED', answer: 'ACCEPTED' },
      { type: 'OUTCOME_RECORDED', answer: 'DECLINED' },
      { type: 'OUTCOME_RECORDED', answer: 'NO_RESPONSE' },
      { type: 'WAITING_ENDED' },
      { type: 'ATTENDED_LATE' },
      { type: 'PREP_DONE' },
      { type: 'LESSON_SAVED' },
      { type: 'STEP_SKIPPED', reason: 'because' },
    ];
    for (const kind of ['MISSED', 'RUNNING_LATE'] as const) {
      for (const state of stepOrder) {
        for (const event of events) {
          let target: RecoveryState | null = null;
          try {
            target = nextState(state, event, kind);
          } catch (error) {
            expect(error).toBeInstanceOf(RecoveryStepError);
          }
          if (target !== null) expect(canMoveTo(state, target, kind)).toBe(true);
        }
      }
    }
  });
});

describe('assertStep', () => {
  it('passes for the open step', () => {
    expect(() => assertStep('OUTCOME', 'OUTCOME')).not.toThrow();
  });

  it('explains what to finish first when a step is attempted too early', () => {
    const error = catchStepError(() => assertStep('OUTCOME', 'PREP'));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RecoveryStepError');
    expect(error.code).toBe('OUT_OF_ORDER');
    expect(error.current).toBe('OUTCOME');
    expect(error.attempted).toBe('PREP');
    expect(error.message).toBe('Record the outcome of your reschedule request before preparing for the new interview.');
    expect(catchStepError(() => assertStep('CALL', 'SEND')).message).toBe(
      'Call the employer (or skip the call with a reason) before sending the email.',
    );
  });

  it('says a step is behind the user when attempted late', () => {
    const error = catchStepError(() => assertStep('LESSON', 'APOLOGY'));
    expect(error.code).toBe('ALREADY_PASSED');
    expect(error.message).toBe('“Write the apology” is already behind you. Next: save the lesson.');
  });

  it('refuses everything on a closed incident', () => {
    for (const step of stepOrder.filter((s) => s !== 'CLOSED')) {
      expect(catchStepError(() => assertStep('CLOSED', step)).code).toBe('INCIDENT_CLOSED');
    }
  });

  it('never leaks placeholder text in any message', () => {
    for (const current of stepOrder) {
      for (const attempted of stepOrder) {
        if (current === attempted) continue;
        expect(catchStepError(() => assertStep(current, attempted)).message).not.toMatch(/undefined|null|\{|\}/);
      }
    }
  });
});

describe('describeStepper', () => {
  const at = new Date('2026-03-04T10:00:00Z');
  const statuses = (items: ReturnType<typeof describeStepper>) => items.map((item) => `${item.step}:${item.status}`);

  it('shows every step before CLOSED, the current one and the upcoming ones', () => {
    const items = describeStepper({
      state: 'SEND',
      steps: [
        { step: 'CALL', status: 'DONE', completedAt: at },
        { step: 'APOLOGY', status: 'DONE' },
      ],
    });
    expect(statuses(items)).toEqual([
      'CALL:done',
      'APOLOGY:done',
      'SEND:current',
      'OUTCOME:upcoming',
      'PREP:upcoming',
      'LESSON:upcoming',
    ]);
    expect(items[0]?.completedAt).toBe(at);
    expect(items[0]?.label).toBe('Call the employer');
  });

  it('shows a skipped step with the reason the user gave', () => {
    const steps: RecordedStep[] = [{ step: 'CALL', status: 'SKIPPED', skipReason: 'No phone number', completedAt: at }];
    const [call] = describeStepper({ state: 'APOLOGY', steps });
    expect(call).toEqual({
      step: 'CALL',
      label: 'Call the employer',
      status: 'skipped',
      skipReason: 'No phone number',
      completedAt: at,
    });
  });

  it('explains PREP as not needed after a refusal instead of leaving a silent gap', () => {
    const steps: RecordedStep[] = ['CALL', 'APOLOGY', 'SEND', 'OUTCOME'].map((step) => ({
      step: step as RecoveryState,
      status: 'DONE',
    }));
    const items = describeStepper({ state: 'LESSON', steps, outcome: 'DECLINED' });
    expect(statuses(items)).toEqual([
      'CALL:done',
      'APOLOGY:done',
      'SEND:done',
      'OUTCOME:done',
      'PREP:skipped',
      'LESSON:current',
    ]);
    expect(items[4]?.skipReason).toBe('Not needed: they declined to reschedule.');
  });

  it('marks everything done or skipped once closed, and uses the running-late label', () => {
    const steps: RecordedStep[] = [
      { step: 'CALL', status: 'DONE' },
      { step: 'LESSON', status: 'DONE' },
    ];
    const items = describeStepper({ state: 'CLOSED', steps, kind: 'RUNNING_LATE', outcome: 'ATTENDED_LATE' });
    expect(statuses(items)).toEqual([
      'CALL:done',
      'APOLOGY:skipped',
      'SEND:skipped',
      'OUTCOME:skipped',
      'PREP:skipped',
      'LESSON:done',
    ]);
    expect(items[0]?.label).toBe('Call ahead now');
    expect(items[1]?.skipReason).toBe('Not needed: you were seen on the day.');
  });

  it('ignores records of steps that are not reached yet', () => {
    const items = describeStepper({ state: 'CALL', steps: [{ step: 'SEND', status: 'DONE' }] });
    expect(items.find((item) => item.step === 'SEND')?.status).toBe('upcoming');
  });
});

describe('adviseFollowUp', () => {
  const askedAt = new Date('2026-03-04T10:00:00Z'); // Wednesday
  const base = { state: 'OUTCOME' as const, askedAt, followUpsSent: 0, timeZone: 'Europe/London' };

  it('waits until three business days have passed', () => {
    const advice = adviseFollowUp({ ...base, now: new Date('2026-03-06T10:00:00Z') });
    expect(advice).toEqual({ status: 'WAITING', dueAt: new Date('2026-03-09T10:00:00Z') });
  });

  it('suggests one follow-up once it is due', () => {
    const advice = adviseFollowUp({ ...base, now: new Date('2026-03-09T10:00:00Z') });
    expect(advice.status).toBe('DUE');
  });

  it('discourages a second follow-up', () => {
    const advice = adviseFollowUp({ ...base, followUpsSent: 1, now: new Date('2026-03-20T10:00:00Z') });
    expect(advice.status).toBe('DISCOURAGED');
    expect(advice.status === 'DISCOURAGED' && advice.message).toMatch(/second follow-up/);
  });

  it('has nothing to say outside the outcome step or before a request was made', () => {
    expect(adviseFollowUp({ ...base, state: 'PREP', now: new Date('2026-03-20T10:00:00Z') })).toEqual({
      status: 'NOT_WAITING',
    });
    expect(adviseFollowUp({ ...base, askedAt: null, now: new Date('2026-03-20T10:00:00Z') })).toEqual({
      status: 'NOT_WAITING',
    });
  });
});
