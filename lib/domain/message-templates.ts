// Deterministic drafts for every message the recovery flow offers. Same facts, same text: the
// drafts are stored as revisions and compared in tests. Every draft is checked for leftover
// placeholders before it leaves this module, so a user never sees "Dear undefined".

import {
  type CleanFacts,
  type DraftedMessage,
  type MessageFacts,
  type MissReason,
  assertNoPlaceholders,
  cleanFacts,
  describeCompany,
  describeInterview,
  describeOpportunity,
  describeRole,
  formatInterviewTime,
  joinParagraphs,
  writeGreeting,
  writeResponsibility,
  writeSignOff,
} from './message-facts';
import { draftNoShowCheckIn } from './employer-no-show';
import { draftCallScript, draftPrepNote } from './message-scripts';

export {
  type DraftedMessage,
  type MessageFacts,
  type MissReason,
  PlaceholderLeakError,
  assertNoPlaceholders,
  findPlaceholders,
  summariseExplanation,
  formatInterviewTime,
} from './message-facts';

export const messageKinds = [
  'CALL_SCRIPT',
  'APOLOGY',
  'RESCHEDULE_REQUEST',
  'FOLLOW_UP',
  'THANK_YOU_ACCEPTED',
  'THANK_YOU_DECLINED',
  'PREP_NOTE',
  'NO_SHOW_CHECK_IN',
] as const;

export type MessageKind = (typeof messageKinds)[number];

function writeApologyOpening(facts: CleanFacts): string {
  const interview = describeInterview(facts);
  if (facts.kind === 'RUNNING_LATE') {
    return facts.employerWarned
      ? `Following my call, I want to apologise again for not being able to arrive on time for ${interview}. I am sorry for the disruption to your schedule.`
      : `I am sorry that I was unable to arrive on time for ${interview}, and for the disruption this caused to your schedule.`;
  }
  return facts.employerWarned
    ? `As I let you know beforehand, I was unable to attend ${interview}. I am sorry for the inconvenience this caused to you and your colleagues, who had set that time aside for me.`
    : `I am sorry that I missed ${interview}. I know that you and your colleagues set that time aside for me, and I regret the inconvenience this caused.`;
}

// One short line on the habit that changed, where the cause has an obvious one. Illness, an
// emergency or an unnamed cause get none: a promise there would ring hollow.
const changeLines: Partial<Record<MissReason, string>> = {
  TRAFFIC_TRANSPORT: 'From now on I plan every journey with time to spare.',
  SCHEDULE_MIXUP: 'From now on I check every invitation against my calendar.',
  TIMEZONE_ERROR: 'From now on I confirm every interview time against the invitation.',
  FORGOT: 'I now set two reminders for every interview.',
  TECHNICAL_PROBLEM: 'From now on I test my equipment the day before.',
};

function draftApology(facts: CleanFacts): DraftedMessage {
  const role = facts.roleTitle;
  return {
    subject: role
      ? `Apology and request to reschedule: ${role} interview`
      : 'Apology and request to reschedule my interview',
    body: joinParagraphs([
      writeGreeting(facts),
      writeApologyOpening(facts),
      [facts.reasonSentence, writeResponsibility(facts), facts.reason ? changeLines[facts.reason] : null]
        .filter(Boolean)
        .join(' '),
      `I remain very interested in ${describeRole(facts) ?? 'this opportunity'} and would be grateful for the chance to reschedule at a time that suits you. I will make myself available whenever is convenient.`,
      'Thank you for your understanding and for considering my request.',
      writeSignOff(facts),
    ]),
  };
}

function draftRescheduleRequest(facts: CleanFacts): DraftedMessage {
  const role = facts.roleTitle;
  return {
    subject: role ? `Request to reschedule: ${role} interview` : 'Request to reschedule my interview',
    body: joinParagraphs([
      writeGreeting(facts),
      `I am writing to ask whether it would be possible to reschedule ${describeInterview(facts)}.`,
      `I am sorry again for the disruption to your schedule. I am very interested in ${describeRole(facts) ?? 'the role'} and can fit around whichever times suit you best.`,
      'Thank you for considering my request.',
      writeSignOff(facts),
    ]),
  };
}

