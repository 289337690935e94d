'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';

const SIGNED_IN_LINKS = [
  { href: '/dashboard', label: 'Dashboard' },
  { href: '/applications', label: 'Applications' },
  { href: '/interviews', label: 'Interviews' },
  { href: '/lessons', label: 'Lessons' },
  { href: '/notifications', label: 'Notifications' },
  { href: '/account', label: 'Account' },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

// The header is on every page once.
const MENU_ID = 'site-menu';

const linkTone =
  'text-slate-600 hover:text-slate-900 aria-[current=page]:font-medium aria-[current=page]:text-slate-900';

/**
 * The signed-in links. From md up they sit in one row as they always have; below it they fold
 * behind a Menu button that opens them as a panel under the header. Without JavaScript the
 * button is not shown and the links wrap under the header instead, so every page stays in reach.
 */
function SignedInNav({ userName }: { userName: string }) {
  const pathname = usePathname();
  // The menu belongs to the page it was opened on: following one of its links closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const isOpen = openOn === pathname;
  const navRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    function closeOnPointerOutside(event: PointerEvent) {
      if (event.target instanceof Node && !navRef.current?.contains(event.target)) setOpenOn(null);
    }
    document.addEventListener('pointerdown', closeOnPointerOutside);
    return () => document.removeEventListener('pointerdown', closeOnPointerOutside);
  }, [isOpen]);

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !isOpen) return;
    event.preventDefault();
    setOpenOn(null);
    buttonRef.current?.focus();
  }

  // Tabbing past the last item closes the panel, so it never hides the page behind the focus.
  function closeOnFocusOutside(event: FocusEvent) {
    if (event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) setOpenOn(null);
  }

  return (
    <nav ref={navRef} aria-label="Main" onKeyDown={closeOnEscape} onBlur={closeOnFocusOutside} className="text-sm">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={MENU_ID}
        onClick={() => setOpenOn(isOpen ? null : pathname)}
        className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-300 px-3 font-medium text-slate-800 hover:bg-slate-50 md:hidden noscript:hidden"
      >
        <span aria-hidden="true" className="flex w-4 flex-col gap-1">
          <span className="h-0.5 rounded bg-current" />
          <span className="h-0.5 rounded bg-current" />
          <span className="h-0.5 rounded bg-current" />
        </span>
        Menu
      </button>
      <ul
        id={MENU_ID}
        className={`${isOpen ? 'flex' : 'hidden'} absolute inset-x-0 top-full z-20 flex-col border-b border-slate-200 bg-white px-4 pb-3 pt-1 shadow-md md:static md:z-auto md:flex md:flex-row md:items-center md:gap-4 md:border-0 md:bg-transparent md:p-0 md:shadow-none noscript:static noscript:flex noscript:flex-row noscript:flex-wrap noscript:gap-x-4 noscript:border-0 noscript:p-0 noscript:shadow-none`}
      >
        {SIGNED_IN_LINKS.map(({ href, label }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={isCurrent(pathname, href) ? 'page' : undefined}
              onClick={() => setOpenOn(null)}
              className={`block py-2.5 md:py-0 noscript:py-1 ${linkTone}`}
            >
              {label}
            </Link>
          </li>
        ))}
        <li className="mt-1 border-t border-slate-200 pt-3 text-slate-600 md:mt-0 md:border-0 md:pt-0 noscript:m-0 noscript:border-0 noscript:py-1">
          <span className="md:sr-only">Signed in as </span>
          {userName}
        </li>
        <li>
          <SignOutButton className="py-2.5 text-slate-600 hover:text-slate-900 md:py-0 noscript:py-1" />
        </li>
      </ul>
    </nav>
  );
}

function SignedOutNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex items-center gap-4 text-sm">
      <Link href="/sign-in" aria-current={pathname === '/sign-in' ? 'page' : undefined} className={linkTone}>
        Sign in
      </Link>
      <Link
        href="/sign-up"
        aria-current={pathname === '/sign-up' ? 'page' : undefined}
        className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700"
      >
        Sign up
      </Link>
    </nav>
  );
}

export function SiteNav({ userName }: { userName: string | null }) {
  return userName === null ? <SignedOutNav /> : <SignedInNav userName={userName} />;
}
