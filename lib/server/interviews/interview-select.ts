import 'server-only';
import type { InterviewFacts } from '@/lib/domain/interview-facts';
import type { Prisma } from '@/lib/generated/prisma/client';

// What every view of an interview starts from: who, what, when, where and how long to get there.
const interviewSummarySelect = {
  id: true,
  status: true,
  company: true,
  roleTitle: true,
  roundLabel: true,
  scheduledStart: true,
  durationMinutes: true,
  timeZone: true,
  format: true,
  location: true,
  travelMinutes: true,
  bufferMinutes: true,
} satisfies Prisma.InterviewSelect;

/** Reads every field of InterviewFacts, the ones drafted messages and replacement interviews are built from. */
export const interviewFactsSelect = {
  ...interviewSummarySelect,
  meetingUrl: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
} satisfies Prisma.InterviewSelect & Record<keyof InterviewFacts, true>;

/** What a list row of an interview shows. */
export const interviewListSelect = {
  ...interviewSummarySelect,
  rescheduledFromId: true,
} satisfies Prisma.InterviewSelect;

/** An interview read with interviewFactsSelect: the domain's InterviewFacts, every field present. */
export type FactsInterview = Required<InterviewFacts>;

// Compiles only while the columns read are exactly the domain's facts, field for field: a column
// whose type drifts from InterviewFacts (or a fact the select stops reading) fails here.
type SelectedFacts = Prisma.InterviewGetPayload<{ select: typeof interviewFactsSelect }>;
type IsExactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<Check extends true> = Check;
type _SelectedFactsAreFactsInterview = Expect<IsExactly<SelectedFacts, FactsInterview>>;
