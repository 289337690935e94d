// An interview's time changes as its page shows them, and who the change is put down to.
import type { TimeChangeSource } from '@/lib/generated/prisma/enums';

export type InterviewTimeChangeView = {
  id: string;
  requestedBy: TimeChangeSource;
  reason: string | null;
  fromStart: Date;
  toStart: Date;
  fromTimeZone: string;
  toTimeZone: string;
  fromDurationMinutes: number;
  toDurationMinutes: number;
  recordedAt: Date;
};

export const TIME_CHANGE_SOURCE_LABELS: Readonly<Record<TimeChangeSource, string>> = {
  CANDIDATE: 'Moved at your request',
  EMPLOYER: 'Moved by the employer',
  INVITATION: "Moved by the employer's invitation",
};
