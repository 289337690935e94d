import type { RecoveryState, StepperItem } from '@/lib/domain/recovery-state';
import type { Formatter } from './format';
import type { StepRecordView } from './step-record';
import { TextLink, textLinkClassName } from '@/components/ui/text-link';

const marks: Record<StepperItem['status'], { symbol: string; tone: string; text: string }> = {
  done: { symbol: '✓', tone: 'border-green-700 bg-green-700 text-white', text: 'Done' },
  skipped: { symbol: '–', tone: 'border-slate-500 bg-slate-100 text-slate-700', text: 'Skipped' },
  current: { symbol: '●', tone: 'border-brand-600 bg-brand-50 text-brand-700', text: 'Now' },
  upcoming: { symbol: '', tone: 'border-slate-400 bg-white text-slate-600', text: 'Later' },
};

type Props = { items: StepperItem[]; records: Partial<Record<RecoveryState, StepRecordView>>; format: Formatter };

/**
 * Every step in order, one line each: what became of it, when, and in a few words what it
 * left; a finished step with more to show (the letter, the script, the checklist) unfolds.
 */
export function RecoveryStepper({ items, records, format }: Props) {
  return (
    <nav aria-label="Recovery steps" className="rounded-lg border border-slate-200 bg-white px-4 py-2">
      <ol className="divide-y divide-slate-100">
        {items.map((item, index) => {
          const record = item.status === 'done' ? records[item.step] : undefined;
          const line = <StepLine item={item} number={index + 1} record={record} format={format} />;
          // Lines without a fold-out are indented like those with one, so the marks line up. A
          // line with a link cannot be a <summary> (no control inside another), so its details
          // unfold from a summary of their own under it.
          return (
            <li
              key={item.step}
              id={`record-${item.step}`}
              data-status={item.status}
              aria-current={item.status === 'current' ? 'step' : undefined}
              className="py-2 text-sm"
            >
              {record?.details && !record.link ? (
                <details>
                  <summary className="cursor-pointer">{line}</summary>
                  <div className="mt-2 pl-8">{record.details}</div>
                </details>
              ) : (
                <div className="pl-4">{line}</div>
              )}
              {record?.details && record.link ? (
                <details className="mt-1 pl-11">
                  <summary className="cursor-pointer text-slate-700">
                    Details<span className="sr-only"> of {item.label}</span>
                  </summary>
                  <div className="mt-2">{record.details}</div>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function StepLine({
  item,
  number,
  record,
  format,
}: {
  item: StepperItem;
  number: number;
  record: StepRecordView | undefined;
  format: Formatter;
}) {
  const mark = marks[item.status];
  const when = item.completedAt ? ` · ${format(item.completedAt)}` : '';
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <span
        aria-hidden="true"
        className={`inline-flex h-5 w-5 shrink-0 items-center justify-center self-center rounded-full border text-xs ${mark.tone}`}
      >
        {mark.symbol || number}
      </span>
      {item.status === 'current' ? (
        <a href={`#step-${item.step}`} className={textLinkClassName('font-medium')}>
          {item.label}
        </a>
      ) : (
        <span className={item.status === 'upcoming' ? 'text-slate-600' : 'font-medium'}>{item.label}</span>
      )}
      <span className="text-xs text-slate-600">
        {mark.text}
        {when}
      </span>
      {item.status === 'skipped' && item.skipReason ? <span className="text-slate-700">{item.skipReason}</span> : null}
      {record?.summary ? <span className="text-slate-800">{record.summary}</span> : null}
      {record?.link ? (
        <TextLink href={record.link.href} className="font-medium">
          {record.link.label}
        </TextLink>
      ) : null}
    </span>
  );
}
