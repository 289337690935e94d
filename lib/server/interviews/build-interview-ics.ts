import 'server-only';
import { getDb } from '@/lib/db';
import { buildInterviewCalendar } from '@/lib/domain/calendar';
import { NotFoundError } from '@/lib/errors';
import { getPreventionHints } from '@/lib/server/lessons/get-prevention-hints';
import { calendarEventSelect, toCalendarInterview } from './calendar-interview';

export async function buildInterviewIcs(userId: string, id: string, appUrl: string) {
  const [row, hints] = await Promise.all([
    getDb().interview.findFirst({ where: { id, userId }, select: calendarEventSelect }),
    getPreventionHints(userId, [id]),
  ]);
  if (!row) throw new NotFoundError('interview');
  return {
    filename: `interview-${
      row.company
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'rebound'
    }.ics`,
    body: buildInterviewCalendar(toCalendarInterview(row, hints), { appUrl }),
  };
}
