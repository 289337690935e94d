import type { Metadata } from 'next';
import Link from 'next/link';
import { MarkReviewedButton } from '@/components/lessons/lesson-buttons';
import { LessonCard } from '@/components/lessons/lesson-card';
import { LessonsNav } from '@/components/lessons/lessons-nav';
import { PageHeader } from '@/components/ui/page-header';
import { TextLink } from '@/components/ui/text-link';
import { FIRST_REVIEW_DAYS, INTERVIEW_LEAD_HOURS } from '@/lib/domain/lesson-review';
import { loadReviewPage } from '@/lib/server/pages/lessons';
import { requireUser } from '@/lib/session';
import type { SearchParams } from '@/lib/validation/lessons';

export const metadata: Metadata = { title: 'Review lessons' };

type ReviewPageProps = { searchParams: Promise<SearchParams> };

export default async function ReviewLessonsPage({ searchParams }: ReviewPageProps) {
  const user = await requireUser('/lessons/review');
  const { queue } = await loadReviewPage(user, (await searchParams).lesson);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Review lessons"
        description={
          <>
            A lesson is due {INTERVIEW_LEAD_HOURS} hours before your next interview, or {FIRST_REVIEW_DAYS} days after
            you wrote it if that comes first; each review spaces the next one further out. Read it, keep it up to date,
            and retire the actions that are habits now.
          </>
        }
      />
      <LessonsNav current="review" dueCount={queue.total} />
      {queue.current ? (
        <section aria-labelledby="review-progress" className="space-y-3">
          <p id="review-progress" className="text-sm font-medium text-slate-700" aria-live="polite">
            Lesson {queue.position} of {queue.total} due
          </p>
          <LessonCard lesson={queue.current} timeZone={user.timeZone} isDue canRetire>
            <MarkReviewedButton lessonId={queue.current.id} />
            <Link
              href={`/lessons/${queue.current.id}/edit?from=review`}
              className="text-sm font-medium text-brand-700 hover:underline"
            >
              Edit
            </Link>
            {queue.nextId ? (
              <Link href={`/lessons/review?lesson=${queue.nextId}`} className="text-sm text-slate-600 hover:underline">
                Skip for now
              </Link>
            ) : null}
          </LessonCard>
        </section>
      ) : (
        <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="font-semibold">Nothing to review</h2>
          <p className="mt-2 text-sm text-slate-600">
            No lesson is due: the next one comes back before your next interview or when its interval is up.{' '}
            <TextLink href="/lessons/patterns" className="hover:text-brand-900">
              See your patterns
            </TextLink>
          </p>
        </section>
      )}
    </div>
  );
}
