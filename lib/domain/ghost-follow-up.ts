// The follow-up Rebound drafts when an application has gone quiet, and the nudge that carries it.
// Silence after an application or a round is common and rarely personal: the draft is short,
// warm and forward-looking. It restates interest and asks about next steps; it never says
// "I have not heard back", counts days at the reader, or hints that anyone dropped the ball.
// The user reviews and sends it themselves; Rebound never sends it and never moves the
// application to Ghosted on its own.
import type { LastSignOfLife } from './ghosting';
import { buildMailtoLink } from './mailto';
import type { DraftedConfirmation, ReminderContent, ReminderLink } from './reminders-content';
import { formatInZone, isValidTimeZone } from './time';

export type FollowUpContactRole = 'RECRUITER' | 'HIRING_MANAGER' | 'INTERVIEWER' | 'OTHER';

export type FollowUpContact = { name: string | null; email: string | null };

/**
 * Who the follow-up goes to: the application's recruiter (the first one recorded), else the
 * contact of its latest round, else nobody named ("the hiring team").
 */
export function pickFollowUpContact(
  contacts: readonly { name: string; email: string | null; role: FollowUpContactRole }[],
  latestRound: { contactName: string | null; contactEmail: string | null } | null,
): FollowUpContact | null {
  const recruiter = contacts.find((contact) => contact.role === 'RECRUITER');
  if (recruiter) return { name: clean(recruiter.name), email: clean(recruiter.email) };
  const name = clean(latestRound?.contactName);
  const email = clean(latestRound?.contactEmail);
  return name || email ? { name, email } : null;
}

export type GhostFollowUpInput = {
  company: string;
  roleTitle: string;
  contact: FollowUpContact | null;
  lastHeard: LastSignOfLife;
  /** The employer's zone (the latest round's), else the user's: the day is named as they count it. */
  timeZone: string;
  userName?: string | null;
};

/** The drafted email: to the contact when there is an address, with a mailto link to open it. */
export function draftGhostFollowUp(input: GhostFollowUpInput): DraftedConfirmation {
  const zone = isValidTimeZone(input.timeZone) ? input.timeZone : 'UTC';
  const day = formatInZone(input.lastHeard.at, zone, { weekday: 'long', day: 'numeric', month: 'long' });
  const role = `the ${input.roleTitle.trim()} position at ${input.company.trim()}`;
  const subject = `Following up: ${input.roleTitle.trim()} at ${input.company.trim()}`;
  const body = [
    input.contact?.name ? `Dear ${input.contact.name},` : `Dear ${input.company.trim()} hiring team,`,
    `I hope you are well. I am writing to follow up on ${role}, ${describeLastContact(input.lastHeard.kind, day)}.`,
    'I am still very interested in the role, and I would be glad to hear about the next steps whenever there is news. If anything else from me would help, I am happy to send it.',
    'Thank you for your time.',
    input.userName?.trim() ? `Kind regards,\n${input.userName.trim()}` : 'Kind regards,',
  ].join('\n\n');
  const recipient = input.contact?.email ?? null;
  return { recipient, subject, body, mailto: recipient ? buildMailtoLink({ recipient, subject, body }) : null };
}

function describeLastContact(kind: LastSignOfLife['kind'], day: string): string {
  switch (kind) {
    case 'applied':
      return `which I applied for on ${day}`;
    case 'round':
      return `following our interview on ${day}`;
    case 'reply':
      return `following your message on ${day}`;
    case 'stage-change':
      return `since we were last in touch on ${day}`;
  }
}

export type GhostNudgeKind = 'NO_REPLY_NUDGE' | 'GHOSTED_SUGGESTION';

/**
 * The notification: what the email, the push and the in-app list say. The nudge offers the
 * draft; the suggestion (a second period later) says Ghosted is one click away on the
 * application page, and that nothing changes until the user chooses it.
 */
export function buildGhostNudgeContent(
  input: GhostFollowUpInput & { kind: GhostNudgeKind; applicationUrl: string },
): ReminderContent {
  const draft = draftGhostFollowUp(input);
  const company = input.company.trim();
  const who = input.contact?.name ?? `the ${company} hiring team`;
  const isSuggestion = input.kind === 'GHOSTED_SUGGESTION';
  const subject = isSuggestion
    ? `Still quiet from ${company}: keep waiting or move on?`
    : `Time for a friendly follow-up with ${company}`;
  const lines = isSuggestion
    ? [
        `${company} has been quiet about the ${input.roleTitle.trim()} role for a while. That happens, and it says nothing about you.`,
        'If you would rather move on, you can mark the application as Ghosted in one click on its page; nothing changes until you do. If you want to try once more, a follow-up is drafted below.',
      ]
    : [
        `No news yet from ${company} about the ${input.roleTitle.trim()} role. Silence at this point is common; a short, friendly follow-up often gets things moving.`,
        `A follow-up to ${who} is drafted below for you to review and send.`,
      ];
  const links: ReminderLink[] = [
    ...(draft.mailto ? [{ label: 'Send the follow-up', url: draft.mailto }] : []),
    { label: 'Open the application', url: input.applicationUrl },
  ];
  const body = [
    ...lines,
    `Subject: ${draft.subject}\n\n${draft.body}`,
    `Got a reply already? Record it on the application page: ${input.applicationUrl}`,
  ].join('\n\n');
  return { subject, body, push: { title: subject, body: lines[0] ?? subject }, links, confirmation: draft };
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
