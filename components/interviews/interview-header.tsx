import Link from 'next/link';
import { InterviewTime } from './interview-time';
import { StatusBadge } from './status-badge';
import { PageHeader } from '@/components/ui/page-header';
import { TextLink } from '@/components/ui/text-link';
import { FORMAT_LABELS, type InterviewFormat } from '@/lib/domain/interview-format';
import type { InterviewStatus } from '@/lib/domain/interview-status';
import type { RecoveryState } from '@/lib/domain/recovery-state';
import { formatWithZone } from '@/lib/domain/time';

type MovedInterview = { id: string; scheduledStart: Date; timeZone: string };

type Props = {
  interview: {
    roleTitle: string;
    company: string;
    status: InterviewStatus;
    roundLabel: string | null;
    format: InterviewFormat;
    scheduledStart: Date;
    timeZone: string;
    durationMinutes: number;
    rescheduledFrom: MovedInterview | null;
    rescheduledTo: readonly MovedInterview[];
    incidents: readonly { id: string; recoveryState: RecoveryState }[];
    /** The application it is a round of; absent where a caller does not show it. */
    application?: { id: string; company: string; roleTitle: string; stage: { name: string } };
  };
  userTimeZone: string;
};

/** The interview's name and status, when and how it happens, where it moved from or to, and its recoveries. */
export function InterviewHeader({ interview, userTimeZone }: Props) {
  return (
    <div className="space-y-2">
      <TextLink href="/interviews" className="text-sm">
        ← All interviews
      </TextLink>
      <div className="flex flex-wrap items-center gap-3">
        <PageHeader
          title={
            <>
              {interview.roleTitle} at {interview.company}
            </>
          }
        />
        <StatusBadge status={interview.status} />
      </div>
      <p className="text-slate-700">
        {interview.roundLabel ? `${interview.roundLabel} · ` : ''}
        {FORMAT_LABELS[interview.format]} ·{' '}
        <InterviewTime start={interview.scheduledStart} timeZone={interview.timeZone} userTimeZone={userTimeZone} /> ·{' '}
        {interview.durationMinutes} min
      </p>
      {interview.application ? (
        <p className="text-sm text-slate-600">
          A round of your application{' '}
          <TextLink href={`/applications/${interview.application.id}`}>
            {interview.application.company} · {interview.application.roleTitle}
          </TextLink>{' '}
          ({interview.application.stage.name}).
        </p>
      ) : null}
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
          <TextLink href={`/interviews/${next.id}`}>{formatWithZone(next.scheduledStart, next.timeZone)}</TextLink>.
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
  );
}
