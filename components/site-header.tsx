import Link from 'next/link';
import { SiteNav } from './site-nav';
import type { SessionUser } from '@/lib/session';

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    // Relative: on narrow screens the menu opens as a panel just under the header.
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-y-2 px-4 py-3 sm:px-6">
        <Link href={user ? '/dashboard' : '/'} className="flex items-center gap-2 text-lg font-semibold text-brand-900">
          <span
            aria-hidden
            className="inline-block h-6 w-6 rounded-full border-4 border-brand-600 border-r-transparent"
          />
          Rebound
        </Link>
        <SiteNav userName={user ? user.name : null} />
      </div>
    </header>
  );
}
