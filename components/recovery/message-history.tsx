import { Card } from '@/components/ui/card';
import type { Formatter } from './format';
import { CHANNEL_LABELS, describeMessageStatus, MESSAGE_KIND_LABELS } from '@/lib/domain/recovery-labels';
import type { RecoveryMessage } from './types';

type Props = { messages: RecoveryMessage[]; format: Formatter; title?: string; description?: string };

/** Messages with their delivery, one line each; the text and every saved version fold out. */
export function MessageHistory({
  messages,
  format,
  title = 'Message history',
  description = 'Every draft, version and sent message.',
}: Props) {
  return (
    <Card title={title} description={description}>
      {messages.length === 0 ? (
        <p className="text-sm text-slate-600">No messages yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {messages.map((message) => (
            <li key={message.id} className="py-2 text-sm" data-message-kind={message.kind}>
              <details>
                <summary className="cursor-pointer">
                  <span className="font-medium">{MESSAGE_KIND_LABELS[message.kind]}</span>
                  <span className="text-slate-600"> · {CHANNEL_LABELS[message.channel]}</span>
                  {/* Scripts and notes are for the user; only emails have a delivery to report. */}
                  {message.channel === 'EMAIL' ? (
                    <span
                      className={
                        message.status === 'FAILED'
                          ? 'text-red-700'
                          : message.status === 'SENT'
                            ? 'text-green-800'
                            : 'text-slate-700'
                      }
                    >
                      {' · '}
                      {describeMessageStatus(message.status, message.delivery)}
                      {message.dismissedAt && message.status !== 'SENT' ? ', not to be sent' : ''}
                    </span>
                  ) : null}
                  <span className="text-slate-600">
                    {message.recipient ? ` · to ${message.recipient}` : ''}
                    {message.sentAt
                      ? ` · sent ${format(message.sentAt)}`
                      : ` · last changed ${format(message.updatedAt)}`}
                  </span>
                </summary>
                <div className="mt-2 space-y-2">
                  {message.subject ? <p className="text-slate-700">Subject: {message.subject}</p> : null}
                  {message.status === 'FAILED' && message.failureReason ? (
                    <p className="text-red-700">Why it failed: {message.failureReason}</p>
                  ) : null}
                  <MessageVersions message={message} format={format} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Every saved version of a message's text, the latest first. */
export function MessageVersions({
  message,
  format,
}: {
  message: Pick<RecoveryMessage, 'revisions'>;
  format: Formatter;
}) {
  const count = message.revisions.length;
  return (
    <ol className="space-y-3" aria-label={count === 1 ? 'The text (1 version)' : `The text and its ${count} versions`}>
      {message.revisions
        .map((revision, index) => ({ revision, number: index + 1 }))
        .reverse()
        .map(({ revision, number }) => (
          <li key={revision.id} className="rounded-md border border-slate-200 bg-slate-50 p-3">
            <p className="text-xs text-slate-600">
              Version {number} · {format(revision.createdAt)}
              {number === count ? ' · latest' : ''}
            </p>
            {revision.subject ? <p className="mt-1 font-medium">{revision.subject}</p> : null}
            <p className="mt-1 whitespace-pre-wrap">{revision.body}</p>
          </li>
        ))}
    </ol>
  );
}
