import type { ReactNode } from 'react';
import type { StepperItem } from '@/lib/domain/recovery-state';

type Props = { item: StepperItem; position: { number: number; of: number }; children: ReactNode; footer?: ReactNode };

/** The open step, expanded with everything needed to do it now; finished ones live in the stepper. */
export function StepSection({ item, position, children, footer }: Props) {
  const headingId = `step-${item.step}-title`;
  return (
    <section
      id={`step-${item.step}`}
      aria-labelledby={headingId}
      className="scroll-mt-6 space-y-4 rounded-lg border-2 border-brand-600 bg-white p-6 shadow-sm"
    >
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">
          Now · step {position.number} of {position.of}
        </p>
        <h2 id={headingId} className="text-lg font-semibold">
          {item.label}
        </h2>
      </div>
      {children}
      {footer ? <div className="border-t border-slate-200 pt-3">{footer}</div> : null}
    </section>
  );
}
