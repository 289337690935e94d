'use client';

import { DATABASE_UNAVAILABLE_DIGEST, DATABASE_UNAVAILABLE_MESSAGE } from '@/lib/errors';
import { textLinkClassName } from '@/components/ui/text-link';
import './globals.css';

// The root layout reads the session, so a database that cannot be reached fails it and lands
// here rather than in error.tsx; this page replaces the layout and brings its own html and body.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const isDatabaseDown = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  return (
    <html lang="en">
      <title>{isDatabaseDown ? 'Briefly unavailable · Rebound' : 'Something went wrong · Rebound'}</title>
      <body className="flex min-h-screen flex-col font-sans">
        <main id="main" className="mx-auto w-full max-w-lg flex-1 px-4 py-16">
          <div role="alert" className="space-y-3 rounded-lg border border-red-200 bg-white p-6">
            <h1 className="text-lg font-semibold text-red-800">
              {isDatabaseDown ? 'Rebound is briefly unavailable' : 'Something went wrong'}
            </h1>
            <p className="text-sm text-slate-700">
              {isDatabaseDown ? DATABASE_UNAVAILABLE_MESSAGE : 'Nothing you saved was lost. Try again in a moment.'}
            </p>
            <a className={textLinkClassName('text-sm font-medium')} href="">
              Try again
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
