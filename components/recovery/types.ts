import type { Recovery } from '@/lib/server/recovery/get-recovery';

export type RecoveryMessage = Recovery['messages'][number];

/** What an editor and a send panel need of a message; dates arrive already formatted. */
export type EditableMessage = Pick<RecoveryMessage, 'id' | 'kind' | 'recipient' | 'subject' | 'body' | 'status' | 'delivery' | 'failureReason'> & {
  sentLabel: string | null;
  // Only for a draft the outbox already holds: the link that opens it in the user's mail app.
  mailto: string | null;
};

export type DraftFields = { recipient: string; subject: string; body: string };
