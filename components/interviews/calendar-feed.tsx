'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { regenerateCalendarFeedAction } from '@/lib/actions/interviews';
import { Button } from '@/components/ui/button';
import { textLinkClassName } from '@/components/ui/text-link';

export function CalendarFeed({ url }: { url: string }) {
  const router = useRouter();
  const [copied, setCopied] = useState(false);
  const regenerate = useAction(regenerateCalendarFeedAction, {
    onSuccess: () => {
      setCopied(false);
      router.refresh();
    },
  });
  // webcal:// hands the same address to the system's calendar app as a subscription.
  const webcalUrl = url.replace(/^https?:\/\//, 'webcal://');
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">Calendar subscription</h2>
      <p className="mt-1 text-slate-600">
        Subscribe to this private address in your calendar app to see every upcoming interview; cancelled and moved ones
        are marked cancelled there. Anyone with the address can read it: keep it to yourself, and make a new one if it
        leaks.
      </p>
      <p className="mt-2">
        <a href={webcalUrl} className={textLinkClassName('font-medium')}>
          Subscribe in your calendar app
        </a>
      </p>
      <p className="mt-2 text-slate-600">
        Many calendar apps ignore the reminders in a subscribed calendar, and they fetch changes on their own schedule
        (some only every few hours). For reminders you can rely on, use “Download .ics file” on each interview’s page:
        the downloaded file keeps its reminders.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <input
          readOnly
          value={url}
          aria-label="Calendar feed address"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
        />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
        <Button variant="secondary" pending={regenerate.isPending} onClick={() => void regenerate.execute(undefined)}>
          Make a new address
        </Button>
      </div>
      {regenerate.error ? (
        <p role="alert" className="mt-2 text-red-700">
          {regenerate.error}
        </p>
      ) : null}
    </section>
  );
}
