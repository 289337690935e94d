import { Card } from '@/components/ui/card';
import type { Formatter } from './format';
import { CHANNEL_LABELS, describeMessageStatus, MESSAGE_KIND_LABELS } from '@/lib/domain/recovery-labels';
import type { RecoveryMessage } from './types';

/** Every message of the recovery, with its delivery and every saved version of its text. */
export function MessageHistory({ messages, format }: { messages: RecoveryMessage[]; format: Formatter }) {
  return (
    <Card title="Message history" description="Every draft, version and sent message of this recovery.">
      {messages.length === 0 ? (
        <p className="text-sm text-slate-600">No messages yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {messages.map((message) => (
            <li key={message.id} className="space-y-1 py-3 text-sm" data-message-kind={message.kind}>
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium">{MESSAGE_KIND_LABELS[message.kind]}</span>
                <span className="text-slate-500">{CHANNEL_LABELS[message.channel]}</span>
                {/* Scripts and notes are for the user; only emails have a delivery to report. */}
                {message.channel === 'EMAIL' ? (
                  <span className={message.status === 'FAILED' ? 'text-red-700' : message.status === 'SENT' ? 'text-green-800' : 'text-slate-700'}>
                    {describeMessageStatus(message.status, message.delivery)}
                  </span>
                ) : null}
              </p>
              <p className="text-slate-600">
                {message.recipient ? `To ${message.recipient} · ` : ''}
                {message.sentAt ? `sent ${format(message.sentAt)}` : `drafted ${format(message.createdAt)}, last changed ${format(message.updatedAt)}`}
              </p>
              {message.subject ? <p className="text-slate-700">Subject: {message.subject}</p> : null}
              {message.status === 'FAILED' && message.failureReason ? <p className="text-red-700">Why it failed: {message.failureReason}</p> : null}
              <details>
                <summary className="cursor-pointer text-brand-700">
                  {message.revisions.length === 1 ? 'Show the text (1 version)' : `Show the text and its ${message.revisions.length} versions`}
                </summary>
                <ol className="mt-2 space-y-3">
                  {message.revisions
                    .map((revision, index) => ({ revision, number: index + 1 }))
                    .reverse()
                    .map(({ revision, number }) => (
                      <li key={revision.id} className="rounded-md border border-slate-200 bg-slate-50 p-3">
                        <p className="text-xs text-slate-500">
                          Version {number} · {format(revision.createdAt)}
                          {number === message.revisions.length ? ' · latest' : ''}
                        </p>
                        {revision.subject ? <p className="mt-1 font-medium">{revision.subject}</p> : null}
                        <p className="mt-1 whitespace-pre-wrap">{revision.body}</p>
                      </li>
                    ))}
                </ol>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
