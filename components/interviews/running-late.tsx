'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { textLinkClassName } from '@/components/ui/text-link';
import { telHref } from '@/lib/domain/contact-links';
import { type LateNoticeFacts, draftLateNotice, formatClock, isLongDelay, smsHref } from '@/lib/domain/late-notice';
import { recordLateNoticeAction, sendLateNoticeAction } from '@/lib/actions/late-notices';

type Props = {
  interviewId: string;
  facts: LateNoticeFacts;
  contactEmail: string | null;
  contactPhone: string | null;
  choices: readonly number[];
  defaultMinutes: number;
  /** The page's clock, so the server's and the browser's render agree. */
  now: Date;
};

type Outcome = { tone: 'success' | 'error'; text: string; mailto?: string } | null;

const CHIP =
  'inline-flex min-w-12 cursor-pointer items-center justify-center rounded-full border px-3 py-2 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600';
const ACTION_LINK =
  'inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100';
const CALL_FIRST =
  'inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700';

const newKey = () => crypto.randomUUID();

/**
 * "I'll be N minutes late" in one tap: the chip picks N, the two-line notice is drafted at once,
 * and it goes out by email through the app, by text or by a call. A long delay puts the call
 * first, with the full running-late flow one link away.
 */
export function RunningLate({ interviewId, facts, contactEmail, contactPhone, choices, defaultMinutes, now }: Props) {
  const router = useRouter();
  const [minutes, setMinutes] = useState(defaultMinutes);
  // One notice per chip: a double tap repeats the key and is sent once; another chip is a new notice.
  const [keys, setKeys] = useState(() => ({ email: newKey(), phone: newKey() }));
  const [outcome, setOutcome] = useState<Outcome>(null);
  const draft = draftLateNotice(facts, minutes);
  const zone = facts.timeZone;
  const isLong = isLongDelay(facts, minutes, now);
  const who = facts.contactName?.trim() || 'them';

  const choose = (value: number) => {
    setMinutes(value);
    setKeys({ email: newKey(), phone: newKey() });
    setOutcome(null);
  };
  const sendEmail = useAction(sendLateNoticeAction, {
    onStart: () => setOutcome(null),
    onSuccess: (result) => {
      if (result.status === 'SENT') {
        setOutcome({
          tone: 'success',
          text: `Emailed to ${contactEmail} at ${formatClock(new Date(result.sentAt), zone)}.`,
        });
        router.refresh();
      } else if (result.status === 'DRAFT') {
        setOutcome({
          tone: 'error',
          text: 'Email is not set up here: send it from your own mail.',
          mailto: result.mailto,
        });
      } else {
        setOutcome({ tone: 'error', text: `The email could not be sent: ${result.reason}` });
      }
    },
  });
  const recordPhone = useAction(recordLateNoticeAction, {
    onStart: () => setOutcome(null),
    onSuccess: () => {
      setOutcome({ tone: 'success', text: 'Noted on the timeline.' });
      router.refresh();
    },
  });
  const error = sendEmail.error ?? recordPhone.error;
  const sms = contactPhone ? smsHref(contactPhone, draft.body) : null;
  const tel = contactPhone && /\d/.test(contactPhone) ? telHref(contactPhone) : null;
  const callLink = tel ? (
    <a href={tel} className={isLong ? CALL_FIRST : ACTION_LINK}>
      Call {who}
    </a>
  ) : null;

  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium">I’ll be about … minutes late</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {choices.map((value) => (
            <label
              key={value}
              className={`${CHIP} ${value === minutes ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-900'}`}
            >
              <input
                type="radio"
                name="minutes-late"
                value={value}
                checked={value === minutes}
                onChange={() => choose(value)}
                className="sr-only"
              />
              {value} min
            </label>
          ))}
        </div>
      </fieldset>

      {isLong ? (
        <Alert tone="info">
          That is a long delay. Call {who} now: say you are running late and offer to reschedule if that suits them
          better. Turning up late and flustered, without warning, helps nobody.
        </Alert>
      ) : null}

      <figure>
        <figcaption className="text-sm text-slate-600">The message</figcaption>
        <blockquote
          data-testid="late-notice-draft"
          className="mt-1 whitespace-pre-line rounded-md bg-slate-50 p-3 text-sm"
        >
          {draft.body}
        </blockquote>
      </figure>

      {error ? <Alert tone="error">{error}</Alert> : null}
      {outcome ? (
        <Alert tone={outcome.tone}>
          {outcome.text}{' '}
          {outcome.mailto ? (
            <a href={outcome.mailto} className={textLinkClassName()}>
              Open in your mail app
            </a>
          ) : null}
        </Alert>
      ) : null}

      <div className="flex flex-wrap gap-2">
        {isLong ? callLink : null}
        {contactEmail ? (
          <Button
            variant={isLong ? 'secondary' : 'primary'}
            pending={sendEmail.isPending}
            onClick={() => void sendEmail.execute({ interviewId, minutesLate: minutes, idempotencyKey: keys.email })}
          >
            Email it to {facts.contactName?.trim() || contactEmail}
          </Button>
        ) : null}
        {sms ? (
          <a href={sms} className={ACTION_LINK}>
            Text it
          </a>
        ) : null}
        {isLong ? null : callLink}
      </div>
      {!contactEmail ? (
        <p className="text-sm text-slate-600">
          No email address for the contact, so the app cannot send it.{' '}
          {contactPhone ? 'Text or call them instead.' : 'Add their email or phone on the edit page.'}
        </p>
      ) : null}
      {contactPhone ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span>Told them from your phone?</span>
          {(['TEXT', 'CALL'] as const).map((channel) => (
            <Button
              key={channel}
              variant="secondary"
              className="!px-3 !py-1.5"
              pending={recordPhone.isPending}
              onClick={() =>
                void recordPhone.execute({ interviewId, minutesLate: minutes, channel, idempotencyKey: keys.phone })
              }
            >
              {channel === 'TEXT' ? 'I texted them' : 'I called them'}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="text-sm">
        <Link href={`/interviews/${interviewId}/recover?kind=RUNNING_LATE`} className={textLinkClassName()}>
          Much later, or can’t make it? Get help with the call and a reschedule
        </Link>
      </p>
    </div>
  );
}
