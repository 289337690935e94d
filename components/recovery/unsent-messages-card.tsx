import { Card } from '@/components/ui/card';
import { describeMessageStatus, MESSAGE_KIND_LABELS } from '@/lib/domain/recovery-labels';
import type { UnsentMessages } from '@/lib/domain/recovery-view';
import { DismissMessageButton } from './dismiss-message-button';
import { makeFormatter } from './format';
import { TextLink } from '@/components/ui/text-link';

type Props = { unsent: UnsentMessages; timeZone: string };

/**
 * Messages to an employer that were drafted and never sent: a thank-you forgotten when the
 * recovery closed stays here until it is sent or dismissed. Renders nothing when there are none.
 */
export function UnsentMessagesCard({ unsent: { messages, total }, timeZone }: Props) {
  if (messages.length === 0) return null;
  const format = makeFormatter(timeZone);
  return (
    <Card
      title="Still to send"
      description={
        total > messages.length
          ? `The ${messages.length} most recent of ${total} messages you drafted and have not sent.`
          : 'Messages you drafted and have not sent.'
      }
    >
      <ul className="divide-y divide-slate-100 text-sm">
        {messages.map((message) => (
          <li key={message.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div className="space-y-1">
              <p>
                <TextLink href={`/incidents/${message.incidentId}`} className="font-medium">
                  {MESSAGE_KIND_LABELS[message.kind]}
                </TextLink>{' '}
                · {message.interview ? `${message.interview.roleTitle} at ${message.interview.company}` : 'recovery'}
              </p>
              <p className="text-slate-600">
                {describeMessageStatus(message.status, message.delivery)}
                {message.recipient ? ` · to ${message.recipient}` : ''} · drafted {format(message.createdAt)}
              </p>
            </div>
            <DismissMessageButton
              messageId={message.id}
              label="Dismiss"
              name={`Dismiss ${MESSAGE_KIND_LABELS[message.kind].toLowerCase()}${message.interview ? `, ${message.interview.roleTitle} at ${message.interview.company}` : ''}`}
            />
          </li>
        ))}
      </ul>
    </Card>
  );
}
