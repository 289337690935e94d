import type { ReactNode } from 'react';
import type { RecoveryState } from '@/lib/domain/recovery-state';
import { formatWithZone } from '@/lib/domain/time';
import type { Recovery } from '@/lib/domain/recovery-view';
import { describeCall, describeMessageStatus, OUTCOME_LABELS } from '@/lib/domain/recovery-labels';
import type { Formatter } from './format';
import { MessageVersions } from './message-history';
import type { RecoveryMessage } from './types';

/**
 * A finished step in one line, and what it left behind for whoever wants to look back. The
 * summary is plain text because the line may unfold through a <summary>, where nothing may be
 * interactive; a page the step led to is its `link`, which the line shows outside the fold.
 */
export type StepRecordView = {
  summary: string | null;
  link?: { href: string; label: string };
  details: ReactNode | null;
};

type Input = {
  recovery: Recovery;
  flowMessage: RecoveryMessage | null;
  callScript: RecoveryMessage | null;
  prepNote: RecoveryMessage | null;
  format: Formatter;
};

/**
 * The record of a done step. Each message is shown under one step only (the letter under
 * "Send it", where it went out), so looking back never reads the same text twice.
 */
export function describeStepRecord(step: RecoveryState, input: Input): StepRecordView {
  const { recovery, flowMessage, callScript, prepNote, format } = input;
  switch (step) {
    case 'CALL': {
      const call = recovery.requests.find((request) => request.channel === 'CALL');
      const hasDetails = Boolean(call?.responseNote || callScript);
      return {
        summary: describeCall(call),
        details: hasDetails ? (
          <div className="space-y-2">
            {call?.responseNote ? <p>Note: {call.responseNote}</p> : null}
            {callScript ? <TextBlock label="The call script" text={callScript.body} /> : null}
          </div>
        ) : null,
      };
    }
    case 'APOLOGY':
      return { summary: flowMessage ? 'Letter written and approved' : 'No letter was written', details: null };
    case 'SEND': {
      if (!flowMessage) return { summary: 'No letter was sent', details: null };
      // The line already carries the time the step was done, which is when it went out.
      return {
        summary: `${describeMessageStatus(flowMessage.status, flowMessage.delivery)}${flowMessage.recipient ? ` to ${flowMessage.recipient}` : ''}`,
        details: (
          <div className="space-y-2">
            {flowMessage.subject ? <p className="font-medium">Subject: {flowMessage.subject}</p> : null}
            <MessageVersions message={flowMessage} format={format} />
          </div>
        ),
      };
    }
    case 'OUTCOME': {
      const { incident, newInterview } = recovery;
      const answered = recovery.requests.findLast((request) => request.respondedAt && request.status !== 'PENDING');
      const details = answered?.responseNote ? <p>Note: {answered.responseNote}</p> : null;
      if (newInterview) {
        const label = `They agreed: new interview ${formatWithZone(newInterview.scheduledStart, newInterview.timeZone)}`;
        return { summary: null, link: { href: `/interviews/${newInterview.id}`, label }, details };
      }
      return { summary: incident.outcome ? OUTCOME_LABELS[incident.outcome] : 'No answer recorded', details };
    }
    case 'PREP': {
      const items = recovery.prep?.items ?? [];
      return {
        summary: `${items.filter((item) => item.checked).length} of ${items.length} ready`,
        details: (
          <div className="space-y-2">
            <ul className="space-y-1">
              {items.map((item) => (
                <li key={item.id}>
                  {item.checked ? '✓' : '○'} {item.label}
                  {item.checkedAt ? <span className="text-slate-600"> · {format(item.checkedAt)}</span> : null}
                </li>
              ))}
            </ul>
            {prepNote ? <TextBlock label="Your note for the day" text={prepNote.body} /> : null}
          </div>
        ),
      };
    }
    // The lesson closes the recovery, and the closed summary shows it in full.
    case 'LESSON':
      return { summary: recovery.lesson ? null : 'No lesson was kept', details: null };
    default:
      return { summary: null, details: null };
  }
}

function TextBlock({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <p className="font-medium">{label}</p>
      <div className="mt-1 whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-3">{text}</div>
    </div>
  );
}
