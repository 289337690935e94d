// The live checklist beside the apology editor. Each check is a plain heuristic over the text:
// good enough to nudge a writer, never a gate on sending. The rules follow the advice the flow
// is built on: apologise, own it, keep the reason brief, ask to reschedule, thank them. One
// item is a suggestion only (saying what you will do differently): it never counts against
// the message, so an apology without it is still complete.

export const MAX_MESSAGE_WORDS = 180;
export const MAX_EXPLANATION_WORDS = 40;

export type ChecklistItemId =
  | 'apologises'
  | 'takes-responsibility'
  | 'reason-short'
  | 'asks-to-reschedule'
  | 'thanks'
  | 'word-limit'
  | 'no-blame'
  | 'does-differently';

/** An optional item is offered as advice; allPassed and the count of required items ignore it. */
export type ChecklistItem = { id: ChecklistItemId; label: string; passed: boolean; hint: string; isOptional?: boolean };

export type ChecklistResult = { items: ChecklistItem[]; allPassed: boolean; wordCount: number };

// Curly apostrophes come from phones and word processors; the patterns are written with ASCII.
function normalise(text: string): string {
  return text.replace(/[‘’ʼ]/g, "'").toLowerCase();
}

/** Words are whitespace-separated tokens with at least one letter or digit, so dashes do not count. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

function findMatches(text: string, patterns: readonly RegExp[]): string[] {
  return patterns.flatMap((pattern) => text.match(pattern)?.[0] ?? []);
}

const APOLOGY = /\b(sorry|apologi[sz](e|es|ed|ing)|apolog(y|ies)|regret(s|ted)?)\b/;

const OWNERSHIP: readonly RegExp[] = [
  /\bmy (own )?(mistake|fault|error|responsibility|oversight)\b/,
  /\bi (take|accept) (full |complete |total )?responsibility\b/,
  /\bi should(n't)? have\b/,
  /\bi should've\b/,
  /\bi('m| am) (fully |entirely )?responsible\b/,
  /\b(that|this|it) (is|was)( entirely)? on me\b/,
  /\bi (misread|mixed up|forgot|overslept|misjudged|underestimated|failed to|did not (allow|plan|check|leave)|didn't (allow|plan|check|leave))\b/,
];

// "It wasn't my fault" contains "my fault"; the negated forms are removed before looking for ownership.
const NEGATED_OWNERSHIP = /(\bnot|n't|\bnever)\s+(\w+\s+)?my (own )?(mistake|fault|error|responsibility)\b/g;

// Putting it down to forces nobody controls is not blame on others, but it is not ownership either.
const DEFLECTION: readonly RegExp[] = [
  /\b(beyond|out of) my control\b/,
  /\bout of my hands\b/,
  /\bnothing i could (have )?do(ne)?\b/,
];

const BLAME: readonly RegExp[] = [
  /\byour (receptionist|front desk|reception|security( guard| desk)?|directions|recruiter|recruiting team|scheduler|scheduling system|booking system|parking|building)\b/,
  /(\bnot|n't) (really |entirely |exactly )?my fault\b/,
  /\b(through )?no fault of (my own|mine)\b/,
  /\bthe (recruiter|receptionist|agency|hiring manager|interviewer|coordinator|organi[sz]er|driver|taxi driver|bus driver)('s)? (didn't|did not|never|failed|forgot|gave me|sent me|told me)\b/,
  /\b(the )?(traffic|trains?|bus(es)?|transport|roads?|weather) (was|were|is|are) (terrible|awful|horrendous|a nightmare|ridiculous|a joke|appalling|dreadful|chaotic|unbelievable)\b/,
  /\byou (didn't|did not|never|failed to|forgot to) (tell|told|send|sent|confirm(ed)?|give|gave|remind(ed)?|mention(ed)?|let|inform(ed)?|reply|replied|answer(ed)?)\b/,
  /\b(your|the) (email|invite|invitation|calendar invite|instructions|link|website|address) (was|were) (unclear|confusing|wrong|misleading|incorrect|broken)\b/,
  /\bthe fault (lies |lay |was )?(with|of) (the|your)\b/,
  /\bblame (the|your|it on)\b/,
];

// A sentence counts as explanation when it names a cause. This misses causes told without any
// of these words, which is acceptable: the check exists to catch long excuses, and those name
// their causes.
const CAUSE =
  /\b(because|due to|owing to|as a result|caused by|on account of|unfortunately|delay(s|ed)?|cancell?ed|broke down|breakdown|stuck|traffic|trains?|bus(es)?|flights?|car|roads?|weather|snow|storm|strike|accident|ill|illness|sick|unwell|emergency|hospital|doctor|mix-up|mixed up|confused|confusion|time ?zone|forgot|overslept|alarm|internet|connection|power cut|laptop|misread|double-booked|family)\b/;

const RESCHEDULE =
  /\b(re-?schedul\w*|re-?arrang\w*|another (time|date|day|slot|opportunity|chance)|new (time|date|slot)|other (times?|dates?|slots?)|alternative (times?|dates?|slots?))\b/;

const THANKS = /\bthank/;

// A promise about the future in the writer's own words: "from now on I…", "next time I will…".
const DOES_DIFFERENTLY: readonly RegExp[] = [
  /\b(from now on|in (the )?future|next time|going forward|from here on|in the days ahead)\b/,
  /\bi (will|'ll) (now |always |make sure|double-check|set|leave|allow|plan|check|test|build in)/,
  /\bi (now|have since) (set|plan|check|leave|allow|test|keep|use|add)/,
  /\b(won't|will not|never) happen again\b/,
];

export function checkApologises(text: string): ChecklistItem {
  return {
    id: 'apologises',
    label: 'Apologises',
    passed: APOLOGY.test(normalise(text)),
    hint: 'Say sorry plainly, once, near the start: “I am sorry that I missed the interview.”',
  };
}

export function checkTakesResponsibility(text: string): ChecklistItem {
  const normalised = normalise(text);
  const excuses = [...findMatches(normalised, BLAME), ...findMatches(normalised, DEFLECTION)];
  const owns = OWNERSHIP.some((pattern) => pattern.test(normalised.replace(NEGATED_OWNERSHIP, '')));
  const passed = owns && excuses.length === 0;
  const hint =
    excuses.length > 0
      ? `“${excuses[0]}” points away from you. Own what you could have done differently instead.`
      : 'Own it in your own words: “It was my mistake”, “I take full responsibility” or “I should have …”.';
  return { id: 'takes-responsibility', label: 'Takes responsibility', passed, hint };
}

/** Rule: the sentences that name a cause (see CAUSE) add up to at most MAX_EXPLANATION_WORDS words. */
export function checkReasonShort(text: string): ChecklistItem {
  const explanationWords = splitSentences(text)
    .filter((sentence) => CAUSE.test(normalise(sentence)))
    .reduce((total, sentence) => total + countWords(sentence), 0);
  const passed = explanationWords <= MAX_EXPLANATION_WORDS;
  return {
    id: 'reason-short',
    label: 'Reason kept short',
    passed,
    hint: passed
      ? `Keep any explanation to a sentence or two (${MAX_EXPLANATION_WORDS} words at most); the apology matters more than the excuse.`
      : `The explanation runs to about ${explanationWords} words. Cut it to a sentence or two (${MAX_EXPLANATION_WORDS} words at most); the apology matters more than the excuse.`,
  };
}

