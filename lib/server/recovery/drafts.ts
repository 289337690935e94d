import 'server-only';
import type { Tx } from '@/lib/db';
import { type MessageFacts, type MessageKind, draftMessage } from '@/lib/domain/message-templates';
import { type IncidentKind } from '@/lib/domain/recovery-state';
import {
  type MessageChannel,
  type MessageKind as StoredMessageKind,
  type MissReason,
} from '@/lib/generated/prisma/enums';
import { type FactsInterview } from '@/lib/server/interviews/interview-select';

// Scripts are read aloud and notes are for the candidate; everything else goes to the employer.
const channelByKind: Record<MessageKind, MessageChannel> = {
  CALL_SCRIPT: 'PHONE',
  APOLOGY: 'EMAIL',
  RESCHEDULE_REQUEST: 'EMAIL',
  FOLLOW_UP: 'EMAIL',
  THANK_YOU_ACCEPTED: 'EMAIL',
  THANK_YOU_DECLINED: 'EMAIL',
  PREP_NOTE: 'NOTE',
  NO_SHOW_CHECK_IN: 'EMAIL',
};

/** The messages whose sending is the flow's "send" step and opens a reschedule request. */
export const FLOW_MESSAGE_KINDS: readonly StoredMessageKind[] = ['APOLOGY', 'RESCHEDULE_REQUEST'];

export type FactsIncident = {
  kind: IncidentKind;
  reason: MissReason;
  explanation: string | null;
  employerWarned: boolean;
};

export function buildMessageFacts(input: {
  interview: FactsInterview;
  incident: FactsIncident;
  candidateName: string | null;
  extra?: Pick<MessageFacts, 'newStart' | 'timeZone'>;
}): MessageFacts {
  const { interview, incident } = input;
  return {
    kind: incident.kind,
    candidateName: input.candidateName,
    contactName: interview.contactName,
    company: interview.company,
    roleTitle: interview.roleTitle,
    roundLabel: interview.roundLabel,
    scheduledStart: interview.scheduledStart,
    timeZone: interview.timeZone,
    format: interview.format,
    location: interview.location,
    meetingUrl: interview.meetingUrl,
    reason: incident.reason,
    explanation: incident.explanation,
    employerWarned: incident.employerWarned,
    ...input.extra,
  };
}

function pickRecipient(channel: MessageChannel, interview: FactsInterview): string | null {
  if (channel === 'EMAIL') return interview.contactEmail;
  if (channel === 'PHONE') return interview.contactPhone;
  return null;
}

/** Drafts a message from the templates and stores it with its first revision. */
export async function createDraft(
  tx: Tx,
  input: {
    userId: string;
    incidentId: string;
    interviewId: string;
    kind: MessageKind;
    facts: MessageFacts;
    // The interview whose contact receives it; the replacement interview for the prep note.
    contactsFrom: FactsInterview;
  },
): Promise<{ id: string }> {
  const drafted = draftMessage(input.kind, input.facts);
  const channel = channelByKind[input.kind];
  return tx.message.create({
    data: {
      userId: input.userId,
      incidentId: input.incidentId,
      interviewId: input.interviewId,
      kind: input.kind,
      channel,
      recipient: pickRecipient(channel, input.contactsFrom),
      subject: drafted.subject,
      body: drafted.body,
      revisions: { create: { subject: drafted.subject, body: drafted.body } },
    },
    select: { id: true },
  });
}
