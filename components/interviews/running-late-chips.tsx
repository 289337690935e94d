import Link from 'next/link';
import type { LateNoticeInterview } from '@/lib/domain/late-notice';
import { listLateChoices, pickDefaultLateMinutes } from '@/lib/domain/late-notice';

type Props = { interview: LateNoticeInterview & { id: string }; now: Date };

/**
 * "Running late?" on the dashboard's next-interview card: one tap on a delay opens the interview
 * page with that delay chosen and the notice drafted. Nothing outside the offer window.
 */
export function RunningLateChips({ interview, now }: Props) {
  const choices = listLateChoices(interview, now);
  const suggested = pickDefaultLateMinutes(interview, now);
  if (choices.length === 0) return null;
  return (
    <nav aria-label="Running late?" className="flex flex-wrap items-center gap-2 pt-1 text-sm">
      <span className="font-medium text-amber-900">Running late?</span>
      {choices.map((minutes) => (
        <Link
          key={minutes}
          href={`/interviews/${interview.id}?late=${minutes}#running-late`}
          aria-label={`I’ll be ${minutes} minutes late`}
          className={`rounded-full border px-3 py-1.5 font-medium ${minutes === suggested ? 'border-amber-600 bg-amber-100 text-amber-950' : 'border-slate-300 bg-white'}`}
        >
          {minutes} min
        </Link>
      ))}
    </nav>
  );
}