function draftFollowUp(facts: CleanFacts): DraftedMessage {
  const role = facts.roleTitle;
  if (facts.kind === 'EMPLOYER_NO_SHOW') return draftNoShowFollowUp(facts);
  return {
    subject: role ? `Following up: rescheduling my ${role} interview` : 'Following up on my request to reschedule',
    body: joinParagraphs([
      writeGreeting(facts),
      `I am following up on my recent message asking to reschedule ${describeInterview(facts)}.`,
      'I understand that you are busy, and I do not want to press. If there is still a chance to meet, I would be glad to fit around your schedule.',
      'Thank you for your time and consideration.',
      writeSignOff(facts),
    ]),
  };
}

// After an employer's no-show: no reference to what went wrong, only the wish to meet.
function draftNoShowFollowUp(facts: CleanFacts): DraftedMessage {
  const role = facts.roleTitle;
  return {
    subject: role ? `Following up: our ${role} interview` : 'Following up on our interview',
    body: joinParagraphs([
      writeGreeting(facts),
      `I am following up on my note about ${describeInterview(facts).replace(/^my /, 'our ')}.`,
      'I remain very interested and would be glad to find a new time that suits you, whenever is convenient.',
      'Thank you for your time.',
      writeSignOff(facts),
    ]),
  };
}

function draftThankYouAccepted(facts: CleanFacts): DraftedMessage {
  const newTime = facts.newStart ? formatInterviewTime(facts.newStart, facts.timeZone) : null;
  const confirmation = newTime
    ? `I confirm the new time: ${newTime}${facts.location ? `, at ${facts.location}` : ''}. I look forward to speaking with you.`
    : 'I look forward to receiving the details of the new time and to speaking with you.';
  return {
    subject: newTime ? `Thank you for the second chance: ${newTime}` : 'Thank you for the second chance',
    body: joinParagraphs([
      writeGreeting(facts),
      `Thank you for giving me a second chance to interview ${describeOpportunity(facts)}. I appreciate it.`,
      confirmation,
      writeSignOff(facts),
    ]),
  };
}

// A refusal is final: one more apology, thanks, and no further request of any kind.
function draftThankYouDeclined(facts: CleanFacts): DraftedMessage {
  const whatHappened = facts.kind === 'RUNNING_LATE' ? 'not being able to attend as planned' : 'missing the interview';
  const company = facts.company ? `everyone at ${facts.company}` : describeCompany(facts);
  return {
    subject: 'Thank you for your consideration',
    body: joinParagraphs([
      writeGreeting(facts),
      `Thank you for letting me know your decision. I understand it, and I apologise once more for ${whatHappened} and for the inconvenience it caused.`,
      `Thank you for your consideration. I wish you and ${company} all the best.`,
      writeSignOff(facts),
    ]),
  };
}

const builders: Record<MessageKind, (facts: CleanFacts) => DraftedMessage> = {
  CALL_SCRIPT: draftCallScript,
  APOLOGY: draftApology,
  RESCHEDULE_REQUEST: draftRescheduleRequest,
  FOLLOW_UP: draftFollowUp,
  THANK_YOU_ACCEPTED: draftThankYouAccepted,
  THANK_YOU_DECLINED: draftThankYouDeclined,
  PREP_NOTE: draftPrepNote,
  NO_SHOW_CHECK_IN: draftNoShowCheckIn,
};

/** The draft for `kind` built from whatever facts are known; throws only on a template bug. */
export function draftMessage(kind: MessageKind, facts: MessageFacts): DraftedMessage {
  const drafted = builders[kind](cleanFacts(facts));
  if (drafted.subject !== null) {
    // Facts are flattened to one line, so a break here would be a template bug (header injection).
    if (/[\r\n]/.test(drafted.subject)) throw new Error(`The ${kind} subject contains a line break.`);
    assertNoPlaceholders(drafted.subject);
  }
  assertNoPlaceholders(drafted.body);
  return drafted;
}
