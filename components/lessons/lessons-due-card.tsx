import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { TextLink } from '@/components/ui/text-link';
import type { LessonReviewCounts } from '@/lib/domain/lesson-review';

/**
 * For the dashboard: how many lessons are waiting to be looked at again, as the dashboard's
 * loader counts them.
 */
export function LessonsDueCard({ count }: { count: LessonReviewCounts }) {
  return (
    <Card title="Lessons to review">
      {count.due > 0 ? (
        <>
          <p className="text-sm text-slate-600">
            {count.due === 1 ? '1 lesson is' : `${count.due} lessons are`} due for a look. A quick read keeps them
            working before your next interview.
          </p>
          <Link
            href="/lessons/review"
            className="mt-3 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Review {count.due === 1 ? 'it' : `${count.due} lessons`}
          </Link>
        </>
      ) : count.total === 0 ? (
        <p className="text-sm text-slate-600">
          No lessons yet. One is saved at the end of every recovery, and you can{' '}
          <TextLink href="/lessons/new" className="hover:text-brand-900">
            add one for a near miss
          </TextLink>
          .
        </p>
      ) : (
        <p className="text-sm text-slate-600">
          Nothing is due: each lesson comes back before your next interview or when its review interval is up.{' '}
          <TextLink href="/lessons" className="hover:text-brand-900">
            See your lessons
          </TextLink>
        </p>
      )}
    </Card>
  );
}
