import Link from 'next/link';
import { formatWithZone } from '@/lib/domain/time';
import type { SecondChancePrepItemId } from '@/lib/validation/recovery';
import type { Recovery } from '@/lib/domain/recovery-view';
import { todayInZone, type Formatter } from './format';
import {
  ApologyStep,
  CallStep,
  DismissMessageButton,
  FollowUpPanel,
  LessonStep,
  MessageWorkspace,
  OutcomeStep,
  PrepStep,
} from './lazy-steps';
import { NoShowStep } from './no-show-step';
import type { EditableMessage, RecoveryView } from './types';
import { TextLink } from '@/components/ui/text-link';

type Props = { recovery: Recovery; view: RecoveryView; format: Formatter };

/** The open step, expanded with everything needed to do it now. */
export function CurrentStep({ recovery, view, format }: Props) {
  const { incident, interview } = recovery;
  if (incident.kind === 'EMPLOYER_NO_SHOW' && ['CHECK', 'WAIT', 'OUTCOME'].includes(incident.recoveryState)) {
    return <NoShowStep recovery={recovery} view={view} format={format} />;
  }
  switch (incident.recoveryState) {
    case 'CALL':
      return (
        <CallStep
          incidentId={incident.id}
          isRunningLate={incident.kind === 'RUNNING_LATE'}
          script={view.callScript}
          contact={{
            name: interview.contactName,
            phone: interview.contactPhone,
            company: interview.company,
            role: interview.roleTitle,
            when: formatWithZone(interview.scheduledStart, interview.timeZone),
          }}
        />
      );
    case 'APOLOGY':
      return view.flowMessage ? <ApologyStep incidentId={incident.id} message={view.flowMessage} /> : <MissingLetter />;
    case 'SEND':
      return view.flowMessage ? (
        <div className="space-y-3">
          <p className="text-sm text-slate-700">
            Read it once more, then send it. It goes to the recipient below, with your address to reply to.
          </p>
          <MessageWorkspace message={view.flowMessage} idPrefix="send" isEditorOpen={!view.flowMessage.recipient} />
        </div>
      ) : (
        <MissingLetter />
      );
    case 'OUTCOME':
      return (
        <div className="space-y-5">
          <FollowUpPanel incidentId={incident.id} followUp={view.followUp} draft={view.followUpDraft} />
          <OutcomeStep
            incidentId={incident.id}
            timeZone={interview.timeZone}
            minDate={todayInZone(interview.timeZone)}
          />
        </div>
      );
    case 'PREP':
      return <PrepPanel recovery={recovery} view={view} format={format} />;
    case 'LESSON':
      return (
        <div className="space-y-5">
          <LastMessage
            message={view.thankYouDeclined}
            title="One last message: apologise once more and thank them for their consideration"
          />
          <LastMessage message={view.thankYouAccepted} title="Thank them for the second chance" />
          <LessonStep
            incidentId={incident.id}
            reason={incident.reason}
            explanation={incident.explanation}
            employerSide={incident.kind === 'EMPLOYER_NO_SHOW'}
            needsOutcome={
              incident.outcome === null && !recovery.requests.some((request) => request.status !== 'PENDING')
            }
          />
        </div>
      );
    default:
      return null;
  }
}

function PrepPanel({ recovery, view, format }: Props) {
  const { newInterview, prep } = recovery;
  if (!newInterview || !prep) {
    return (
      <p className="text-sm text-slate-700">
        There is no new interview to prepare for. Skip this step with a reason, or record their answer first.
      </p>
    );
  }
  return (
    <div className="space-y-5">
      {/* First, while it is fresh: the checklist below is for the day itself. */}
      <LastMessage message={view.thankYouAccepted} title="Thank them for the second chance" />
      <div className="space-y-1 rounded-md border border-green-200 bg-green-50 p-4 text-sm">
        <p>
          They agreed.{' '}
          <TextLink href={`/interviews/${newInterview.id}`} className="font-semibold">
            Your new interview: {formatWithZone(newInterview.scheduledStart, newInterview.timeZone)}
          </TextLink>
        </p>
        <p>
          {/* One leave-by time, on the interview's own page, where the lessons that apply add to it. */}
          {prep.leaveBy
            ? 'Its page has your leave-by time and the checklist for the day.'
            : 'Add the travel time to the new interview to get a leave-by time.'}{' '}
          <Link href={`/interviews/${newInterview.id}${prep.leaveBy ? '' : '/edit'}`} className="underline">
            {prep.leaveBy ? 'Open the new interview' : 'Edit the new interview'}
          </Link>
        </p>
      </div>
      {view.prepNote ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">Your note for the day</summary>
          <div className="mt-2 whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3">
            {view.prepNote}
          </div>
        </details>
      ) : null}
      <section aria-labelledby="prep-checklist-title" className="space-y-2">
        <h3 id="prep-checklist-title" className="text-sm font-semibold">
          Before the new interview
        </h3>
        <PrepStep
          incidentId={recovery.incident.id}
          items={prep.items.map((item) => ({
            id: item.id as SecondChancePrepItemId,
            label: item.label,
            checked: item.checked,
            tickedLabel: item.checkedAt ? format(item.checkedAt) : null,
          }))}
        />
      </section>
    </div>
  );
}

/**
 * A thank-you still to send, with its Send and the way to decide against it; once sent or
 * dismissed it stays in the message history only.
 */
export function LastMessage({
  message,
  title,
  headingLevel = 'h3',
}: {
  message: EditableMessage | null;
  title: string;
  headingLevel?: 'h2' | 'h3';
}) {
  if (!message || message.status === 'SENT' || message.isDismissed) return null;
  const Heading = headingLevel;
  return (
    <section aria-label={title} className="space-y-3 rounded-md border-2 border-amber-600 bg-white p-4">
      <Heading className="text-base font-semibold">{title}</Heading>
      <MessageWorkspace message={message} idPrefix={`message-${message.kind.toLowerCase()}`} isEditorOpen={false} />
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700 underline">Not sending it?</summary>
        <div className="mt-2 space-y-2">
          <p className="text-slate-700">
            It will stop appearing as still to send. The text stays in the message history.
          </p>
          <DismissMessageButton messageId={message.id} />
        </div>
      </details>
    </section>
  );
}

function MissingLetter() {
  return (
    <p className="text-sm text-slate-700">
      There is no letter to work on for this recovery. Skip this step with a reason.
    </p>
  );
}
