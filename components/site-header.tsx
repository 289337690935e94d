import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import type { SessionUser } from '@/lib/session';

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3 sm:px-6">
        <Link href={user ? '/dashboard' : '/'} className="flex items-center gap-2 text-lg font-semibold text-brand-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded-full border-4 border-brand-600 border-r-transparent" />
          Rebound
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm">
          {user ? (
            <>
              <Link href="/dashboard" className="text-slate-600 hover:text-slate-900">
                Dashboard
              </Link>
              <Link href="/interviews" className="text-slate-600 hover:text-slate-900">
                Interviews
              </Link>
              <Link href="/lessons" className="text-slate-600 hover:text-slate-900">
                Lessons
              </Link>
              <Link href="/notifications" className="text-slate-600 hover:text-slate-900">
                Notifications
              </Link>
              <Link href="/account" className="text-slate-600 hover:text-slate-900">
                Account
              </Link>
              <span className="hidden text-slate-600 sm:inline">
                <span className="sr-only">Signed in as </span>
                {user.name}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="text-slate-600 hover:text-slate-900">
                Sign in
              </Link>
              <Link href="/sign-up" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
                Sign up
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
