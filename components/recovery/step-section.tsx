import type { ReactNode } from 'react';
import type { StepperItem } from '@/lib/domain/recovery-state';
import type { Formatter } from './format';

type Props = { item: StepperItem; format: Formatter; children: ReactNode; footer?: ReactNode };

/** One step on the page: the open one expanded, a finished or skipped one folded for looking back. */
export function StepSection({ item, format, children, footer }: Props) {
  const headingId = `step-${item.step}-title`;
  if (item.status === 'current') {
    return (
      <section id={`step-${item.step}`} aria-labelledby={headingId} className="scroll-mt-6 space-y-4 rounded-lg border-2 border-brand-600 bg-white p-6 shadow-sm">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Now</p>
          <h2 id={headingId} className="text-lg font-semibold">
            {item.label}
          </h2>
        </div>
        {children}
        {footer ? <div className="border-t border-slate-200 pt-3">{footer}</div> : null}
      </section>
    );
  }
  const when = item.completedAt ? ` · ${format(item.completedAt)}` : '';
  return (
    <section id={`step-${item.step}`} aria-labelledby={headingId} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white px-6 py-4">
      <details>
        <summary className="cursor-pointer">
          <h2 id={headingId} className="inline text-base font-semibold">
            {item.label}
          </h2>
          <span className="ml-2 text-sm text-slate-600">
            {item.status === 'done' ? `Done${when}` : `Skipped${when}: ${item.skipReason ?? 'no reason recorded'}`}
          </span>
        </summary>
        <div className="mt-3">{item.status === 'done' ? children : <p className="text-sm text-slate-600">Skipped: {item.skipReason}</p>}</div>
      </details>
    </section>
  );
}
