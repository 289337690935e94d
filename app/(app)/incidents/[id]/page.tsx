import type { Metadata } from 'next';
import { AttendedLateButton } from '@/components/recovery/attended-late-button';
import { ClosedSummary } from '@/components/recovery/closed-summary';
import { CurrentStep, LastMessage } from '@/components/recovery/current-step';
import { makeFormatter } from '@/components/recovery/format';
import { MessageHistory } from '@/components/recovery/message-history';
import { RecoveryStepper } from '@/components/recovery/recovery-stepper';
import { SkipStepForm } from '@/components/recovery/skip-step-form';
import { StepSection } from '@/components/recovery/step-section';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TextLink } from '@/components/ui/text-link';
import type { RecoveryState } from '@/lib/domain/recovery-state';
import { formatWithZone } from '@/lib/domain/time';
import { loadIncidentPage } from '@/lib/server/pages/incident';
import { requireUser } from '@/lib/session';
import { ROOT_CAUSE_LABELS } from '@/lib/domain/lesson-rules';
import { orNotFound } from '@/app/(app)/or-not-found';
import { buildRecoveryView, buildStepRecords } from './recovery-view';

export const metadata: Metadata = { title: 'Recovery' };

// Until the answer is known, the candidate may still have been seen on the day.
const attendedLateStates: readonly RecoveryState[] = ['CALL', 'APOLOGY', 'SEND', 'OUTCOME'];

// What to do now comes first (the open step, or once closed a thank-you still to send), then
// how it ended, then the steps taken, one line each, and the messages no step line shows.
export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/incidents/${id}`);
  const { recovery } = await orNotFound(loadIncidentPage(user.id, id));
  const { incident, interview, stepper } = recovery;
  const format = makeFormatter(user.timeZone);
  const view = buildRecoveryView(recovery, format);
  const state = incident.recoveryState;
  const isRunningLate = incident.kind === 'RUNNING_LATE';
  const isNoShow = incident.kind === 'EMPLOYER_NO_SHOW';
  const currentIndex = stepper.findIndex((item) => item.status === 'current');
  const current = stepper[currentIndex];

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <TextLink href={`/interviews/${interview.id}`} className="text-sm">
          ← {interview.roleTitle} at {interview.company}
        </TextLink>
        <PageHeader
          title={
            <>
              Recovery: {interview.roleTitle} at {interview.company}
            </>
          }
        />
        <p className="text-sm text-slate-700">
          {isNoShow
            ? 'They did not show up to the interview on '
            : isRunningLate
              ? 'Running late to the interview on '
              : 'Missed the interview on '}
          {formatWithZone(interview.scheduledStart, interview.timeZone)}
          {isNoShow ? null : <> · {ROOT_CAUSE_LABELS[incident.reason]}</>}
          {incident.employerWarned ? ' · employer warned in advance' : ''} · started {format(incident.recordedAt)}
          {incident.explanation ? <> · “{incident.explanation}”</> : null}
        </p>
      </div>

      {state === 'CLOSED' ? (
        <>
          {view.unsentThankYous.map((message) => (
            <LastMessage
              key={message.id}
              message={message}
              title={
                message.kind === 'THANK_YOU_DECLINED'
                  ? 'Still to send: thank them for their consideration'
                  : 'Still to send: thank them for the second chance'
              }
              headingLevel="h2"
            />
          ))}
          <ClosedSummary recovery={recovery} format={format} />
        </>
      ) : current && current.step !== 'CLOSED' ? (
        <StepSection
          item={current}
          position={{ number: currentIndex + 1, of: stepper.length }}
          footer={<SkipStepForm incidentId={incident.id} step={current.step} label={current.label} />}
        >
          <CurrentStep recovery={recovery} view={view} format={format} />
        </StepSection>
      ) : null}

      {isRunningLate && attendedLateStates.includes(state) ? (
        <Card
          title="Did they see you after all?"
          description="If you arrived late and still had the interview, there is nothing to reschedule."
        >
          <AttendedLateButton incidentId={incident.id} />
        </Card>
      ) : null}

      <RecoveryStepper items={stepper} records={buildStepRecords(recovery, format)} format={format} />

      {view.otherMessages.length > 0 ? (
        <MessageHistory
          messages={view.otherMessages}
          format={format}
          title="Other messages"
          description="The letter and the call script are under their steps above."
        />
      ) : null}
    </div>
  );
}
