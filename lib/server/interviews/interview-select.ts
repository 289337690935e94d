import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/** The interview fields every drafted message and replacement interview is built from. */
export const interviewFactsSelect = {
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
  meetingUrl: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  travelMinutes: true,
  bufferMinutes: true,
} satisfies Prisma.InterviewSelect;

/** What a list row of an interview shows. */
export const interviewListSelect = {
  id: true,
  company: true,
  roleTitle: true,
  roundLabel: true,
  scheduledStart: true,
  durationMinutes: true,
  timeZone: true,
  format: true,
  status: true,
  location: true,
  travelMinutes: true,
  bufferMinutes: true,
  rescheduledFromId: true,
} satisfies Prisma.InterviewSelect;

export type FactsInterview = Prisma.InterviewGetPayload<{ select: typeof interviewFactsSelect }>;
