// The recovery flow as a state machine. The order mirrors the advice the product is built on:
// call first, then the written apology and reschedule request, send it, record the answer,
// prepare for the second chance only if there is one, and always end by keeping the lesson.
// The string values equal the Prisma enums so rows can be passed straight in.
//
// The employer's no-show walks its own list of steps over the same states: first the checks
// that catch the candidate's own mistake (CHECK), then the wait with a call and a short note
// (WAIT), then what happened (OUTCOME), the second chance (PREP) and the lesson. Its outcomes
// are events of their own, so the candidate's flow cannot take them and the reverse.

export const stepOrder = ['CALL', 'APOLOGY', 'SEND', 'OUTCOME', 'PREP', 'LESSON', 'CLOSED'] as const;

export const noShowStepOrder = ['CHECK', 'WAIT', 'OUTCOME', 'PREP', 'LESSON', 'CLOSED'] as const;

export type RecoveryState = (typeof stepOrder)[number] | (typeof noShowStepOrder)[number];
export type IncidentKind = 'MISSED' | 'RUNNING_LATE' | 'EMPLOYER_NO_SHOW';
export type RescheduleAnswer = 'ACCEPTED' | 'DECLINED' | 'NO_RESPONSE';
export type IncidentOutcome = 'RESCHEDULED' | 'DECLINED' | 'NO_RESPONSE' | 'ATTENDED_LATE' | 'WITHDRAWN';
/** How an employer's no-show ends, apart from joining late (ATTENDED_LATE). */
export type NoShowOutcome = 'RESCHEDULED' | 'NO_RESPONSE' | 'WITHDRAWN';

/** The steps of an incident of `kind`, in the order they are walked. */
export function listSteps(kind: IncidentKind = 'MISSED'): readonly RecoveryState[] {
  return kind === 'EMPLOYER_NO_SHOW' ? noShowStepOrder : stepOrder;
}

export type RecoveryEvent =
  | { type: 'CALL_MADE' }
  | { type: 'DRAFT_APPROVED' }
  | { type: 'MESSAGE_SENT' }
  | { type: 'OUTCOME_RECORDED'; answer: RescheduleAnswer }
  // After the one follow-up has gone unanswered the user stops waiting and moves to the lesson.
  | { type: 'WAITING_ENDED' }
  // Preventive flow only: the employer still saw the candidate that day, so nothing is left to
  // reschedule and the flow goes straight to the lesson.
  | { type: 'ATTENDED_LATE' }
  | { type: 'PREP_DONE' }
  | { type: 'LESSON_SAVED' }
  | { type: 'STEP_SKIPPED'; reason: string }
  // Employer's no-show only: the candidate's own side checked out, so start waiting for them.
  | { type: 'CHECKS_PASSED' }
  // Employer's no-show only: the checks found the candidate's own mistake (a wrong zone or link);
  // the incident becomes their own miss and starts over at the call.
  | { type: 'OWN_MISS_FOUND' }
  | { type: 'NO_SHOW_OUTCOME'; outcome: NoShowOutcome };

export const stepLabels: Record<RecoveryState, string> = {
  CALL: 'Call the employer',
  APOLOGY: 'Write the apology',
  SEND: 'Send it',
  OUTCOME: 'Record their answer',
  PREP: 'Prepare for the second chance',
  LESSON: 'Keep the lesson',
  CLOSED: 'Closed',
  CHECK: 'Check your side first',
  WAIT: 'Wait, call and write',
};

// Only the first step reads differently when the interview has not been missed yet.
const runningLateLabels: Partial<Record<RecoveryState, string>> = {
  CALL: 'Call ahead now',
};

const noShowLabels: Partial<Record<RecoveryState, string>> = {
  OUTCOME: 'Record what happened',
  LESSON: 'Keep a lesson (optional)',
};

const labelsByKind: Record<IncidentKind, Partial<Record<RecoveryState, string>>> = {
  MISSED: {},
  RUNNING_LATE: runningLateLabels,
  EMPLOYER_NO_SHOW: noShowLabels,
};

export function labelStep(step: RecoveryState, kind: IncidentKind = 'MISSED'): string {
  return labelsByKind[kind][step] ?? stepLabels[step];
}

