// What the incident page is given of one recovery: the contract between the query that reads it
// (lib/server/recovery/get-recovery.ts, whose return type the compiler holds to this) and the
// components that show it, which never import lib/server.
import type {
  CallResponse,
  CallResult,
  ContactChannel,
  InterviewFormat,
  MessageChannel,
  MessageDelivery,
  MessageKind,
  MessageStatus,
  MissReason,
  RecoveryStepStatus,
  RescheduleStatus,
} from '@/lib/generated/prisma/enums';
import type { InterviewFacts } from './interview-facts';
import type { FollowUpAdvice } from './recovery-follow-up';
import type { IncidentKind, IncidentOutcome, RecoveryState, StepperItem } from './recovery-state';

export type PrepChecklistItem = { id: string; label: string; checked: boolean; checkedAt: Date | null };

/** The second chance's preparation: what to tick before the new interview, and when to leave. */
export type PrepChecklist = {
  interviewId: string;
  scheduledStart: Date;
  timeZone: string;
  leaveBy: Date | null;
  items: PrepChecklistItem[];
  isComplete: boolean;
};

export type MessageRevisionView = { id: string; subject: string | null; body: string; createdAt: Date };

export type RecoveryMessage = {
  id: string;
  kind: MessageKind;
  channel: MessageChannel;
  recipient: string | null;
  subject: string | null;
  body: string;
  status: MessageStatus;
  delivery: MessageDelivery | null;
  sentAt: Date | null;
  failureReason: string | null;
  dismissedAt: Date | null;
  interviewId: string | null;
  incidentId: string | null;
  createdAt: Date;
  updatedAt: Date;
  revisions: MessageRevisionView[];
};

/** The interview a recovery is about, every fact read (null where unknown). */
export type RecoveryInterview = Required<InterviewFacts>;

export type RecoveryIncident = {
  id: string;
  kind: IncidentKind;
  reason: MissReason;
  explanation: string | null;
  employerWarned: boolean;
  recoveryState: RecoveryState;
  outcome: IncidentOutcome | null;
  recordedAt: Date;
  closedAt: Date | null;
  interview: RecoveryInterview;
};

export type RecoveryRequest = {
  id: string;
  channel: ContactChannel;
  askedAt: Date;
  callResult: CallResult | null;
  callResponse: CallResponse | null;
  status: RescheduleStatus;
  respondedAt: Date | null;
  responseNote: string | null;
  newInterview: {
    id: string;
    scheduledStart: Date;
    timeZone: string;
    format: InterviewFormat;
    travelMinutes: number | null;
    bufferMinutes: number | null;
    prepChecklist: unknown;
    company: string;
    roleTitle: string;
    location: string | null;
  } | null;
};

export type RecoveryLesson = {
  id: string;
  rootCause: MissReason;
  whatHappened: string;
  createdAt: Date;
  actions: { id: string; text: string; position: number }[];
};

export type RecoveryStepRecord = {
  step: RecoveryState;
  status: RecoveryStepStatus;
  skipReason: string | null;
  completedAt: Date;
};

export type Recovery = {
  incident: RecoveryIncident;
  interview: RecoveryInterview;
  stepper: StepperItem[];
  requests: RecoveryRequest[];
  messages: RecoveryMessage[];
  lesson: RecoveryLesson | null;
  followUp: FollowUpAdvice;
  newInterview: RecoveryRequest['newInterview'];
  prep: PrepChecklist | null;
};

/** A message to an employer drafted and never sent nor dismissed, as the dashboard lists it. */
export type UnsentMessage = {
  id: string;
  kind: MessageKind;
  subject: string | null;
  recipient: string | null;
  status: MessageStatus;
  delivery: MessageDelivery | null;
  createdAt: Date;
  incidentId: string | null;
  interview: { company: string; roleTitle: string } | null;
};
export type UnsentMessages = { messages: UnsentMessage[]; total: number };
