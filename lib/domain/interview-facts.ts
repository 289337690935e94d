// One shape for an interview as the rules read it; each rule takes the fields it needs (Pick<>, Omit<>).
import type { InterviewFormat } from './interview-format';
import type { InterviewStatus } from './interview-status';

/**
 * The facts of an interview that calendars, reminders, prevention hints and drafted messages are
 * built from: the columns of interviewFactsSelect (lib/server/interviews/interview-select.ts).
 * What may be unknown is optional, and absent reads like null, so a caller builds only what it knows.
 */
export type InterviewFacts = {
  id: string;
  status: InterviewStatus;
  company: string;
  roleTitle: string;
  roundLabel?: string | null;
  scheduledStart: Date;
  durationMinutes: number;
  timeZone: string;
  format: InterviewFormat;
  location?: string | null;
  meetingUrl?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  travelMinutes?: number | null;
  bufferMinutes?: number | null;
};
