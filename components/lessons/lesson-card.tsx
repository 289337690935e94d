import Link from 'next/link';
import type { ReactNode } from 'react';
import { ROOT_CAUSE_LABELS } from '@/lib/domain/lesson-rules';
import { formatInZone, formatWithZone } from '@/lib/domain/time';
import type { LessonDetail } from '@/lib/domain/lesson-view';
import { RetireActionButton } from './lesson-buttons';
import { describeLessonSource, LESSON_ACTIONS_HEADINGS } from '@/lib/domain/lesson-export';
import { LESSON_SIDE_SHORT_LABELS } from '@/lib/domain/lesson-sides';

type LessonCardProps = {
  lesson: LessonDetail;
  timeZone: string;
  /** From listLessons (isDueForReview) or the review queue. */
  isDue: boolean;
  /** Show a "now a habit" button beside each active action (review mode). */
  canRetire?: boolean;
  /** Controls under the lesson (edit link, review buttons). */
  children?: ReactNode;
  headingLevel?: 'h2' | 'h3';
};

export function LessonCard({
  lesson,
  timeZone,
  isDue,
  canRetire = false,
  children,
  headingLevel: Heading = 'h2',
}: LessonCardProps) {
  const interview = lesson.incident?.interview;
  const active = lesson.actions.filter((action) => action.retiredAt === null);
  const retired = lesson.actions.filter((action) => action.retiredAt !== null);
  const day = (instant: Date) => formatInZone(instant, timeZone, { day: 'numeric', month: 'short', year: 'numeric' });
  return (
    <article
      className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      aria-labelledby={`lesson-${lesson.id}-title`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="flex flex-wrap items-center gap-2 text-xs font-medium uppercase tracking-wide text-brand-700">
            <span>{ROOT_CAUSE_LABELS[lesson.rootCause]}</span>
            <span
              className={`rounded-full px-2 py-0.5 normal-case tracking-normal ${
                lesson.side === 'EMPLOYER' ? 'bg-violet-100 text-violet-900' : 'bg-slate-100 text-slate-700'
              }`}
            >
              {LESSON_SIDE_SHORT_LABELS[lesson.side]}
            </span>
          </p>
          <Heading id={`lesson-${lesson.id}-title`} className="mt-1 font-semibold text-slate-900">
            {interview ? (
              <Link href={`/interviews/${interview.id}`} className="hover:underline">
                {interview.company} · {interview.roleTitle}
              </Link>
            ) : lesson.side === 'EMPLOYER' && lesson.company ? (
              lesson.company
            ) : (
              'Near miss (added by hand)'
            )}
          </Heading>
          <p className="mt-0.5 text-sm text-slate-600">
            {interview && lesson.incident
              ? `${describeLessonSource(lesson)} · interview ${formatWithZone(interview.scheduledStart, interview.timeZone)}`
              : lesson.side === 'EMPLOYER'
                ? `${describeLessonSource(lesson)} · written down ${day(lesson.createdAt)}`
                : `Written down ${day(lesson.createdAt)}`}
          </p>
        </div>
        <p
          className={`rounded-full px-2 py-0.5 text-xs ${isDue ? 'bg-amber-100 text-amber-900' : 'bg-green-50 text-green-800'}`}
        >
          {lesson.reviewedAt ? `Reviewed ${day(lesson.reviewedAt)}` : 'Never reviewed'}
          {isDue ? ' · due' : ''}
        </p>
      </div>
      <p className="mt-3 whitespace-pre-line text-sm text-slate-800">{lesson.whatHappened}</p>
      <div className="mt-3">
        <p className="text-sm font-medium text-slate-800">{LESSON_ACTIONS_HEADINGS[lesson.side]}</p>
        {active.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">
            {retired.length > 0 ? 'Every action is a habit now.' : 'No prevention actions yet.'}
          </p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {active.map((action) => (
              <li key={action.id} className="flex items-start justify-between gap-3">
                <span className="before:mr-2 before:text-slate-400 before:content-['•']">{action.text}</span>
                {canRetire ? <RetireActionButton actionId={action.id} text={action.text} /> : null}
              </li>
            ))}
          </ul>
        )}
        {retired.length > 0 ? (
          <details className="mt-2 text-sm text-slate-600">
            <summary className="cursor-pointer">Now habits ({retired.length})</summary>
            <ul className="mt-1 space-y-1">
              {retired.map((action) => (
                <li key={action.id}>
                  <span aria-hidden className="mr-2 text-green-700">
                    ✓
                  </span>
                  {action.text}
                  {action.retiredAt ? <span className="ml-2 text-xs">since {day(action.retiredAt)}</span> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
      {children ? <div className="mt-4 flex flex-wrap items-center gap-3">{children}</div> : null}
    </article>
  );
}
