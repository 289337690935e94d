import { Card } from '@/components/ui/card';
import type { CalendarInterview } from '@/lib/domain/calendar';
import { buildAddToCalendarLinks } from '@/lib/domain/calendar-links';
import { isSecondChance } from '@/lib/domain/prep-checklist';
import { computeLeaveBy } from '@/lib/domain/travel';
import { textLinkClassName } from '@/components/ui/text-link';
import { getAppUrl } from '@/lib/request';

type AddToCalendarProps = {
  interview: Omit<CalendarInterview, 'sequence' | 'isSecondChance' | 'leaveBy' | 'extraReminders'> & {
    travelMinutes: number | null;
    bufferMinutes: number | null;
    rescheduledFrom: Parameters<typeof isSecondChance>[0]['rescheduledFrom'];
  };
};

const linkClass = textLinkClassName();

/** Links that put an upcoming interview into the user's calendar, with the same texts as the .ics file. */
export function AddToCalendar({ interview }: AddToCalendarProps) {
  if (interview.status !== 'SCHEDULED') return null;
  const leaveBy = computeLeaveBy({
    start: interview.scheduledStart,
    travelMinutes: interview.travelMinutes,
    bufferMinutes: interview.bufferMinutes,
  });
  const links = buildAddToCalendarLinks(
    { ...interview, sequence: 0, leaveBy, isSecondChance: isSecondChance(interview) },
    getAppUrl(),
  );
  return (
    <Card
      title="Add to calendar"
      description="The .ics file works in Apple Calendar and most other apps, and it brings its reminders with it."
    >
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <li>
          <a href={links.google} className={linkClass} target="_blank" rel="noopener noreferrer">
            Add to Google Calendar
          </a>
        </li>
        <li>
          <a href={links.outlook} className={linkClass} target="_blank" rel="noopener noreferrer">
            Add to Outlook
          </a>
        </li>
        <li>
          <a href={`/api/interviews/${encodeURIComponent(interview.id)}/ics`} className={linkClass} download>
            Download .ics file
          </a>
        </li>
      </ul>
    </Card>
  );
}
