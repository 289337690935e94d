import 'server-only';
import { listInterviewReminders } from '@/lib/domain/interview-reminder-list';
import { getInterview } from '@/lib/server/interviews/get-interview';
import { listTimeChanges } from '@/lib/server/interviews/list-time-changes';
import { applyHintLessons, findHintLessons } from '@/lib/server/lessons/get-prevention-hints';
import { listMessages } from '@/lib/server/recovery/list-messages';

/**
 * The interview page: the interview, its message history, its time changes, its reminders and
 * the hints from past lessons. A missing or foreign id throws NotFoundError.
 */
export async function loadInterviewPage(user: { id: string; timeZone: string }, id: string, now = new Date()) {
  const [interview, messages, hintLessons, timeChanges] = await Promise.all([
    getInterview(user.id, id),
    listMessages(user.id, { interviewId: id }),
    findHintLessons(user.id),
    listTimeChanges(user.id, id),
  ]);
  const hints = applyHintLessons([interview], hintLessons, user.timeZone, now)[interview.id] ?? [];
  const reminders = listInterviewReminders(interview, interview.reminders, now);
  return { interview, messages, hints, timeChanges, reminders };
}
