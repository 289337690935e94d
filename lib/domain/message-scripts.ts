// The two texts the candidate reads rather than sends: the phone script and the note for the
// second-chance interview. Lines in quotes are said aloud; the rest is guidance.

import {
  type CleanFacts,
  type DraftedMessage,
  type MissReason,
  describeInterview,
  describeRole,
  formatInterviewTime,
  joinParagraphs,
  writeResponsibility,
} from './message-facts';

function writeIntroduction(facts: CleanFacts): string {
  const name = facts.candidateName ? `Hello, my name is ${facts.candidateName}.` : 'Hello.';
  const contact = facts.contactName
    ? `Could I speak to ${facts.contactName}, please?`
    : 'Could I speak to the person who arranged the interview, please?';
  return `“${name} I am calling about ${describeInterview(facts)}. ${contact}”`;
}

function writeReasonLine(facts: CleanFacts): string {
  const responsibility = writeResponsibility(facts);
  return facts.reasonSentence
    ? `If they ask what happened: “${facts.reasonSentence} ${responsibility}”`
    : `If they ask what happened: give one short, honest sentence, then add “${responsibility}”`;
}

function draftMissedCallScript(facts: CleanFacts): string {
  return joinParagraphs([
    'Call as soon as you can. Stay calm, keep it short, and have your calendar open so you can offer times.',
    writeIntroduction(facts),
    '“I could not make it to the interview, and I want to apologise sincerely. I know you set that time aside for me.”',
    writeReasonLine(facts),
    `“I am still very interested in ${describeRole(facts) ?? 'the role'}. Would it be possible to reschedule at a time that suits you?”`,
    '“Thank you for your time.”',
    'Voicemail: leave your name, your phone number, the apology and the request to reschedule, then send the email.',
  ]);
}

// Calling ahead beats arriving late and flustered; the offer to reschedule comes first so the
// team can decide what suits their day.
function draftRunningLateCallScript(facts: CleanFacts): string {
  return joinParagraphs([
    'Call now, before the start time. Do not simply turn up late.',
    writeIntroduction(facts),
    // No "because" here: the reason comes once, in its own short line, if they ask.
    '“I am calling ahead to let you know that I am going to be late, and I am very sorry.”',
    writeReasonLine(facts),
    '“I do not want to keep anyone waiting or arrive in a rush. Would you prefer to reschedule to another time that suits you, or should I come as soon as I can?”',
    '“Thank you for understanding.”',
    'Voicemail: leave your name, your phone number, how late you will be and the offer to reschedule, then send the email.',
  ]);
}

export function draftCallScript(facts: CleanFacts): DraftedMessage {
  return {
    subject: null,
    body: facts.kind === 'RUNNING_LATE' ? draftRunningLateCallScript(facts) : draftMissedCallScript(facts),
  };
}

// One habit per cause, phrased as preparation for this interview; none of them looks back.
const reasonTips: Partial<Record<MissReason, string>> = {
  TRAFFIC_TRANSPORT: 'Have a backup route and check for delays before you set off.',
  SCHEDULE_MIXUP: 'Check the date and time against the invitation and set two reminders.',
  TIMEZONE_ERROR: 'Check the time in the interview’s time zone against your own calendar and set two reminders.',
  FORGOT: 'Set two reminders: the day before and two hours before.',
  TECHNICAL_PROBLEM: 'Test your equipment the day before and keep a phone number to call if something fails.',
};

function writeFormatItems(facts: CleanFacts): string[] {
  // No time of its own: a note drafted today would keep a time that later edits and lessons change.
  const leaveBy =
    'Leave at the leave-by time on the interview’s page: it counts travel, your buffer, any extra your lessons ask for and 15 minutes to spare.';
  switch (facts.format) {
    case 'VIDEO':
      return ['Be ready at least 15 minutes early: link opened, camera and microphone tested, notifications off.'];
    case 'PHONE':
      return ['Be ready at least 15 minutes early, somewhere quiet, with your phone charged.'];
    case 'IN_PERSON':
      return [
        'Arrive at least 15 minutes early.',
        leaveBy,
        'Plan the route with extra time for delays.',
        'Visit the place beforehand, or study the route and entrance in detail, so you know exactly where to go.',
      ];
    default:
      return [
        'Arrive (or be ready) at least 15 minutes early.',
        leaveBy,
        'Plan the route with extra time for delays.',
        'If it is in person, visit the place beforehand so you know exactly where to go.',
      ];
  }
}

export function draftPrepNote(facts: CleanFacts): DraftedMessage {
  const role = describeRole(facts);
  const title = `Your next interview${role ? ` for ${role}` : ''}${facts.company ? ` at ${facts.company}` : ''}`;
  const when = facts.newStart ? `When: ${formatInterviewTime(facts.newStart, facts.timeZone)}` : null;
  const where = facts.location ? `Where: ${facts.location}` : null;
  const reasonTip = facts.reason ? reasonTips[facts.reason] : undefined;
  // After the employer's no-show the round is prepared like any other: nothing looks back.
  const items = (
    facts.kind === 'EMPLOYER_NO_SHOW'
      ? [...writeFormatItems(facts), 'Keep the conversation on the role and what you bring.']
      : [
          ...writeFormatItems(facts),
          reasonTip,
          'Thank them for the opportunity when you start.',
          // The second chance is about the future; going over the past again only undoes the apology.
          'There is no need to go over what happened before: keep the conversation on the role and what you bring. They made time for you again because they are interested.',
        ]
  ).filter((item): item is string => typeof item === 'string');
  return {
    subject: null,
    body: joinParagraphs([
      [title, when, where].filter(Boolean).join('\n'),
      items.map((item) => `- ${item}`).join('\n'),
    ]),
  };
}
