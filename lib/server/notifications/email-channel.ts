import 'server-only';
import { getEnv } from '@/lib/env';
import { MailDeliveryError, MailInputError, sendMail } from '@/lib/mail';
import { ChannelError, type ChannelMessage, type ChannelOutcome } from './channels';

/** RFC 8058: the header pair that lets a mail client unsubscribe with one POST, no page to visit. */
export function buildUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

/** The reminder's own text (the drafted confirmation included), then the way out. */
export function buildReminderEmailText(message: Pick<ChannelMessage, 'content' | 'unsubscribeUrl'>): string {
  return `${message.content.body}\n\nYou get this because reminders are on in Rebound. Stop reminder emails with one click: ${message.unsubscribeUrl}`;
}

function buildMessageId(dedupeKey: string): string {
  return `<reminder-${Buffer.from(dedupeKey).toString('base64url')}@${getEnv().mailDomain}>`;
}

/** The email channel: SMTP, or the outbox without SMTP_HOST (lib/mail.ts). */
export async function sendReminderEmail(message: ChannelMessage): Promise<ChannelOutcome> {
  try {
    const result = await sendMail({
      to: message.user.email,
      subject: message.content.subject,
      text: buildReminderEmailText(message),
      headers: { ...buildUnsubscribeHeaders(message.unsubscribeUrl), 'X-Rebound-Reminder': message.kind },
      messageId: buildMessageId(message.dedupeKey),
    });
    return { status: 'sent', detail: result.transport === 'smtp' ? 'smtp' : 'outbox' };
  } catch (error) {
    if (error instanceof MailDeliveryError)
      throw new ChannelError(error.message, { retryable: error.retryable, cause: error });
    if (error instanceof MailInputError) throw new ChannelError(error.message, { retryable: false, cause: error });
    throw error;
  }
}
