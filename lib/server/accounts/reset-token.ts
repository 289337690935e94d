import 'server-only';
import { createHash } from 'node:crypto';

/** Only a reset token's hash is stored: a leaked table holds no link that works. */
export const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex');
