// The interview status state machine. The union is declared here rather than imported from the
// generated Prisma client so this module stays pure (usable in the browser and in unit tests);
// a unit test checks the values against prisma/schema.prisma so the two cannot drift apart.

export const INTERVIEW_STATUSES = [
  'SCHEDULED',
  'COMPLETED',
  'MISSED',
  'RESCHEDULED',
  'CANCELLED',
  'WITHDRAWN',
] as const;

export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const INTERVIEW_STATUS_LABELS: Readonly<Record<InterviewStatus, string>> = {
  SCHEDULED: 'Scheduled',
  COMPLETED: 'Completed',
  MISSED: 'Missed',
  RESCHEDULED: 'Rescheduled',
  CANCELLED: 'Cancelled',
  WITHDRAWN: 'Withdrawn',
};

// Deliberate decisions, so nobody "fixes" them by accident:
// - SCHEDULED is the only state with a real choice of futures.
// - MISSED → RESCHEDULED: the employer agreed to a new slot; the new slot is a new interview row
//   (rescheduledFromId), and this one records that it was moved rather than simply missed.
// - MISSED ↔ COMPLETED: a correction. The check-in asks "did it happen?", and a wrong click must be
//   undoable without support. MISSED → COMPLETED also covers "I was late but they still saw me"
//   (the ATTENDED_LATE outcome). The server layer is responsible for closing or opening the
//   matching recovery incident when either correction happens.
// - RESCHEDULED is final: the story continues on the new interview, so editing the old one would
//   split one interview's history across two rows.
// - CANCELLED and WITHDRAWN are final: reviving one would resurrect reminders and calendar events
//   the user has already been told are gone. Creating a fresh interview is clearer.
// - Nothing goes back to SCHEDULED: "un-happening" an outcome would orphan its incidents and
//   messages; moving the time is what RESCHEDULED is for.
const TRANSITIONS: Readonly<Record<InterviewStatus, readonly InterviewStatus[]>> = {
  SCHEDULED: ['COMPLETED', 'MISSED', 'RESCHEDULED', 'CANCELLED', 'WITHDRAWN'],
  MISSED: ['RESCHEDULED', 'COMPLETED'],
  COMPLETED: ['MISSED'],
  RESCHEDULED: [],
  CANCELLED: [],
  WITHDRAWN: [],
};

// What the UI says when it offers the move, e.g. "Mark missed".
const ACTION_PHRASES: Readonly<Record<InterviewStatus, string>> = {
  SCHEDULED: 'moved back to scheduled',
  COMPLETED: 'marked completed',
  MISSED: 'marked missed',
  RESCHEDULED: 'rescheduled',
  CANCELLED: 'cancelled',
  WITHDRAWN: 'withdrawn from',
};

// Extra guidance where the reason for the refusal is not obvious from the message alone.
const REFUSAL_HINTS: Partial<Record<InterviewStatus, string>> = {
  RESCHEDULED: 'Update the interview it was moved to instead.',
  CANCELLED: 'Add a new interview if it is back on.',
  WITHDRAWN: 'Add a new interview if you are back in the process.',
};

export function isInterviewStatus(value: unknown): value is InterviewStatus {
  return typeof value === 'string' && (INTERVIEW_STATUSES as readonly string[]).includes(value);
}

export function allowedTransitions(from: InterviewStatus): readonly InterviewStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: InterviewStatus, to: InterviewStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** True when no further status change is possible. */
export function isFinalStatus(status: InterviewStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export class InvalidTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION';
  readonly from: InterviewStatus;
  readonly to: InterviewStatus;

  constructor(from: InterviewStatus, to: InterviewStatus) {
    super(describeRefusal(from, to));
    this.name = 'InvalidTransitionError';
    this.from = from;
    this.to = to;
  }
}

export function assertTransition(from: InterviewStatus, to: InterviewStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

function describeRefusal(from: InterviewStatus, to: InterviewStatus): string {
  const fromLabel = INTERVIEW_STATUS_LABELS[from].toLowerCase();
  if (from === to) return `This interview is already ${fromLabel}.`;
  const sentence = `A ${fromLabel} interview cannot be ${ACTION_PHRASES[to]}.`;
  const hint = REFUSAL_HINTS[from];
  return hint ? `${sentence} ${hint}` : sentence;
}
