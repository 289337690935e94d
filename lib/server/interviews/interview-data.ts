import 'server-only';
import { resolveLocalStart } from '@/lib/domain/local-start';
import { zonedLocalToUtc } from '@/lib/domain/time';
import { ValidationError } from '@/lib/errors';
import type { InterviewFormValues } from '@/lib/validation/interview';

/** The form's values as the interview's columns, with the start as resolved in its zone. */
export function toInterviewData(values: InterviewFormValues) {
  const start = resolveLocalStart(values.date, values.startTime, values.timeZone);
  // Instants, not clock readings: a night when the clocks change makes the two differ.
  const end = zonedLocalToUtc(`${values.date}T${values.endTime}`, values.timeZone).instant;
  const durationMinutes = Math.round((end.getTime() - start.instant.getTime()) / 60_000);
  if (durationMinutes <= 0) {
    throw new ValidationError('The end time must be after the start time.', {
      endTime: 'The end time must be after the start time.',
    });
  }
  const inPerson = values.format === 'IN_PERSON';
  return {
    start,
    data: {
      company: values.company,
      roleTitle: values.roleTitle,
      roundLabel: values.roundLabel ?? null,
      scheduledStart: start.instant,
      durationMinutes,
      timeZone: values.timeZone,
      format: values.format,
      location: values.location ?? null,
      meetingUrl: values.meetingUrl ?? null,
      contactName: values.contactName ?? null,
      contactEmail: values.contactEmail ?? null,
      contactPhone: values.contactPhone ?? null,
      notes: values.notes ?? null,
      // Travel and buffer only mean something when the candidate has to get somewhere.
      travelMinutes: inPerson ? (values.travelMinutes ?? null) : null,
      bufferMinutes: inPerson ? (values.bufferMinutes ?? null) : null,
    },
  };
}
