import 'server-only';
import { getDb } from '@/lib/db';
import { formatWithZone } from '@/lib/domain/time';
import type { InterviewFormValues } from '@/lib/validation/interview';
import { recordActivity } from './record-activity';
import { toInterviewData } from './interview-data';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';

export async function createInterview(userId: string, values: InterviewFormValues) {
  const { data, start } = toInterviewData(values);
  const interview = await getDb().$transaction(async (tx) => {
    const created = await tx.interview.create({ data: { ...data, userId }, select: { id: true } });
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
