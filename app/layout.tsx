import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteHeader } from '@/components/site-header';
import { getCurrentUser } from '@/lib/session';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Rebound', template: '%s · Rebound' },
  description: 'Track your interviews and recover with grace when one goes wrong.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the session makes every page render per request, which the CSP nonce needs.
  const user = await getCurrentUser();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader user={user} />
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 py-6 text-center text-sm text-slate-500">
          Rebound: every interview tracked, every miss recovered.
        </footer>
      </body>
    </html>
  );
}
