import type { Recovery } from '@/lib/domain/recovery-view';

export type RecoveryMessage = Recovery['messages'][number];

/** What an editor and a send panel need of a message; dates arrive already formatted. */
export type EditableMessage = Pick<
  RecoveryMessage,
  'id' | 'kind' | 'recipient' | 'subject' | 'body' | 'status' | 'delivery' | 'failureReason'
> & {
  sentLabel: string | null;
  // The user chose not to send it: it no longer asks to be sent.
  isDismissed: boolean;
  // Only for a draft the outbox already holds: the link that opens it in the user's mail app.
  mailto: string | null;
};

export type DraftFields = { recipient: string; subject: string; body: string };

export type FollowUpView =
  | { status: 'NOT_WAITING' }
  | { status: 'WAITING'; dueLabel: string }
  | { status: 'DUE'; message: string }
  | { status: 'DISCOURAGED'; message: string };

/** The messages and advice the step panels work with, picked from the recovery on the server. */
export type RecoveryView = {
  flowMessage: EditableMessage | null;
  callScript: string | null;
  prepNote: string | null;
  // The thank-yous not sent nor dismissed: the next thing to do once the answer is in.
  unsentThankYous: EditableMessage[];
  // What the message history lists: every message the page does not already show elsewhere.
  otherMessages: RecoveryMessage[];
  followUp: FollowUpView;
  followUpDraft: EditableMessage | null;
  thankYouAccepted: EditableMessage | null;
  thankYouDeclined: EditableMessage | null;
  // The note written while waiting for an employer who did not show up.
  noShowNote: EditableMessage | null;
};
