import Link from 'next/link';

/**
 * For the dashboard: how many lessons are waiting to be looked at again. Pass the result of
 * countLessonsDueForReview(user.id, now) from '@/lib/server/lessons'.
 */
export function LessonsDueCard({ count }: { count: number }) {
  return (
    <section aria-labelledby="lessons-due-title" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="lessons-due-title" className="font-semibold text-slate-900">
        Lessons to review
      </h2>
      {count > 0 ? (
        <>
          <p className="mt-1 text-sm text-slate-600">
            {count === 1 ? '1 lesson has' : `${count} lessons have`} not been looked at for 30 days or more. A quick look keeps
            them working before your next interview.
          </p>
          <Link
            href="/lessons/review"
            className="mt-3 inline-flex rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Review {count === 1 ? 'it' : `${count} lessons`}
          </Link>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-600">
          All your lessons are reviewed.{' '}
          <Link href="/lessons" className="text-brand-700 hover:underline">
            See your lessons
          </Link>
        </p>
      )}
    </section>
  );
}
