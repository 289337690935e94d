import Link from 'next/link';
import { InterviewForm, type ApplicationChoice } from '@/components/interviews/interview-form';
import { InterviewTime } from '@/components/interviews/interview-time';
import { Alert } from '@/components/ui/alert';
import type { InvitationReviewItem } from '@/lib/domain/invitation-plan';
import { INTERVIEW_STATUS_LABELS } from '@/lib/domain/interview-status';
import { InvitationConfirm } from './invitation-confirm';

type Props = {
  importId: string;
  item: InvitationReviewItem;
  userTimeZone: string;
  applications: readonly ApplicationChoice[];
  /** Whether this event's form is open (one form on the page at a time, so field ids stay unique). */
  isOpen: boolean;
  openHref: string;
};

function Who({ item }: { item: InvitationReviewItem }) {
  const organizer = item.organizer;
  if (!organizer && item.attendees.length === 0) return null;
  const name = (person: { name: string | null; email: string | null }) =>
    [person.name, person.email && `<${person.email}>`].filter(Boolean).join(' ');
  return (
    <dl className="grid gap-1 text-sm text-slate-700 sm:grid-cols-[8rem_1fr]">
      {organizer ? (
        <>
          <dt className="font-medium">Organizer</dt>
          <dd>{name(organizer)}</dd>
        </>
      ) : null}
      {item.attendees.length > 0 ? (
        <>
          <dt className="font-medium">Invited</dt>
          <dd>{item.attendees.map(name).join(', ')}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** One event of an imported invitation file, and what confirming it would do. */
export function InvitationReview({ importId, item, userTimeZone, applications, isOpen, openHref }: Props) {
  const title = item.summary ?? 'Untitled event';
  const headingId = `event-${item.uid.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 60)}`;
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {title}
      </h2>
      <p className="text-sm text-slate-700">
        <InterviewTime start={new Date(item.start)} timeZone={item.timeZone} userTimeZone={userTimeZone} />
        {item.fileZone && item.fileZone !== item.timeZone ? (
          <span className="text-slate-600"> · the invitation says “{item.fileZone}”</span>
        ) : null}
      </p>
      {item.needsZone && item.kind === 'new' ? (
        <Alert tone="info">
          The invitation gives no time zone it can be read in: check the time zone below before you save.
        </Alert>
      ) : null}
      <Who item={item} />

      {item.message ? <Alert tone="info">{item.message}</Alert> : null}

      {item.kind === 'new' && item.defaults ? (
        isOpen ? (
          <>
            <p className="text-sm text-slate-700">
              {item.application
                ? `This joins your application: ${item.application.roleTitle} at ${item.application.company}.`
                : 'No open application matches this invitation: saving opens a new application.'}{' '}
              Nothing is saved until you add it.
            </p>
            <InterviewForm
              defaults={item.defaults}
              userTimeZone={userTimeZone}
              applications={applications}
              invitation={{ importId, uid: item.uid }}
            />
          </>
        ) : (
          <Link href={openHref} className="text-sm font-medium text-brand-700 underline">
            Check and add this interview
          </Link>
        )
      ) : null}

      {(item.kind === 'update' || item.kind === 'cancel' || item.kind === 'current') && item.interview ? (
        <div className="grid gap-3 text-sm sm:grid-cols-2">
          <div className="rounded-md border border-slate-200 p-3">
            <p className="font-medium text-slate-900">
              Your interview ({INTERVIEW_STATUS_LABELS[item.interview.status].toLowerCase()})
            </p>
            <p>
              <Link href={`/interviews/${item.interview.id}`} className="text-brand-700 underline">
                {item.interview.roleTitle} at {item.interview.company}
              </Link>
            </p>
            <p>
              <InterviewTime
                start={new Date(item.interview.start)}
                timeZone={item.interview.timeZone}
                userTimeZone={userTimeZone}
              />{' '}
              · {item.interview.durationMinutes} min
            </p>
          </div>
          <div className="rounded-md border border-slate-200 p-3">
            <p className="font-medium text-slate-900">
              {item.kind === 'cancel' ? 'The invitation now' : 'The invitation’s time'}
            </p>
            <p>
              {item.kind === 'cancel' ? (
                'Cancelled by the employer'
              ) : (
                <>
                  <InterviewTime start={new Date(item.start)} timeZone={item.timeZone} userTimeZone={userTimeZone} /> ·{' '}
                  {item.durationMinutes} min
                </>
              )}
            </p>
          </div>
        </div>
      ) : null}

      {(item.kind === 'update' && !item.message) || item.kind === 'cancel' ? (
        <InvitationConfirm importId={importId} uid={item.uid} interviewId={item.interview!.id} kind={item.kind} />
      ) : null}
    </section>
  );
}
