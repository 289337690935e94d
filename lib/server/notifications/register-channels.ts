import 'server-only';
import { registerChannel } from './channels';
import { sendReminderEmail } from './email-channel';

/** The channels this server sends through; web push registers itself as 'PUSH' the same way. */
export function registerDefaultChannels(): void {
  registerChannel('EMAIL', sendReminderEmail);
}
