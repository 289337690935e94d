import { formatWithZone } from '@/lib/domain/time';
import { NO_SHOW_WAIT_MINUTES } from '@/lib/domain/employer-no-show';
import type { Recovery } from '@/lib/domain/recovery-view';
import { todayInZone, type Formatter } from './format';
import { FollowUpPanel, NoShowFindingButtons, NoShowNote, NoShowOutcomeForm } from './lazy-steps';
import type { RecoveryView } from './types';

type Props = { recovery: Recovery; view: RecoveryView; format: Formatter };

/** The open step of an employer's no-show: the checks, the wait, or what happened. */
export function NoShowStep({ recovery, view, format }: Props) {
  const { incident, interview } = recovery;
  const outcomeForm = (
    <NoShowOutcomeForm
      incidentId={incident.id}
      timeZone={interview.timeZone}
      minDate={todayInZone(interview.timeZone)}
    />
  );
  switch (incident.recoveryState) {
    case 'CHECK':
      return (
        <div className="space-y-4">
          <p className="text-sm text-slate-700">
            Before anything else, make sure it is not on your side: most “no-shows” are a time zone or an old link.
          </p>
          <dl className="grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">Start, in the interview’s zone</dt>
              <dd className="font-medium">{formatWithZone(interview.scheduledStart, interview.timeZone)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">The same moment, your time</dt>
              <dd className="font-medium">{format(interview.scheduledStart)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">
                {interview.format === 'IN_PERSON' ? 'Address' : 'Meeting link or number'}
              </dt>
              <dd className="break-all font-medium">
                {(interview.format === 'IN_PERSON'
                  ? interview.location
                  : (interview.meetingUrl ?? interview.location)) ?? 'Not saved'}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Contact</dt>
              <dd className="font-medium">
                {[interview.contactName, interview.contactPhone].filter(Boolean).join(' · ') || 'Not saved'}
              </dd>
            </div>
          </dl>
          <p className="text-sm text-slate-700">Compare them with the invitation. What did you find?</p>
          <NoShowFindingButtons incidentId={incident.id} />
        </div>
      );
    case 'WAIT':
      return (
        <div className="space-y-5">
          <p className="text-sm text-slate-700">
            Give them {NO_SHOW_WAIT_MINUTES.min}–{NO_SHOW_WAIT_MINUTES.max} minutes. Meanwhile, call and send a short
            note: no apology and no blame, just the time you have and whether to wait or find a new time.
          </p>
          {interview.contactPhone ? (
            <a
              href={`tel:${interview.contactPhone.replace(/[^\d+]/g, '')}`}
              className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Call {interview.contactName ?? 'the contact'} ({interview.contactPhone})
            </a>
          ) : (
            <p className="text-sm text-slate-700">No phone number is saved for the contact; the note is the way.</p>
          )}
          {view.noShowNote ? (
            <section aria-labelledby="no-show-note-title" className="space-y-2">
              <h3 id="no-show-note-title" className="text-sm font-semibold">
                Your note
              </h3>
              <NoShowNote
                message={view.noShowNote}
                scheduledStart={interview.scheduledStart}
                timeZone={interview.timeZone}
              />
            </section>
          ) : null}
          <section aria-labelledby="no-show-outcome-title" className="space-y-2">
            <h3 id="no-show-outcome-title" className="text-sm font-semibold">
              When you know
            </h3>
            {outcomeForm}
          </section>
        </div>
      );
    case 'OUTCOME':
      return (
        <div className="space-y-5">
          <FollowUpPanel incidentId={incident.id} followUp={view.followUp} draft={view.followUpDraft} />
          {outcomeForm}
        </div>
      );
    default:
      return null;
  }
}
