import 'server-only';
import { countApplicationsByStage } from '@/lib/server/applications/count-applications-by-stage';
import { getDashboard } from '@/lib/server/interviews/get-dashboard';
import { countLessonsDueForReview } from '@/lib/server/lessons/count-lessons-due-for-review';
import { applyHintLessons, findHintLessons } from '@/lib/server/lessons/get-prevention-hints';
import { listOpenRecoveries } from '@/lib/server/recovery/list-open-recoveries';
import { listUnsentMessages } from '@/lib/server/recovery/list-unsent-messages';

/**
 * Everything the dashboard shows, in a fixed number of statements whatever the user's history:
 * the bounded hint lessons are read alongside the interviews rather than after them.
 */
export async function loadDashboard(user: { id: string; timeZone: string }, now = new Date()) {
  const [
    { nextInterview, weekAhead, moreThisWeek, needsAnswer, moreNeedAnswer, noShowOffers },
    openIncidents,
    lessonsDue,
    unsent,
    hintLessons,
    pipeline,
  ] = await Promise.all([
    getDashboard(user.id, now),
    listOpenRecoveries(user.id, now),
    countLessonsDueForReview(user.id, now),
    listUnsentMessages(user.id),
    findHintLessons(user.id),
    countApplicationsByStage(user.id),
  ]);
  const nextHints = nextInterview
    ? (applyHintLessons([nextInterview], hintLessons, user.timeZone, now)[nextInterview.id] ?? [])
    : [];
  return {
    nextInterview,
    weekAhead,
    moreThisWeek,
    needsAnswer,
    moreNeedAnswer,
    openIncidents,
    lessonsDue,
    unsent,
    nextHints,
    pipeline,
    noShowOffers,
  };
}
