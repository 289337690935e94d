import 'server-only';
import { utcToZonedLocal } from '@/lib/domain/time';
import { getInterview } from '@/lib/server/interviews/get-interview';
import type { InterviewFormInput } from '@/lib/validation/interview';

/**
 * The edit page: the interview's name, the version the save checks against, and the form's
 * values, times in the interview's own zone. A missing or foreign id throws NotFoundError.
 */
export async function loadEditInterviewPage(userId: string, id: string) {
  const interview = await getInterview(userId, id);
  const local = utcToZonedLocal(interview.scheduledStart, interview.timeZone);
  const end = utcToZonedLocal(
    new Date(interview.scheduledStart.getTime() + interview.durationMinutes * 60_000),
    interview.timeZone,
  );
  const defaults: InterviewFormInput = {
    company: interview.company,
    roleTitle: interview.roleTitle,
    roundLabel: interview.roundLabel ?? '',
    date: local.slice(0, 10),
    startTime: local.slice(11, 16),
    endTime: end.slice(11, 16),
    timeZone: interview.timeZone,
    format: interview.format,
    location: interview.location ?? '',
    meetingUrl: interview.meetingUrl ?? '',
    contactName: interview.contactName ?? '',
    contactEmail: interview.contactEmail ?? '',
    contactPhone: interview.contactPhone ?? '',
    notes: interview.notes ?? '',
    travelMinutes: interview.travelMinutes?.toString() ?? '',
    bufferMinutes: interview.bufferMinutes?.toString() ?? '',
  };
  return {
    interview: {
      id: interview.id,
      company: interview.company,
      roleTitle: interview.roleTitle,
      version: interview.updatedAt.toISOString(),
    },
    defaults,
  };
}
