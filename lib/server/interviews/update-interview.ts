import 'server-only';
import { getDb } from '@/lib/db';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { InterviewFormValues } from '@/lib/validation/interview';
import { isTimeChange } from '@/lib/domain/interview-time-changes';
import { recordActivity } from './record-activity';
import { recordTimeChange } from './record-time-change';
import { toInterviewData } from './interview-data';
import { linkInterviewContact } from '@/lib/server/applications/link-interview-contact';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';

const trackedFields = [
  'company',
  'roleTitle',
  'roundLabel',
  'scheduledStart',
  'durationMinutes',
  'timeZone',
  'format',
  'location',
  'meetingUrl',
  'contactName',
  'contactEmail',
  'contactPhone',
  'notes',
  'travelMinutes',
  'bufferMinutes',
] as const;

/**
 * Saves an edit. `expectedUpdatedAt` is the version the form was loaded from: when another
 * tab saved in between, nothing is overwritten and the user is told.
 *
 * A new company or role does not move the interview to another application: an edit usually
 * corrects a typo in the same round, and moving rounds between applications is a choice the
 * user makes on the application itself.
 */
export async function updateInterview(
  userId: string,
  id: string,
  values: InterviewFormValues,
  expectedUpdatedAt?: Date,
) {
  const { data, start } = toInterviewData(values);
  await getDb().$transaction(async (tx) => {
    const current = await tx.interview.findFirst({ where: { id, userId } });
    if (!current) throw new NotFoundError('interview');
    if (expectedUpdatedAt && current.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
      throw new ConflictError(
        'This interview was changed in another tab or window since you opened it. Reload to see the latest version; nothing was saved.',
      );
    }
    const contact = await linkInterviewContact(tx, userId, current.applicationId, values);
    const changed = trackedFields.filter((field) => String(current[field] ?? '') !== String(data[field] ?? ''));
    if (changed.length === 0 && contact.contactId === current.contactId) return;
    // The version in the where makes the check and the write one step: of two saves from the
    // same version, the second finds nothing to update.
    const { count } = await tx.interview.updateMany({
      where: { id, userId, updatedAt: current.updatedAt },
      data: { ...data, ...contact, calendarSequence: { increment: 1 } },
    });
    if (count === 0) {
      throw new ConflictError(
        'This interview was changed in another tab or window since you opened it. Reload to see the latest version; nothing was saved.',
      );
    }
    await recordActivity(tx, [
      {
        userId,
        interviewId: id,
        type: 'UPDATED',
        summary: `Edited: ${(changed.length > 0 ? changed : ['contactId']).join(', ')}`,
        details: { changed: changed.length > 0 ? [...changed] : ['contactId'] },
      },
    ]);
    // A new start, length or zone from the user's own edit is a move they asked for.
    if (isTimeChange(current, data)) {
      await recordTimeChange(tx, {
        userId,
        interviewId: id,
        requestedBy: 'CANDIDATE',
        reasonCategory: values.rescheduleReason,
        reason: values.rescheduleNote,
        from: current,
        to: data,
      });
    }
    await syncInterviewReminders(tx, userId, id);
  });
  return { adjustment: start.adjustment, notice: start.message };
}
