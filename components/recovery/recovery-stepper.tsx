import type { StepperItem } from '@/lib/domain/recovery-state';
import type { Formatter } from './format';

const marks: Record<StepperItem['status'], { symbol: string; tone: string; text: string }> = {
  done: { symbol: '✓', tone: 'border-green-600 bg-green-600 text-white', text: 'Done' },
  skipped: { symbol: '–', tone: 'border-slate-400 bg-slate-100 text-slate-600', text: 'Skipped' },
  current: { symbol: '●', tone: 'border-brand-600 bg-brand-50 text-brand-700', text: 'Now' },
  upcoming: { symbol: '', tone: 'border-slate-300 bg-white text-slate-400', text: 'Later' },
};

/** Every step in order with what became of it; done and skipped steps link to their record below. */
export function RecoveryStepper({ items, format }: { items: StepperItem[]; format: Formatter }) {
  return (
    <nav aria-label="Recovery steps">
      <ol className="grid gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {items.map((item, index) => {
          const mark = marks[item.status];
          const isReachable = item.status !== 'upcoming';
          const content = (
            <>
              <span className="flex items-center gap-2">
                <span aria-hidden="true" className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full border text-xs ${mark.tone}`}>
                  {mark.symbol || index + 1}
                </span>
                <span className="font-medium">{item.label}</span>
              </span>
              <span className="mt-1 block text-xs text-slate-600">
                {mark.text}
                {item.completedAt ? ` · ${format(item.completedAt)}` : ''}
              </span>
              {item.status === 'skipped' && item.skipReason ? <span className="mt-1 block text-xs text-slate-500">{item.skipReason}</span> : null}
            </>
          );
          return (
            <li
              key={item.step}
              data-status={item.status}
              aria-current={item.status === 'current' ? 'step' : undefined}
              className={`rounded-md border p-3 text-sm ${item.status === 'current' ? 'border-brand-600 bg-white shadow-sm' : 'border-slate-200 bg-white'}`}
            >
              {isReachable ? (
                <a href={`#step-${item.step}`} className="block hover:underline">
                  {content}
                </a>
              ) : (
                content
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
