import 'server-only';
import { type CalendarInterview } from '@/lib/domain/calendar';
import { isSecondChance } from '@/lib/domain/prep-checklist';
import { computeLeaveBy } from '@/lib/domain/travel';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { PreventionHintsByInterview } from '@/lib/server/lessons/get-prevention-hints';
import { interviewFactsSelect } from './interview-select';

// What a calendar entry says: the facts every message is built from, and the notes.
const calendarSelect = { ...interviewFactsSelect, notes: true } satisfies Prisma.InterviewSelect;
// A calendar entry also has a UID and a revision number, and knows whether it is a second chance.
export const calendarEventSelect = {
  ...calendarSelect,
  calendarUid: true,
  calendarSequence: true,
  rescheduledFrom: { select: { _count: { select: { incidents: true } } } },
} satisfies Prisma.InterviewSelect;

type CalendarRow = Parameters<typeof isSecondChance>[0] & {
  id: string;
  scheduledStart: Date;
  travelMinutes: number | null;
  bufferMinutes: number | null;
  calendarSequence: number;
};

/** A row as the calendar builders take it: its leave-by time and the reminders its lessons add. */
export function toCalendarInterview<T extends CalendarRow>(
  row: T,
  hints: PreventionHintsByInterview,
): T & Pick<CalendarInterview, 'leaveBy' | 'extraReminders' | 'sequence' | 'isSecondChance'> {
  // A lesson about forgetting turns on an extra reminder, at the time the lesson's rule chose.
  const reminderTimes = new Set(
    (hints[row.id] ?? []).flatMap((hint) => (hint.kind === 'extra-reminder' ? [hint.remindAt.getTime()] : [])),
  );
  return {
    ...row,
    sequence: row.calendarSequence,
    isSecondChance: isSecondChance(row),
    leaveBy: computeLeaveBy({
      start: row.scheduledStart,
      travelMinutes: row.travelMinutes,
      bufferMinutes: row.bufferMinutes,
    }),
    extraReminders: [...reminderTimes].map((time) => ({ at: new Date(time), text: 'Reminder from your lessons' })),
  };
}