// What the user must finish at each state, phrased to start a sentence ending in "before …".
const pendingWork: Record<RecoveryState, string> = {
  CALL: 'Call the employer (or skip the call with a reason)',
  APOLOGY: 'Finish the apology and reschedule email',
  SEND: 'Send your apology email',
  OUTCOME: 'Record the outcome of your reschedule request',
  PREP: 'Finish preparing for the new interview',
  LESSON: 'Save the lesson',
  CLOSED: 'This incident is closed',
  CHECK: 'Finish checking your side (the time, the link, the number)',
  WAIT: 'Finish the wait (or record what happened)',
};

// What the user tried to do, phrased to follow "before".
const attemptedWork: Record<RecoveryState, string> = {
  CALL: 'recording the call',
  APOLOGY: 'working on the apology',
  SEND: 'sending the email',
  OUTCOME: 'recording their answer',
  PREP: 'preparing for the new interview',
  LESSON: 'writing the lesson',
  CLOSED: 'closing the incident',
  CHECK: 'checking your side',
  WAIT: 'waiting for them',
};

export type RecoveryStepErrorCode =
  'OUT_OF_ORDER' | 'ALREADY_PASSED' | 'INCIDENT_CLOSED' | 'NOT_ALLOWED' | 'SKIP_REASON_REQUIRED';

export class RecoveryStepError extends Error {
  readonly code: RecoveryStepErrorCode;
  readonly current: RecoveryState;
  readonly attempted: RecoveryState | null;

  constructor(code: RecoveryStepErrorCode, message: string, current: RecoveryState, attempted: RecoveryState | null) {
    super(message);
    this.name = 'RecoveryStepError';
    this.code = code;
    this.current = current;
    this.attempted = attempted;
  }
}

function indexOfStep(step: RecoveryState, kind: IncidentKind = 'MISSED'): number {
  return listSteps(kind).indexOf(step);
}

/** Throws a RecoveryStepError with a message fit for the user unless `attempted` is the open step. */
export function assertStep(current: RecoveryState, attempted: RecoveryState, kind: IncidentKind = 'MISSED'): void {
  if (current === attempted) return;
  if (current === 'CLOSED') {
    throw new RecoveryStepError(
      'INCIDENT_CLOSED',
      'This incident is closed; nothing more can be recorded on it.',
      current,
      attempted,
    );
  }
  if (indexOfStep(attempted, kind) < 0) {
    throw new RecoveryStepError(
      'NOT_ALLOWED',
      kind === 'EMPLOYER_NO_SHOW'
        ? `“${stepLabels[attempted]}” is not part of a no-show by the employer. Next: ${lowerFirst(pendingWork[current])}.`
        : `“${stepLabels[attempted]}” is only part of a no-show by the employer.`,
      current,
      attempted,
    );
  }
  if (indexOfStep(attempted, kind) < indexOfStep(current, kind)) {
    throw new RecoveryStepError(
      'ALREADY_PASSED',
      `“${stepLabels[attempted]}” is already behind you. Next: ${lowerFirst(pendingWork[current])}.`,
      current,
      attempted,
    );
  }
  throw new RecoveryStepError(
    'OUT_OF_ORDER',
    `${pendingWork[current]} before ${attemptedWork[attempted]}.`,
    current,
    attempted,
  );
}

