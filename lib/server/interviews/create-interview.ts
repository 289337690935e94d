import 'server-only';
import { getDb } from '@/lib/db';
import { formatWithZone } from '@/lib/domain/time';
import type { InterviewFormValues } from '@/lib/validation/interview';
import { recordActivity } from './record-activity';
import { toInterviewData } from './interview-data';
import { linkInterviewContact } from '@/lib/server/applications/link-interview-contact';
import { placeInterviewInApplication } from '@/lib/server/applications/place-interview-in-application';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';

/**
 * Adds an interview to the application the form chose (or `options.applicationId`; the user's
 * own, else NotFoundError), else to the open application for the same company and role, else to
 * a new one: no interview exists without its application. Its contact is one of the
 * application's contacts (linkInterviewContact). `options.invitation` is the employer's
 * invitation it came from, so a later version of it finds this interview.
 */
export async function createInterview(
  userId: string,
  values: InterviewFormValues,
  options: { applicationId?: string; invitation?: { uid: string; sequence: number } } = {},
) {
  const { data, start } = toInterviewData(values);
  const interview = await getDb().$transaction(async (tx) => {
    const applicationId = await placeInterviewInApplication(tx, userId, {
      company: data.company,
      roleTitle: data.roleTitle,
      applicationId: values.applicationId ?? options.applicationId,
    });
    const contact = await linkInterviewContact(tx, userId, applicationId, values);
    const created = await tx.interview.create({
      data: {
        ...data,
        ...contact,
        userId,
        applicationId,
        invitationUid: options.invitation?.uid ?? null,
        invitationSequence: options.invitation?.sequence ?? null,
      },
      select: { id: true },
    });
    await recordActivity(tx, [
      {
        userId,
        interviewId: created.id,
        type: 'CREATED',
        summary: `Interview added for ${formatWithZone(start.instant, values.timeZone)}`,
      },
    ]);
    await syncInterviewReminders(tx, userId, created.id);
    return created;
  });
  return { id: interview.id, adjustment: start.adjustment, notice: start.message };
}
