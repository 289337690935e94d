/**
 * A bar drawn with plain HTML, beside a number that is always written out: the bar is only the
 * at-a-glance view (hidden from screen readers, which read the number), so nothing is said by
 * length or colour alone.
 */
export function ValueBar({
  value,
  max,
  className = 'bg-brand-600',
}: {
  value: number;
  max: number;
  className?: string;
}) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      aria-hidden="true"
      className="h-2.5 w-full min-w-16 rounded-full bg-slate-100 print:border print:border-slate-400"
    >
      <div className={`h-2.5 rounded-full ${className}`} style={{ width: `${Math.round(share * 1000) / 10}%` }} />
    </div>
  );
}