function lowerFirst(text: string): string {
  return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

// The step that follows when `state` is skipped. PREP only makes sense after an accepted
// request, so skipping the outcome leads to the lesson.
const skipTargets: Record<RecoveryState, RecoveryState | null> = {
  CALL: 'APOLOGY',
  APOLOGY: 'SEND',
  SEND: 'OUTCOME',
  OUTCOME: 'LESSON',
  PREP: 'LESSON',
  LESSON: 'CLOSED',
  CLOSED: null,
  CHECK: 'WAIT',
  WAIT: 'OUTCOME',
};

const answerTargets: Record<RescheduleAnswer, RecoveryState> = {
  ACCEPTED: 'PREP',
  // Declining ends the request: apologise once more, thank them, then stop.
  DECLINED: 'LESSON',
  // No answer yet: stay and wait for the follow-up nudge.
  NO_RESPONSE: 'OUTCOME',
};

type PlainEventType = Exclude<
  RecoveryEvent['type'],
  'STEP_SKIPPED' | 'ATTENDED_LATE' | 'OUTCOME_RECORDED' | 'OWN_MISS_FOUND' | 'NO_SHOW_OUTCOME'
>;

// The forward transitions, one per event; any event fired from another state is out of order.
const plainTransitions: Record<PlainEventType, { from: RecoveryState; to: RecoveryState }> = {
  CALL_MADE: { from: 'CALL', to: 'APOLOGY' },
  DRAFT_APPROVED: { from: 'APOLOGY', to: 'SEND' },
  MESSAGE_SENT: { from: 'SEND', to: 'OUTCOME' },
  WAITING_ENDED: { from: 'OUTCOME', to: 'LESSON' },
  PREP_DONE: { from: 'PREP', to: 'LESSON' },
  LESSON_SAVED: { from: 'LESSON', to: 'CLOSED' },
  CHECKS_PASSED: { from: 'CHECK', to: 'WAIT' },
};

const attendedLateStates: readonly RecoveryState[] = ['CALL', 'APOLOGY', 'SEND', 'OUTCOME'];

// They joined after all (or the candidate did, late): possible until the outcome is known.
const noShowJoinedStates: readonly RecoveryState[] = ['CHECK', 'WAIT', 'OUTCOME'];

// What each outcome of a no-show leads to. No answer yet keeps the flow at the outcome, with a
// follow-up planned; the reschedule is prepared like any round; withdrawing leaves the lesson.
const noShowOutcomeTargets: Record<NoShowOutcome, RecoveryState> = {
  RESCHEDULED: 'PREP',
  NO_RESPONSE: 'OUTCOME',
  WITHDRAWN: 'LESSON',
};

// Events that only one side's flow knows.
const noShowOnlyEvents: readonly RecoveryEvent['type'][] = ['CHECKS_PASSED', 'OWN_MISS_FOUND', 'NO_SHOW_OUTCOME'];
const candidateOnlyEvents: readonly RecoveryEvent['type'][] = [
  'CALL_MADE',
  'DRAFT_APPROVED',
  'MESSAGE_SENT',
  'OUTCOME_RECORDED',
];

export type SkippedStep = { skipped: RecoveryState; next: RecoveryState; reason: string };

/** Skips the open step. A reason is required so a skipped step is always explained in the stepper. */
export function skipStep(state: RecoveryState, reason: string): SkippedStep {
  const next = skipTargets[state];
  if (next === null) {
    throw new RecoveryStepError(
      'INCIDENT_CLOSED',
      'This incident is closed; there is no step left to skip.',
      state,
      null,
    );
  }
  const trimmed = reason.trim();
  if (trimmed === '') {
    throw new RecoveryStepError(
      'SKIP_REASON_REQUIRED',
      `Say why you are skipping “${stepLabels[state]}”.`,
      state,
      null,
    );
  }
  return { skipped: state, next, reason: trimmed };
}

/** The state after `event`; throws a RecoveryStepError when the event does not fit `state`. */
export function nextState(state: RecoveryState, event: RecoveryEvent, kind: IncidentKind = 'MISSED'): RecoveryState {
  const isNoShow = kind === 'EMPLOYER_NO_SHOW';
  if (isNoShow ? candidateOnlyEvents.includes(event.type) : noShowOnlyEvents.includes(event.type)) {
    throw new RecoveryStepError(
      'NOT_ALLOWED',
      isNoShow
        ? 'This step belongs to your own miss, not to a no-show by the employer.'
        : 'This step only belongs to a no-show by the employer.',
      state,
      null,
    );
  }
  switch (event.type) {
    case 'STEP_SKIPPED':
      return skipStep(state, event.reason).next;
    case 'OWN_MISS_FOUND':
      assertStep(state, 'CHECK', kind);
      return 'CALL';
    case 'NO_SHOW_OUTCOME':
      // The outcome can be recorded as soon as the wait is over, or from the wait itself.
      if (state !== 'WAIT') assertStep(state, 'OUTCOME', kind);
      return noShowOutcomeTargets[event.outcome];
    case 'ATTENDED_LATE':
      if (isNoShow) {
        if (!noShowJoinedStates.includes(state)) assertStep(state, 'OUTCOME', kind);
        return 'LESSON';
      }
      if (kind !== 'RUNNING_LATE') {
        throw new RecoveryStepError(
          'NOT_ALLOWED',
          'Only a “running late” incident can end with attending late.',
          state,
          null,
        );
      }
      if (!attendedLateStates.includes(state)) assertStep(state, 'OUTCOME');
      return 'LESSON';
    case 'OUTCOME_RECORDED':
      assertStep(state, 'OUTCOME');
      return answerTargets[event.answer];
    default: {
      const transition = plainTransitions[event.type];
      assertStep(state, transition.from, kind);
      return transition.to;
    }
  }
}

/** Every state reachable from `current` in one allowed transition (a skip included). */
export function listNextStates(current: RecoveryState, kind: IncidentKind = 'MISSED'): RecoveryState[] {
  if (kind === 'EMPLOYER_NO_SHOW') return listNoShowNextStates(current);
  const targets = new Set<RecoveryState>();
  const skipTarget = skipTargets[current];
  if (skipTarget) targets.add(skipTarget);
  Object.values(plainTransitions)
    .filter((transition) => transition.from === current)
    .forEach((transition) => targets.add(transition.to));
  if (current === 'OUTCOME') Object.values(answerTargets).forEach((target) => targets.add(target));
  if (kind === 'RUNNING_LATE' && attendedLateStates.includes(current)) targets.add('LESSON');
  return stepOrder.filter((step) => targets.has(step));
}

function listNoShowNextStates(current: RecoveryState): RecoveryState[] {
  if (indexOfStep(current, 'EMPLOYER_NO_SHOW') < 0) return [];
  const targets = new Set<RecoveryState>();
  const skipTarget = skipTargets[current];
  if (skipTarget) targets.add(skipTarget);
  Object.values(plainTransitions)
    .filter((transition) => transition.from === current)
    .forEach((transition) => targets.add(transition.to));
  if (current === 'WAIT' || current === 'OUTCOME') {
    Object.values(noShowOutcomeTargets).forEach((target) => targets.add(target));
  }
  if (noShowJoinedStates.includes(current)) targets.add('LESSON');
  // The checks can also hand the incident over to the candidate's own flow.
  const handover: RecoveryState[] = current === 'CHECK' ? ['CALL'] : [];
  return [...handover, ...noShowStepOrder.filter((step) => targets.has(step))];
}

export function canMoveTo(current: RecoveryState, target: RecoveryState, kind: IncidentKind = 'MISSED'): boolean {
  return listNextStates(current, kind).includes(target);
}

/** How the incident ends for a given answer, for MissedIncident.outcome. */
export function getOutcomeForAnswer(answer: RescheduleAnswer): IncidentOutcome {
  return answer === 'ACCEPTED' ? 'RESCHEDULED' : answer;
}

export type RecordedStep = {
  step: RecoveryState;
  status: 'DONE' | 'SKIPPED';
  skipReason?: string | null;
  completedAt?: Date | null;
};

export type StepperStatus = 'done' | 'skipped' | 'current' | 'upcoming';

export type StepperItem = {
  step: RecoveryState;
  label: string;
  status: StepperStatus;
  skipReason: string | null;
  completedAt: Date | null;
};

// A step the flow jumped over (PREP after a refusal, say) has no row; the stepper still has to
// say why it was not done rather than show a silent gap.
const notNeededReasons: Record<IncidentOutcome, string> = {
  RESCHEDULED: 'Not recorded.',
  DECLINED: 'Not needed: they declined to reschedule.',
  NO_RESPONSE: 'Not needed: no new interview was set.',
  ATTENDED_LATE: 'Not needed: you were seen on the day.',
  WITHDRAWN: 'Not needed: you withdrew.',
};

/** The visible stepper: every step before CLOSED with its status, in flow order. */
export function describeStepper(input: {
  state: RecoveryState;
  steps: readonly RecordedStep[];
  kind?: IncidentKind;
  outcome?: IncidentOutcome | null;
}): StepperItem[] {
  const currentIndex = indexOfStep(input.state, input.kind);
  return listSteps(input.kind)
    .filter((step) => step !== 'CLOSED')
    .map((step, index): StepperItem => {
      const label = labelStep(step, input.kind);
      if (index === currentIndex) return { step, label, status: 'current', skipReason: null, completedAt: null };
      if (index > currentIndex) return { step, label, status: 'upcoming', skipReason: null, completedAt: null };

      const record = input.steps.find((recorded) => recorded.step === step);
      if (record?.status === 'DONE') {
        return { step, label, status: 'done', skipReason: null, completedAt: record.completedAt ?? null };
      }
      const skipReason =
        record?.skipReason?.trim() || (input.outcome ? notNeededReasons[input.outcome] : 'Not recorded.');
      return { step, label, status: 'skipped', skipReason, completedAt: record?.completedAt ?? null };
    });
}
