import 'server-only';
import { registerChannel } from './channels';
import { sendReminderEmail } from './email-channel';
import { sendReminderPush } from './push-channel';

/** The channels this server sends through. */
export function registerDefaultChannels(): void {
  registerChannel('EMAIL', sendReminderEmail);
  registerChannel('PUSH', sendReminderPush);
}
