import Link from 'next/link';
import type { RecoveryState } from '@/lib/domain/recovery-state';
import { formatInZone } from '@/lib/domain/time';
import type { Recovery } from '@/lib/server/recovery/get-recovery';
import type { Formatter } from './format';
import { describeCall, describeMessageStatus, OUTCOME_LABELS } from '@/lib/domain/recovery-labels';
import type { EditableMessage } from './types';

type Props = {
  step: RecoveryState;
  recovery: Recovery;
  flowMessage: EditableMessage | null;
  callScript: string | null;
  format: Formatter;
};

/** What a finished step left behind, for looking back at it; a skipped step shows only its reason. */
export function StepRecord({ step, recovery, flowMessage, callScript, format }: Props) {
  switch (step) {
    case 'CALL': {
      const call = recovery.requests.find((request) => request.channel === 'CALL');
      return (
        <div className="space-y-2 text-sm">
          <p>{describeCall(call)}</p>
          {call?.responseNote ? <p className="text-slate-600">Note: {call.responseNote}</p> : null}
          {callScript ? <Disclosure label="Show the call script" text={callScript} /> : null}
        </div>
      );
    }
    case 'APOLOGY':
    case 'SEND':
      if (!flowMessage) return <p className="text-sm text-slate-600">No letter was written.</p>;
      return (
        <div className="space-y-2 text-sm">
          <p>
            {step === 'APOLOGY' ? 'Letter approved. ' : ''}
            {describeMessageStatus(flowMessage.status, flowMessage.delivery)}
            {flowMessage.recipient ? ` · to ${flowMessage.recipient}` : ''}
            {flowMessage.sentLabel ? ` · ${flowMessage.sentLabel}` : ''}
          </p>
          <Disclosure label={`Show the letter: ${flowMessage.subject ?? ''}`} text={flowMessage.body} />
        </div>
      );
    case 'OUTCOME': {
      const { incident, newInterview } = recovery;
      const answered = recovery.requests.findLast((request) => request.respondedAt && request.status !== 'PENDING');
      return (
        <div className="space-y-1 text-sm">
          <p>{incident.outcome ? OUTCOME_LABELS[incident.outcome] : 'No answer recorded.'}</p>
          {answered?.responseNote ? <p className="text-slate-600">Note: {answered.responseNote}</p> : null}
          {newInterview ? (
            <p>
              <Link href={`/interviews/${newInterview.id}`} className="font-medium text-brand-700 underline">
                New interview: {formatInZone(newInterview.scheduledStart, newInterview.timeZone)}
              </Link>
            </p>
          ) : null}
        </div>
      );
    }
    case 'PREP':
      return (
        <ul className="space-y-1 text-sm">
          {(recovery.prep?.items ?? []).map((item) => (
            <li key={item.id}>
              {item.checked ? '✓' : '○'} {item.label}
              {item.checkedAt ? <span className="text-slate-500"> · {format(item.checkedAt)}</span> : null}
            </li>
          ))}
        </ul>
      );
    case 'LESSON':
      return (
        <p className="text-sm">
          {recovery.lesson ? `Lesson kept ${format(recovery.lesson.createdAt)}: see the summary above.` : 'No lesson was kept.'}
        </p>
      );
    default:
      return null;
  }
}

function Disclosure({ label, text }: { label: string; text: string }) {
  return (
    <details>
      <summary className="cursor-pointer text-brand-700">{label}</summary>
      <div className="mt-2 whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3">{text}</div>
    </details>
  );
}