export function checkAsksToReschedule(text: string): ChecklistItem {
  return {
    id: 'asks-to-reschedule',
    label: 'Asks to reschedule',
    passed: RESCHEDULE.test(normalise(text)),
    hint: 'Ask politely for another time: “Would it be possible to reschedule at a time that suits you?”',
  };
}

export function checkThanks(text: string): ChecklistItem {
  return {
    id: 'thanks',
    label: 'Thanks them',
    passed: THANKS.test(normalise(text)),
    hint: 'Thank them for their time and for considering your request.',
  };
}

export function checkWordLimit(text: string): ChecklistItem {
  const words = countWords(text);
  return {
    id: 'word-limit',
    label: `Under ${MAX_MESSAGE_WORDS} words`,
    passed: words <= MAX_MESSAGE_WORDS,
    hint: `${words} words now. A short, personal message reads as sincere; aim for ${MAX_MESSAGE_WORDS} or fewer.`,
  };
}

export function checkNoBlame(text: string): ChecklistItem {
  const blame = findMatches(normalise(text), BLAME);
  return {
    id: 'no-blame',
    label: 'No blame on others',
    passed: blame.length === 0,
    hint:
      blame.length > 0
        ? `Leave out “${blame[0]}”: blaming someone else undoes the apology.`
        : 'Keep it about what you will do; do not point at anyone else.',
  };
}

export function checkDoesDifferently(text: string): ChecklistItem {
  const normalised = normalise(text);
  return {
    id: 'does-differently',
    label: 'What you will do differently (optional)',
    passed: DOES_DIFFERENTLY.some((pattern) => pattern.test(normalised)),
    hint: 'If it fits, one short line on what you have changed: “From now on I plan every journey with time to spare.” Leave it out rather than make it long.',
    isOptional: true,
  };
}

/** The items a message must pass; the optional ones are advice on top. */
export function listRequiredItems(result: ChecklistResult): ChecklistItem[] {
  return result.items.filter((item) => !item.isOptional);
}

export function checkMessage(text: string): ChecklistResult {
  const items = [
    checkApologises(text),
    checkTakesResponsibility(text),
    checkReasonShort(text),
    checkAsksToReschedule(text),
    checkThanks(text),
    checkWordLimit(text),
    checkNoBlame(text),
    checkDoesDifferently(text),
  ];
  return { items, allPassed: items.every((item) => item.isOptional || item.passed), wordCount: countWords(text) };
}

/** The drafts the flow writes to be said or sent as a request, each with the checks it must pass. */
export type CheckedDraftKind = 'APOLOGY' | 'RESCHEDULE_REQUEST' | 'CALL_SCRIPT';

// The apology passes every required item. The reschedule letter follows an apology already
// made, so it repeats the sorry and the request but need not take responsibility again; the
// call script carries guidance around the spoken lines, so a word count says nothing about it.
const DRAFT_CHECKS: Record<CheckedDraftKind, readonly ChecklistItemId[]> = {
  APOLOGY: [
    'apologises',
    'takes-responsibility',
    'reason-short',
    'asks-to-reschedule',
    'thanks',
    'word-limit',
    'no-blame',
  ],
  RESCHEDULE_REQUEST: ['apologises', 'reason-short', 'asks-to-reschedule', 'thanks', 'word-limit', 'no-blame'],
  CALL_SCRIPT: ['apologises', 'takes-responsibility', 'reason-short', 'asks-to-reschedule', 'thanks', 'no-blame'],
};

/** The checklist of one kind of draft: only the items that apply to it, all of them required. */
export function checkDraft(kind: CheckedDraftKind, text: string): ChecklistResult {
  const applies = DRAFT_CHECKS[kind];
  const items = checkMessage(text).items.filter((item) => applies.includes(item.id));
  return { items, allPassed: items.every((item) => item.passed), wordCount: countWords(text) };
}
