'use client';

import { useMemo } from 'react';
import { checkNoShowMessage } from '@/lib/domain/employer-no-show';

type Props = { text: string; scheduledStart: Date; timeZone: string };

/** The note's checklist, recomputed from the text being typed: a guide, not a gate. */
export function NoShowChecklist({ text, scheduledStart, timeZone }: Props) {
  const result = useMemo(
    () => checkNoShowMessage(text, { scheduledStart, timeZone }),
    [text, scheduledStart, timeZone],
  );
  const passedCount = result.items.filter((item) => item.passed).length;
  return (
    <section
      aria-labelledby="no-show-checklist-title"
      className="self-start rounded-md border border-slate-200 bg-slate-50 p-4"
    >
      <h3 id="no-show-checklist-title" className="text-sm font-semibold">
        Checklist
      </h3>
      <p className="mt-1 text-xs text-slate-600" aria-live="polite">
        {passedCount} of {result.items.length} · {result.wordCount} words
      </p>
      <ul className="mt-3 space-y-3 text-sm">
        {result.items.map((item) => (
          <li key={item.id} data-passed={item.passed} className="flex gap-2">
            <span aria-hidden="true" className={item.passed ? 'text-green-700' : 'text-amber-700'}>
              {item.passed ? '✓' : '○'}
            </span>
            <span>
              <span className="font-medium">{item.label}</span>
              <span className="sr-only">{item.passed ? ': done' : ': not yet'}</span>
              {item.passed ? null : <span className="block text-xs text-slate-600">{item.hint}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
