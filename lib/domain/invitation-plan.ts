// What an imported invitation's event means against the user's interviews: a new interview to
// confirm, an update or a cancellation of the one that came from the same invitation (same UID,
// higher SEQUENCE), or nothing (a version already taken in). Also the interview form as the
// event fills it in. Pure: the loader and the actions pass in what they read.
import type { InterviewFormat } from './interview-format';
import type { InterviewStatus } from './interview-status';
import { companyFromDomain, type InvitationEvent } from './invitation';
import { utcToZonedLocal, zonedLocalToUtc } from './time';

/** The interview an earlier version of the invitation became, as the plan needs it. */
export type InvitedInterview = {
  id: string;
  invitationUid: string | null;
  invitationSequence: number | null;
  status: InterviewStatus;
  scheduledStart: Date;
  durationMinutes: number;
  timeZone: string;
  company: string;
  roleTitle: string;
};

export type OpenApplication = { id: string; company: string; roleTitle: string };

export type InvitationStep =
  | { kind: 'new' }
  | { kind: 'update'; interview: InvitedInterview }
  | { kind: 'cancel'; interview: InvitedInterview }
  | { kind: 'current'; interview: InvitedInterview }
  | { kind: 'cancelled-unknown' };

export const INVITATION_STEP_MESSAGES = {
  current: 'You already have this version of the invitation: nothing changes.',
  alreadyCancelled: 'This interview is already cancelled: nothing changes.',
  cancelledUnknown: 'This invitation cancels an interview that is not in Rebound: there is nothing to cancel.',
  notScheduled: 'This interview is no longer scheduled, so the invitation cannot move it.',
} as const;

/** The step for one event, given the interview with its UID (if any). */
export function planInvitationEvent(event: InvitationEvent, interview: InvitedInterview | null): InvitationStep {
  if (!interview) return event.isCancelled ? { kind: 'cancelled-unknown' } : { kind: 'new' };
  // An interview without a SEQUENCE came from the invitation's first version, whatever its number.
  if (event.sequence <= (interview.invitationSequence ?? 0)) return { kind: 'current', interview };
  if (event.isCancelled) {
    return interview.status === 'CANCELLED' ? { kind: 'current', interview } : { kind: 'cancel', interview };
  }
  return { kind: 'update', interview };
}

/**
 * The event's start as an instant and zone: its own zone when the file gives one, else
 * (floating, or a zone only the file knows) the wall clock read in `fallbackZone`.
 */
export function invitationStart(event: InvitationEvent, fallbackZone: string): { instant: Date; timeZone: string } {
  if (event.timeZone) return { instant: new Date(event.start), timeZone: event.timeZone };
  return { instant: zonedLocalToUtc(event.localStart, fallbackZone).instant, timeZone: fallbackZone };
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function mentions(text: string, name: string): boolean {
  const needle = normalize(name);
  return needle.length >= 2 && ` ${normalize(text)} `.includes(` ${needle} `);
}

/**
 * The open application the invitation is for: the one whose company the organizer's domain
 * names or the summary mentions, preferring one whose role the summary mentions too.
 */
export function matchApplication(
  event: Pick<InvitationEvent, 'summary' | 'organizerDomain'>,
  applications: readonly OpenApplication[],
): OpenApplication | null {
  const domainCompany = companyFromDomain(event.organizerDomain);
  const summary = event.summary ?? '';
  const byCompany = applications.filter(
    (application) =>
      (domainCompany !== null && normalize(application.company) === normalize(domainCompany)) ||
      mentions(summary, application.company),
  );
  return byCompany.find((application) => mentions(summary, application.roleTitle)) ?? byCompany[0] ?? null;
}

/** The role a summary names once the company and the word "interview" are taken out of it. */
export function roleFromSummary(summary: string | null, company: string): string {
  const text = (summary ?? '').trim();
  let role = text;
  if (company) role = role.replace(new RegExp(escapeRegExp(company), 'ig'), ' ');
  role = role
    .replace(/\b(interview|entretien|vorstellungsgespräch|invitation|with|at|for|mit|avec)\b:?/gi, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:|/()<>,.]+|[\s\-–—:|/()<>,.]+$/g, '')
    .replace(/\(\s*\)/g, '')
    .trim();
  return (role || text).slice(0, 200);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The form's fields as strings, the shape of InterviewFormInput. */
export type InvitationFormDefaults = {
  applicationId: string;
  contactId: string;
  company: string;
  roleTitle: string;
  roundLabel: string;
  date: string;
  startTime: string;
  endTime: string;
  timeZone: string;
  format: InterviewFormat;
  location: string;
  meetingUrl: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
};

/** The format the invitation implies: a link is a video call, an address a visit, a number a call. */
export function guessFormat(event: InvitationEvent): InterviewFormat {
  if (event.meetingLink) return 'VIDEO';
  if (event.address) return 'IN_PERSON';
  if (event.dialIn) return 'PHONE';
  return 'VIDEO';
}

// What a form field refuses (lib/validation/common.ts): C0 controls other than tab and line
// breaks, and lone surrogates. An invitation's text is the employer's, so it is cleaned, not refused.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function clean(text: string, { multiLine = false } = {}): string {
  const kept = text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').replace(LONE_SURROGATES, '');
  return multiLine ? kept : kept.replace(/\s+/g, ' ').trim();
}

