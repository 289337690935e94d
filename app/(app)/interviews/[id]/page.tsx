import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddToCalendar } from '@/components/interviews/add-to-calendar';
import { AddressWithMap } from '@/components/interviews/address-with-map';
import { InterviewTime } from '@/components/interviews/interview-time';
import { LeaveBy } from '@/components/interviews/leave-by';
import { PreventionHints } from '@/components/lessons/prevention-hints';
import { makeFormatter } from '@/components/recovery/format';
import { MessageHistory } from '@/components/recovery/message-history';
import { PrepChecklist } from '@/components/interviews/prep-checklist';
import { StatusActions } from '@/components/interviews/status-actions';
import { StatusBadge } from '@/components/interviews/status-badge';
import { Card } from '@/components/ui/card';
import { allowedTransitions } from '@/lib/domain/interview-status';
import { isSecondChance, prepItemsFor } from '@/lib/domain/prep-checklist';
import { telHref } from '@/lib/domain/contact-links';
import { formatInZone, formatWithZone } from '@/lib/domain/time';
import { NotFoundError } from '@/lib/errors';
import { loadInterviewPage } from '@/lib/server/pages/interview';
import { requireUser } from '@/lib/session';
import { FORMAT_LABELS } from '@/lib/domain/interview-format';
import { TextLink, textLinkClassName } from '@/components/ui/text-link';

export const metadata: Metadata = { title: 'Interview' };

export default async function InterviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, { reschedule }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/interviews/${id}`);
  const now = new Date();
  // Both the interview and its messages answer NotFoundError for an id that is missing or not
  // the user's; whichever comes first, the page is the same 404.
  const { interview, messages, hints: interviewHints } = await loadInterviewPage(user, id, now).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const secondChance = isSecondChance(interview);
  const prepItems = prepItemsFor(interview.format, secondChance);
  const ticks = (interview.prepChecklist ?? {}) as Record<string, string>;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <TextLink href="/interviews" className="text-sm">
          ← All interviews
        </TextLink>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold text-brand-900">
            {interview.roleTitle} at {interview.company}
          </h1>
          <StatusBadge status={interview.status} />
        </div>
        <p className="text-slate-700">
          {interview.roundLabel ? `${interview.roundLabel} · ` : ''}
          {FORMAT_LABELS[interview.format]} · <InterviewTime start={interview.scheduledStart} timeZone={interview.timeZone} userTimeZone={user.timeZone} /> ·{' '}
          {interview.durationMinutes} min
        </p>
        {interview.rescheduledFrom ? (
          <p className="text-sm text-slate-600">
            Rescheduled from{' '}
            <TextLink href={`/interviews/${interview.rescheduledFrom.id}`}>
              {formatWithZone(interview.rescheduledFrom.scheduledStart, interview.rescheduledFrom.timeZone)}
            </TextLink>
            .
          </p>
        ) : null}
        {interview.rescheduledTo.map((next) => (
          <p key={next.id} className="text-sm text-slate-600">
            Moved to{' '}
            <TextLink href={`/interviews/${next.id}`}>
              {formatWithZone(next.scheduledStart, next.timeZone)}
            </TextLink>
            .
          </p>
        ))}
        {interview.incidents.map((incident) => (
          <p key={incident.id} className="text-sm">
            <Link href={`/incidents/${incident.id}`} className="font-medium text-red-800 underline">
              {incident.recoveryState === 'CLOSED' ? 'View the recovery' : 'Continue the recovery'}
            </Link>
          </p>
        ))}
      </div>

      <PreventionHints hints={interviewHints} />

      <Card title="Actions">
        <StatusActions
          interviewId={interview.id}
          status={interview.status}
          allowed={allowedTransitions(interview.status)}
          isUpcoming={interview.scheduledStart > now}
          openReschedule={reschedule === '1'}
        />
      </Card>

      <AddToCalendar interview={interview} />

      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Details">
          <dl className="space-y-2 text-sm">
            {interview.location ? (
              <div>
                <dt className="font-medium">Address</dt>
                <dd>
                  <AddressWithMap address={interview.location} />
                </dd>
              </div>
            ) : null}
            {interview.meetingUrl ? (
              <div>
                <dt className="font-medium">Meeting link</dt>
                <dd>
                  <a href={interview.meetingUrl} className={textLinkClassName('break-all')} rel="noopener noreferrer" target="_blank">
                    {interview.meetingUrl}
                  </a>
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="font-medium">Contact</dt>
              <dd>
                {interview.contactName ?? 'No contact name'}
                {interview.contactEmail ? (
                  <>
                    {' · '}
                    <a href={`mailto:${interview.contactEmail}`} className={textLinkClassName()}>
                      {interview.contactEmail}
                    </a>
                  </>
                ) : null}
                {interview.contactPhone ? (
                  <>
                    {' · '}
                    <a href={telHref(interview.contactPhone)} className={textLinkClassName()}>
                      {interview.contactPhone}
                    </a>
                  </>
                ) : null}
              </dd>
            </div>
            {interview.notes ? (
              <div>
                <dt className="font-medium">Notes</dt>
                <dd className="whitespace-pre-wrap">{interview.notes}</dd>
              </div>
            ) : null}
          </dl>
        </Card>

        <Card
          title="Preparation"
          description={
            interview.travelMinutes !== null ? (
              <LeaveBy interview={interview} hints={interviewHints} userTimeZone={user.timeZone} />
            ) : interview.format === 'IN_PERSON' ? (
              'Add the travel time (edit the interview) to get a leave-by time.'
            ) : undefined
          }
        >
          <PrepChecklist interviewId={interview.id} items={prepItems} ticks={ticks} />
        </Card>
      </div>

      {messages.length > 0 ? <MessageHistory messages={messages} format={makeFormatter(user.timeZone)} /> : null}

      <Card title="Timeline">
        {interview.activityEvents.length === 0 ? (
          <p className="text-sm text-slate-600">Nothing has happened yet.</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {interview.activityEvents.map((event) => (
              <li key={event.id} className="flex gap-3">
                <time dateTime={event.occurredAt.toISOString()} className="w-44 shrink-0 text-slate-500">
                  {formatInZone(event.occurredAt, user.timeZone, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
                <span>{event.summary}</span>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
