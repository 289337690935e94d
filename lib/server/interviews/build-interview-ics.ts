import 'server-only';
import { getDb } from '@/lib/db';
import { buildInterviewCalendar } from '@/lib/domain/calendar';
import { NotFoundError } from '@/lib/errors';
import { getPreventionHints } from '@/lib/server/lessons/get-prevention-hints';
import { calendarEventSelect, toCalendarInterview } from './calendar-interview';

// Whether a newer slot replaced this one: then the file is that slot's, under the same UID.
const downloadSelect = { ...calendarEventSelect, rescheduledTo: { select: { id: true }, take: 1 } };

export async function buildInterviewIcs(userId: string, id: string, appUrl: string) {
  const [row, hints] = await Promise.all([
    getDb().interview.findFirst({ where: { id, userId }, select: downloadSelect }),
    getPreventionHints(userId, [id]),
  ]);
  if (!row) throw new NotFoundError('interview');
  // The old slot's file would cancel the meeting it shares a UID with, in a calendar that takes
  // it after the new slot's; it is the meeting as it now stands instead.
  const newest = row.rescheduledTo.length > 0 ? await findNewestSlot(userId, row) : null;
  const slot = newest ?? row;
  const slotHints = newest ? await getPreventionHints(userId, [newest.id]) : hints;
  return {
    filename: `interview-${
      slot.company
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'rebound'
    }.ics`,
    body: buildInterviewCalendar(toCalendarInterview(slot, slotHints), { appUrl }),
  };
}

/** The slot of the meeting nothing has replaced yet, with the highest SEQUENCE. */
function findNewestSlot(userId: string, row: { id: string; calendarUid: string | null }) {
  const uid = row.calendarUid ?? row.id;
  return getDb().interview.findFirst({
    where: { userId, calendarUid: uid, rescheduledTo: { none: { userId } } },
    orderBy: [{ calendarSequence: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    select: calendarEventSelect,
  });
}