/** The interview form filled in from the event, for the user to check before anything is saved. */
export function invitationFormDefaults(
  event: InvitationEvent,
  options: { userTimeZone: string; application: OpenApplication | null },
): InvitationFormDefaults {
  const { instant, timeZone } = invitationStart(event, options.userTimeZone);
  const local = utcToZonedLocal(instant, timeZone);
  const duration = event.durationMinutes ?? 60;
  const end = utcToZonedLocal(new Date(instant.getTime() + duration * 60_000), timeZone);
  // The form keeps an interview within one day; one that runs past midnight ends at 23:59.
  const endTime = end.slice(0, 10) === local.slice(0, 10) ? end.slice(11, 16) : '23:59';
  const company = options.application?.company ?? companyFromDomain(event.organizerDomain) ?? '';
  const format = guessFormat(event);
  const dialIn = event.dialIn
    ? `Dial-in: ${event.dialIn.phone}${event.dialIn.pin ? `, PIN ${event.dialIn.pin}` : ''}`
    : '';
  const notes = [dialIn, event.description ?? ''].filter(Boolean).join('\n\n').slice(0, 5000);
  return {
    applicationId: options.application?.id ?? '',
    contactId: '',
    company: clean(company).slice(0, 200),
    roleTitle: clean(options.application?.roleTitle ?? roleFromSummary(event.summary, company)).slice(0, 200),
    roundLabel: '',
    date: local.slice(0, 10),
    startTime: local.slice(11, 16),
    endTime,
    timeZone,
    format,
    location: clean(event.address ?? '').slice(0, 500),
    meetingUrl: event.meetingLink && event.meetingLink.url.length <= 2000 ? event.meetingLink.url : '',
    contactName: clean(event.organizer?.name ?? '').slice(0, 200),
    contactEmail: event.organizer?.email && event.organizer.email.length <= 254 ? event.organizer.email : '',
    contactPhone: format === 'PHONE' && event.dialIn ? event.dialIn.phone.slice(0, 40) : '',
    notes: clean(notes, { multiLine: true }),
  };
}

/** One event of an imported file as the review page shows it (instants as ISO strings). */
export type InvitationReviewItem = {
  uid: string;
  summary: string | null;
  kind: InvitationStep['kind'];
  message: string | null;
  organizer: { name: string | null; email: string | null } | null;
  attendees: { name: string | null; email: string | null }[];
  /** The zone as the file wrote it, when it was mapped or is unknown ("Romance Standard Time"). */
  fileZone: string | null;
  needsZone: boolean;
  /** The time the invitation gives now. */
  start: string;
  timeZone: string;
  durationMinutes: number;
  /** The interview that came from an earlier version, for an update, a cancellation or "current". */
  interview: {
    id: string;
    company: string;
    roleTitle: string;
    start: string;
    timeZone: string;
    durationMinutes: number;
    status: InterviewStatus;
  } | null;
  /** For a new interview: the form as the event fills it, and the application it joins. */
  defaults: InvitationFormDefaults | null;
  application: OpenApplication | null;
};

/** The review page's item for one event. */
export function reviewInvitationEvent(
  event: InvitationEvent,
  interview: InvitedInterview | null,
  options: { userTimeZone: string; applications: readonly OpenApplication[] },
): InvitationReviewItem {
  const step = planInvitationEvent(event, interview);
  const start = invitationStart(event, interview?.timeZone ?? options.userTimeZone);
  const matched = step.kind === 'new' ? matchApplication(event, options.applications) : null;
  const application = matched && { id: matched.id, company: matched.company, roleTitle: matched.roleTitle };
  const message =
    step.kind === 'current'
      ? step.interview.status === 'CANCELLED' && event.isCancelled
        ? INVITATION_STEP_MESSAGES.alreadyCancelled
        : INVITATION_STEP_MESSAGES.current
      : step.kind === 'cancelled-unknown'
        ? INVITATION_STEP_MESSAGES.cancelledUnknown
        : step.kind === 'update' && step.interview.status !== 'SCHEDULED'
          ? INVITATION_STEP_MESSAGES.notScheduled
          : null;
  return {
    uid: event.uid,
    summary: event.summary,
    kind: step.kind,
    message,
    organizer: event.organizer,
    attendees: event.attendees,
    fileZone: event.fileZone,
    needsZone: event.needsZone,
    start: start.instant.toISOString(),
    timeZone: start.timeZone,
    durationMinutes: event.durationMinutes ?? interview?.durationMinutes ?? 60,
    interview: interview && {
      id: interview.id,
      company: interview.company,
      roleTitle: interview.roleTitle,
      start: interview.scheduledStart.toISOString(),
      timeZone: interview.timeZone,
      durationMinutes: interview.durationMinutes,
      status: interview.status,
    },
    defaults:
      step.kind === 'new' ? invitationFormDefaults(event, { userTimeZone: options.userTimeZone, application }) : null,
    application,
  };
}
