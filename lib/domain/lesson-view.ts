// What every lesson view is given: the lesson, its actions in order, and where it came from.
// lib/server/lessons/lesson-select.ts reads it; the compiler holds that select to this type.
import type { IncidentOutcome, InterviewFormat, LessonSide, MissReason } from '@/lib/generated/prisma/enums';
import type { IncidentKind } from './recovery-state';

export type LessonDetail = {
  id: string;
  rootCause: MissReason;
  /** Whose side it is about: what the candidate will do differently, or about the employer's side. */
  side: LessonSide;
  /** The employer it is about: the interview's when it came from a recovery, else the one named by hand. */
  company: string | null;
  whatHappened: string;
  reviewedAt: Date | null;
  reviewCount: number;
  createdAt: Date;
  updatedAt: Date;
  incident: {
    id: string;
    kind: IncidentKind;
    recordedAt: Date;
    outcome: IncidentOutcome | null;
    interview: {
      id: string;
      company: string;
      roleTitle: string;
      scheduledStart: Date;
      timeZone: string;
      format: InterviewFormat;
    };
  } | null;
  actions: { id: string; text: string; position: number; retiredAt: Date | null }[];
};
