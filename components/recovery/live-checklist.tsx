'use client';

import { useMemo } from 'react';
import { checkMessage, listRequiredItems } from '@/lib/domain/message-checklist';

/** The apology checklist, recomputed on every keystroke from the text being typed. */
export function LiveChecklist({ text }: { text: string }) {
  const result = useMemo(() => checkMessage(text), [text]);
  // The count is of what the letter needs; the optional suggestion never makes it look unfinished.
  const required = listRequiredItems(result);
  const passedCount = required.filter((item) => item.passed).length;
  return (
    <section
      aria-labelledby="live-checklist-title"
      className="self-start rounded-md border border-slate-200 bg-slate-50 p-4"
    >
      <h3 id="live-checklist-title" className="text-sm font-semibold">
        Checklist
      </h3>
      <p className="mt-1 text-xs text-slate-600" aria-live="polite">
        {passedCount} of {required.length} · {result.wordCount} words
      </p>
      <ul className="mt-3 space-y-3 text-sm">
        {result.items.map((item) => (
          <li key={item.id} data-passed={item.passed} className="flex gap-2">
            <span
              aria-hidden="true"
              className={item.passed ? 'text-green-700' : item.isOptional ? 'text-slate-600' : 'text-amber-700'}
            >
              {item.passed ? '✓' : item.isOptional ? '+' : '○'}
            </span>
            <span>
              <span className="font-medium">{item.label}</span>
              <span className="sr-only">
                {item.passed ? ': done' : item.isOptional ? ': a suggestion' : ': not yet'}
              </span>
              {item.passed ? null : <span className="block text-xs text-slate-600">{item.hint}</span>}
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-slate-500">A guide, not a gate: you decide when the letter is ready.</p>
    </section>
  );
}
