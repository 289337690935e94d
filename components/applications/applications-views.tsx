import Link from 'next/link';

const VIEWS = [
  { href: '/applications', label: 'Board' },
  { href: '/applications/table', label: 'Table' },
  { href: '/applications/stages', label: 'Stages' },
  { href: '/applications/proof', label: 'Proof of search' },
] as const;

/** The links between the applications pages, with the current one marked. */
export function ApplicationsViews({ current }: { current: (typeof VIEWS)[number]['href'] }) {
  return (
    <nav aria-label="Application views" className="-mx-1 overflow-x-auto">
      <ul className="flex gap-1 px-1 text-sm">
        {VIEWS.map((view) => (
          <li key={view.href}>
            <Link
              href={view.href}
              aria-current={view.href === current ? 'page' : undefined}
              className="block whitespace-nowrap rounded-md px-3 py-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-900"
            >
              {view.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
