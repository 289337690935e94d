import Link from 'next/link';
import { mergeHints, ROOT_CAUSE_LABELS, type PreventionHint, type PreventionHintKind } from '@/lib/domain/lesson-rules';

const KIND_TITLES: Record<PreventionHintKind, string> = {
  'extra-buffer': 'More time for the journey',
  'time-zone-check': 'Check the time zone',
  'extra-reminder': 'Extra reminder',
  'employer-side': 'The employer’s side',
  general: 'Remember',
};

/**
 * The prevention actions from past lessons that apply to one upcoming interview. Pass the
 * entry for that interview from getPreventionHints(user.id, [interview.id]); renders nothing
 * when no lesson applies.
 */
export function PreventionHints({ hints }: { hints: readonly PreventionHint[] }) {
  const merged = mergeHints(hints);
  if (merged.length === 0) return null;
  return (
    <section aria-labelledby="prevention-hints-title" className="rounded-lg border border-amber-200 bg-amber-50 p-5">
      <h2 id="prevention-hints-title" className="font-semibold text-amber-950">
        From your lessons
      </h2>
      <ul className="mt-3 space-y-4">
        {merged.map((hint) => (
          // A cause gives one suggestion per interview, so the kind and the causes identify an entry
          // without writing every lesson id into the page.
          <li key={`${hint.kind}-${hint.rootCauses.join('-')}`} className="text-sm text-slate-800">
            <p className="font-medium text-slate-900">
              {KIND_TITLES[hint.kind]}
              <span className="ml-2 text-xs font-normal text-slate-600">
                ({hint.rootCauses.map((cause) => ROOT_CAUSE_LABELS[cause].toLowerCase()).join(', ')})
              </span>
            </p>
            <p className="mt-1">{hint.suggestion}</p>
            {hint.actionTexts.length > 0 ? (
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700">
                {hint.actionTexts.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-slate-600">
        <Link href="/lessons" className="hover:underline">
          Your lessons
        </Link>
        : retire an action there once it has become a habit.
      </p>
    </section>
  );
}
