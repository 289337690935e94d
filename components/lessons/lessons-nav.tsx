import Link from 'next/link';

type LessonsNavProps = { current: 'list' | 'review' | 'patterns'; dueCount: number };

const linkClass = 'rounded-md px-3 py-1.5 text-sm font-medium';

export function LessonsNav({ current, dueCount }: LessonsNavProps) {
  const items = [
    { key: 'list', href: '/lessons', label: 'All lessons' },
    { key: 'review', href: '/lessons/review', label: dueCount > 0 ? `Review (${dueCount} due)` : 'Review' },
    { key: 'patterns', href: '/lessons/patterns', label: 'Patterns' },
  ] as const;
  return (
    <nav aria-label="Lessons" className="flex flex-wrap gap-2">
      {items.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={item.key === current ? 'page' : undefined}
          className={`${linkClass} ${item.key === current ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
