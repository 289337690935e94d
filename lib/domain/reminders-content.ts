// What each reminder says: the email subject and body, the push notification, the links, and
// for the evening before a confirmation the user can send the contact in one step. Pure: the
// server passes the interview, the links it made (check-in tokens included) and the moment of
// sending, which decides words such as "tomorrow" and "leave now".
//
// The second chance (an interview the employer gave after a miss) looks forward only: nothing
// here mentions the miss, the apology or the lessons behind it, to the user or to the contact,
// and no text the user wrote about what went wrong is quoted.
import { SECOND_CHANCE_TIP } from './calendar';
import { mapsSearchUrl, telHref } from './contact-links';
import type { InterviewFacts } from './interview-facts';
import type { InterviewFormat } from './interview-format';
import { buildMailtoLink } from './mailto';
import { formatInterviewTime } from './message-facts';
import type { PlannedReminder } from './reminders';
import { canonicalZone, formatInZone, formatWithZone, isValidTimeZone, localDayMs, utcToZonedLocal } from './time';

export type ReminderContentInterview = Omit<InterviewFacts, 'id' | 'status' | 'travelMinutes' | 'bufferMinutes'> & {
  isSecondChance?: boolean;
};

export type ReminderLinks = {
  /** The interview (or, for recovery nudges, the incident) in Rebound. */
  open: string;
  runningLate?: string;
  checkInHappened?: string;
  checkInDidNotHappen?: string;
  /** The interview's page, which offers "They didn't show up" while it is still scheduled. */
  noShow?: string;
  lessons?: string;
};

export type ReminderLink = { label: string; url: string };

/** The check-in's link to the employer's no-show; the push notification makes it a button. */
export const NO_SHOW_LINK_LABEL = 'They didn’t show up';

export type DraftedConfirmation = { recipient: string | null; subject: string; body: string; mailto: string | null };

export type ReminderContent = {
  subject: string;
  body: string;
  push: { title: string; body: string };
  links: ReminderLink[];
  confirmation: DraftedConfirmation | null;
};

export type ReminderContentInput = {
  reminder: Pick<PlannedReminder, 'kind' | 'leaveBy'>;
  interview: ReminderContentInterview;
  userTimeZone: string;
  userName?: string | null;
  links: ReminderLinks;
  /** The lessons' prevention actions, for LESSON_REVIEW. */
  lessonActions?: readonly string[];
  sentAt: Date;
};

export function buildReminderContent(input: ReminderContentInput): ReminderContent {
  const userZone = isValidTimeZone(input.userTimeZone) ? input.userTimeZone : 'UTC';
  const interview = isValidTimeZone(input.interview.timeZone)
    ? input.interview
    : { ...input.interview, timeZone: 'UTC' };
  const facts: Facts = {
    ...input,
    interview,
    userZone,
    title: `${interview.roleTitle} interview at ${interview.company}`,
  };
  switch (input.reminder.kind) {
    case 'EVENING_BEFORE':
      return buildEveningBefore(facts);
    case 'LEAVE_BY':
      return buildLeaveBy(facts);
    case 'EXTRA':
      return buildExtra(facts);
    case 'CHECK_IN':
      return buildCheckIn(facts);
    case 'LESSON_REVIEW':
      return buildLessonReview(facts);
    case 'FOLLOW_UP_DUE':
      return finish(
        `No answer from ${interview.company} yet`,
        [
          'Three business days have passed since you asked to reschedule. A short, polite follow-up is ready for you to review and send.',
          `Open it: ${input.links.open}`,
        ],
        [{ label: 'Review the follow-up', url: input.links.open }],
      );
    case 'THANK_YOU_UNSENT':
      return finish(
        `Your thank-you to ${interview.company} is still waiting`,
        [
          `${interview.company} answered a day ago. A short thank-you is drafted; sending it today still makes a good impression.`,
          `Open it: ${input.links.open}`,
        ],
        [{ label: 'Review the thank-you', url: input.links.open }],
      );
    case 'NO_REPLY_NUDGE':
    case 'GHOSTED_SUGGESTION':
      // About an application, not an interview: lib/domain/ghost-follow-up.ts words them.
      throw new Error(`${input.reminder.kind} is worded by buildGhostNudgeContent.`);
  }
}

type Facts = ReminderContentInput & { interview: ReminderContentInterview; userZone: string; title: string };

/** The time in the interview's zone and, when the user lives elsewhere, in theirs too. */
export function formatInBothZones(instant: Date, interviewZone: string, userZone: string): string {
  const there = formatWithZone(instant, interviewZone);
  if (canonicalZone(interviewZone) === canonicalZone(userZone)) return there;
  return `${there}; for you ${formatWithZone(instant, userZone)}`;
}

