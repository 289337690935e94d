import 'server-only';
import { getDb } from '@/lib/db';
import { findApplicableLessons, type PreventionHint } from '@/lib/domain/lesson-rules';

// A page lists a bounded number of interviews; a longer list is a bug, not a request to honour.
const MAX_INTERVIEWS = 200;

export type PreventionHintsByInterview = Record<string, PreventionHint[]>;

/**
 * The prevention hints for each of the given interviews of the user's that are still ahead
 * (scheduled and not started). One query loads the user's zone, those interviews and every
 * lesson with its actions; the pure rules then run per interview. Ids that are not the user's
 * (or not upcoming) get an empty list, exactly like interviews no lesson applies to.
 */
export async function getPreventionHints(
  userId: string,
  interviewIds: readonly string[],
  now = new Date(),
): Promise<PreventionHintsByInterview> {
  const ids = [...new Set(interviewIds)].slice(0, MAX_INTERVIEWS);
  const result: PreventionHintsByInterview = Object.fromEntries(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;

  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      timeZone: true,
      interviews: {
        where: { id: { in: ids }, status: 'SCHEDULED', scheduledStart: { gte: now } },
        select: { id: true, format: true, scheduledStart: true, timeZone: true, travelMinutes: true, bufferMinutes: true },
      },
      lessons: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        // Retired actions are loaded too: the rules need them to tell "all habits now" from "none written".
        select: { id: true, rootCause: true, actions: { select: { text: true, retiredAt: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
      },
    },
  });
  if (!user) return result;
  for (const interview of user.interviews) {
    result[interview.id] = findApplicableLessons(interview, user.lessons, user.timeZone);
  }
  return result;
}