/** "today", "tomorrow" or "on Thursday 3 December", from `from` to `to` as the zone's calendar reads them. */
export function describeDay(from: Date, to: Date, timeZone: string): string {
  const days = Math.round(
    (localDayMs(utcToZonedLocal(to, timeZone)) - localDayMs(utcToZonedLocal(from, timeZone))) / 86_400_000,
  );
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `on ${formatInZone(to, timeZone, { weekday: 'long', day: 'numeric', month: 'long' })}`;
}

function buildEveningBefore(facts: Facts): ReminderContent {
  const { interview, userZone, sentAt, links } = facts;
  const start = interview.scheduledStart;
  const day = describeDay(sentAt, start, userZone);
  const clock = formatInZone(start, userZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const confirmation = draftConfirmation(facts);
  const lines = [
    `When: ${formatInBothZones(start, interview.timeZone, userZone)}`,
    ...describePlace(facts),
    facts.reminder.leaveBy
      ? `Leave by: ${formatInBothZones(facts.reminder.leaveBy, interview.timeZone, userZone)}`
      : interview.format === 'IN_PERSON' && 'Add your travel time in Rebound to get a time to leave.',
    describeContact(interview),
    interview.isSecondChance && SECOND_CHANCE_TIP,
    prepareLine(interview.format),
    confirmation &&
      `A note confirming the interview is drafted for ${interview.contactName ?? 'your contact'}:\n\n${confirmation.body}`,
    `Open in Rebound: ${links.open}`,
  ];
  const extraLinks: ReminderLink[] = confirmation?.mailto
    ? [{ label: 'Send the confirmation', url: confirmation.mailto }]
    : [];
  return finish(
    `${capitalise(day)} at ${clock}: ${facts.title}`,
    lines,
    [...placeLinks(facts), ...extraLinks],
    confirmation,
  );
}

function buildLeaveBy(facts: Facts): ReminderContent {
  const { interview, userZone, sentAt, reminder } = facts;
  const start = interview.scheduledStart;
  const clock = (instant: Date) =>
    formatInZone(instant, userZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const lateLine =
    interview.contactPhone && `If you will be late, call ahead as soon as you know: ${interview.contactPhone}.`;
  if (interview.format === 'IN_PERSON') {
    const leaveBy = reminder.leaveBy;
    const isPast = leaveBy !== null && sentAt.getTime() >= leaveBy.getTime();
    const subject = leaveBy
      ? isPast
        ? `Leave now: ${facts.title}`
        : `Leave by ${clock(leaveBy)}: ${facts.title}`
      : `Starts at ${clock(start)}: ${facts.title}`;
    return finish(
      subject,
      [
        `Starts: ${formatInBothZones(start, interview.timeZone, userZone)}`,
        leaveBy && `Leave by: ${formatInBothZones(leaveBy, interview.timeZone, userZone)}`,
        ...describePlace(facts),
        interview.isSecondChance ? SECOND_CHANCE_TIP : `Arrive at least 15 minutes early.`,
        lateLine,
      ],
      placeLinks(facts),
    );
  }
  return finish(
    `Starts at ${clock(start)}: ${facts.title}`,
    [
      `Starts: ${formatInBothZones(start, interview.timeZone, userZone)}`,
      interview.format === 'VIDEO'
        ? 'Test your link, camera and microphone now, and be somewhere quiet.'
        : 'Be somewhere quiet with a charged phone and good signal.',
      ...describePlace(facts),
      interview.isSecondChance && SECOND_CHANCE_TIP,
      lateLine,
    ],
    placeLinks(facts),
  );
}

function buildExtra(facts: Facts): ReminderContent {
  const { interview, userZone } = facts;
  return finish(
    `Get ready: ${facts.title}`,
    [
      `Starts: ${formatInBothZones(interview.scheduledStart, interview.timeZone, userZone)}`,
      facts.reminder.leaveBy && `Leave by: ${formatInBothZones(facts.reminder.leaveBy, interview.timeZone, userZone)}`,
      ...describePlace(facts),
      interview.isSecondChance ? SECOND_CHANCE_TIP : 'This is the extra reminder you planned for.',
    ],
    placeLinks(facts),
  );
}

function buildCheckIn(facts: Facts): ReminderContent {
  const { interview, links, userZone } = facts;
  const answers: ReminderLink[] = [
    links.checkInHappened ? { label: 'It happened', url: links.checkInHappened } : null,
    links.checkInDidNotHappen ? { label: 'It did not happen', url: links.checkInDidNotHappen } : null,
    links.noShow ? { label: NO_SHOW_LINK_LABEL, url: links.noShow } : null,
  ].filter((link): link is ReminderLink => link !== null);
  return finish(
    `Did it happen? ${facts.title}`,
    [
      `It was planned for ${formatInBothZones(interview.scheduledStart, interview.timeZone, userZone)}.`,
      'Tell Rebound how it went; nothing is recorded until you confirm on the page.',
      ...answers.map((link) => `${link.label}: ${link.url}`),
    ],
    answers.length > 0 ? answers : [{ label: 'Open the interview', url: links.open }],
  );
}

function buildLessonReview(facts: Facts): ReminderContent {
  const { interview, links, sentAt, userZone } = facts;
  const day = describeDay(sentAt, interview.scheduledStart, userZone);
  const url = links.lessons ?? links.open;
  const actions = interview.isSecondChance ? [] : (facts.lessonActions ?? []);
  return finish(
    interview.isSecondChance ? `Before ${day}: your preparation notes` : `Before ${day}: look over your lessons`,
    [
      interview.isSecondChance
        ? `Your notes are ready to look over before the ${facts.title} ${day}.`
        : `Before the ${facts.title} ${day}, look over what you decided to do differently:`,
      actions.map((action) => `- ${action}`).join('\n'),
      `Open them: ${url}`,
    ],
    [{ label: interview.isSecondChance ? 'Open your notes' : 'Open your lessons', url }],
  );
}

/** The "looking forward to it" note to the contact; its day is the contact's, in the interview's zone. */
function draftConfirmation(facts: Facts): DraftedConfirmation | null {
  const { interview, sentAt, userName } = facts;
  if (!interview.contactEmail && !interview.contactName) return null;
  const start = interview.scheduledStart;
  const day = describeDay(sentAt, start, interview.timeZone);
  const when =
    day === 'today' || day === 'tomorrow'
      ? `${day}, ${formatInterviewTime(start, interview.timeZone)}`
      : `on ${formatInterviewTime(start, interview.timeZone)}`;
  const how =
    interview.format === 'VIDEO'
      ? ', by video'
      : interview.format === 'PHONE'
        ? ', by phone'
        : interview.location?.trim()
          ? `, at ${interview.location.trim()}`
          : '';
  const role = interview.roundLabel
    ? `the ${interview.roleTitle} position (${interview.roundLabel})`
    : `the ${interview.roleTitle} position`;
  const subject = `Looking forward to our interview ${day === 'today' || day === 'tomorrow' ? day : when}`;
  const body = [
    interview.contactName ? `Dear ${interview.contactName},` : 'Hello,',
    `I am writing to confirm our interview for ${role} ${when}${how}.`,
    'Thank you for the opportunity; I am looking forward to it.',
    userName ? `Kind regards,\n${userName}` : 'Kind regards,',
  ].join('\n\n');
  const recipient = interview.contactEmail?.trim() || null;
  return { recipient, subject, body, mailto: recipient ? buildMailtoLink({ recipient, subject, body }) : null };
}

function describePlace({ interview }: Facts): string[] {
  const lines: string[] = [];
  if (interview.format === 'IN_PERSON' && interview.location?.trim()) {
    lines.push(`Where: ${interview.location.trim()}`, `Map: ${mapsSearchUrl(interview.location)}`);
  }
  if (interview.meetingUrl?.trim()) lines.push(`Join: ${interview.meetingUrl.trim()}`);
  return lines;
}

function placeLinks({ interview, links }: Facts): ReminderLink[] {
  return [
    interview.format === 'IN_PERSON' && interview.location?.trim()
      ? { label: 'Directions', url: mapsSearchUrl(interview.location) }
      : null,
    interview.meetingUrl?.trim() ? { label: 'Join', url: interview.meetingUrl.trim() } : null,
    interview.contactPhone?.trim() ? { label: 'Call', url: telHref(interview.contactPhone) } : null,
    links.runningLate ? { label: 'Running late', url: links.runningLate } : null,
    { label: 'Open in Rebound', url: links.open },
  ].filter((link): link is ReminderLink => link !== null);
}

function describeContact(interview: ReminderContentInterview): string | null {
  const parts = [interview.contactName, interview.contactPhone, interview.contactEmail]
    .map((part) => part?.trim())
    .filter(Boolean);
  return parts.length > 0 ? `Contact: ${parts.join(', ')}` : null;
}

function prepareLine(format: InterviewFormat): string {
  if (format === 'VIDEO') return 'Tonight: test the link, camera and microphone, and pick a quiet place.';
  if (format === 'PHONE') return 'Tonight: charge your phone and pick a quiet place with good signal.';
  return 'Tonight: check the route and the entrance, and have your documents ready.';
}

function finish(
  subject: string,
  lines: readonly (string | null | false | undefined)[],
  links: ReminderLink[],
  confirmation: DraftedConfirmation | null = null,
): ReminderContent {
  const body = lines.filter((line): line is string => typeof line === 'string' && line !== '').join('\n\n');
  const firstLine = body.split('\n')[0] ?? '';
  return { subject, body, push: { title: subject, body: firstLine }, links, confirmation };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
