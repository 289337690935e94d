import {
  type ChecklistItemId,
  MAX_EXPLANATION_WORDS,
  MAX_MESSAGE_WORDS,
  checkApologises,
  checkAsksToReschedule,
  checkDoesDifferently,
  checkMessage,
  checkNoBlame,
  checkReasonShort,
  checkTakesResponsibility,
  checkThanks,
  checkWordLimit,
  countWords,
  listRequiredItems,
} from '@/lib/domain/message-checklist';

const GOOD = `Dear Ms Patel,

I am so sorry that I missed our interview yesterday at 10:00. I know you and the panel set that time aside for me.

I misread the date in my calendar. That was my mistake, and I take full responsibility for it.

I am still very keen on the Data Analyst role. Would it be possible to reschedule at a time that suits you?

Thank you for your understanding.

Best wishes,
Sam Lee`;

const failing = (text: string): ChecklistItemId[] =>
  listRequiredItems(checkMessage(text))
    .filter((item) => !item.passed)
    .map((item) => item.id);

describe('checkMessage', () => {
  it('passes a short, sincere apology on every item', () => {
    const result = checkMessage(GOOD);
    expect(failing(GOOD)).toEqual([]);
    expect(result.allPassed).toBe(true);
    expect(result.items.map((item) => item.id)).toEqual([
      'apologises',
      'takes-responsibility',
      'reason-short',
      'asks-to-reschedule',
      'thanks',
      'word-limit',
      'no-blame',
      'does-differently',
    ]);
    for (const item of result.items) {
      expect(item.label.trim()).not.toBe('');
      expect(item.hint.trim()).not.toBe('');
    }
  });

  it('fails an empty text on everything that needs content', () => {
    expect(failing('')).toEqual(['apologises', 'takes-responsibility', 'asks-to-reschedule', 'thanks']);
    expect(checkMessage('').allPassed).toBe(false);
    expect(checkMessage('').wordCount).toBe(0);
  });

  it('fails an excuse-laden email on blame, responsibility and length of the reason', () => {
    const text = `Hi,

Sorry I wasn't there. The traffic was terrible and the bus driver told me the wrong stop, then your receptionist sent me to the wrong building, and by the time I had walked back across the whole business park in the rain it was already well past the start time and nobody answered the phone at the front desk when I rang. It wasn't my fault.

Can we reschedule? Thanks.`;
    expect(failing(text)).toEqual(['takes-responsibility', 'reason-short', 'no-blame']);
  });
});

describe('checkApologises', () => {
  it.each([
    'I am sorry I missed the interview.',
    'Please accept my apologies.',
    'I apologise for missing our meeting.',
    'I apologize for missing our meeting.',
    'I sincerely regret missing the interview.',
    'My apology for the inconvenience.',
  ])('passes %p', (text) => {
    expect(checkApologises(text).passed).toBe(true);
  });

  it('fails a message with no apology', () => {
    expect(checkApologises('I could not attend. Can we reschedule? Thanks.').passed).toBe(false);
  });
});

describe('checkTakesResponsibility', () => {
  it.each([
    'It was my mistake.',
    'I take full responsibility for missing it.',
    'I should have checked the time more carefully.',
    'I should’ve set a reminder.',
    'That is entirely on me.',
    'I am responsible for the mix-up.',
    'I overslept, which is my own fault.',
    'I misread the invitation.',
  ])('passes %p', (text) => {
    expect(checkTakesResponsibility(text).passed).toBe(true);
  });

  it('fails without first-person ownership', () => {
    expect(checkTakesResponsibility('Sorry I could not make it. Can we reschedule?').passed).toBe(false);
  });

  it('does not mistake a denial for ownership', () => {
    expect(checkTakesResponsibility('It wasn’t my fault, the system crashed.').passed).toBe(false);
    expect(checkTakesResponsibility('This was not really my mistake.').passed).toBe(false);
  });

  it('fails when blame is put on others even if ownership words appear, and names the phrase', () => {
    const result = checkTakesResponsibility('I take full responsibility, but your directions were hard to follow.');
    expect(result.passed).toBe(false);
    expect(result.hint).toContain('“your directions”');
  });

  it('fails on deflection to things beyond control', () => {
    expect(checkTakesResponsibility('I should have called. It was beyond my control.').passed).toBe(false);
  });
});

describe('checkReasonShort', () => {
  it('passes when there is no explanation at all', () => {
    expect(checkReasonShort('I am sorry I missed the interview. Could we reschedule?').passed).toBe(true);
  });

  it('passes one brief reason', () => {
    expect(
      checkReasonShort('I am sorry. My train was cancelled and I could not reach you in time. Could we reschedule?')
        .passed,
    ).toBe(true);
  });

  it(`fails when the sentences naming a cause add up to more than ${MAX_EXPLANATION_WORDS} words`, () => {
    const text =
      'I am sorry. My train was cancelled at the first station, so I waited for the next one for almost forty minutes. ' +
      'Then there was a signal failure because of the storm, and the replacement bus went the long way round through every village on the route. ' +
      'Could we reschedule?';
    const result = checkReasonShort(text);
    expect(result.passed).toBe(false);
    expect(result.hint).toMatch(/about \d+ words/);
  });

  it('sits exactly on the limit: 40 words pass, 41 fail', () => {
    const sentence = (words: number) => `Because ${Array.from({ length: words - 1 }, () => 'delay').join(' ')}.`;
    expect(countWords(sentence(40))).toBe(40);
    expect(checkReasonShort(`Sorry. ${sentence(40)}`).passed).toBe(true);
    expect(checkReasonShort(`Sorry. ${sentence(41)}`).passed).toBe(false);
  });

  it('does not count sentences that name no cause, however long', () => {
    const warm =
      'I remain very interested in the role and in the work your team is doing on the new platform, which I have followed closely for a long time and admire greatly for its ambition and care for its users and its many contributors.';
    expect(countWords(warm)).toBeGreaterThan(MAX_EXPLANATION_WORDS);
    expect(checkReasonShort(warm).passed).toBe(true);
  });
});

describe('checkAsksToReschedule', () => {
  it.each([
    'Would it be possible to reschedule?',
    'Could we find another time that suits you?',
    'I would be grateful for a new time.',
    'Is there any way to rearrange the interview?',
    'Could we re-schedule for next week?',
  ])('passes %p', (text) => {
    expect(checkAsksToReschedule(text).passed).toBe(true);
  });

  it('fails a message that only apologises', () => {
    expect(checkAsksToReschedule('I am sorry I missed it. It was my mistake. Thank you.').passed).toBe(false);
  });
});

describe('checkThanks', () => {
  it('passes "thank you" and "thanks", fails without them', () => {
    expect(checkThanks('Thank you for your time.').passed).toBe(true);
    expect(checkThanks('Many thanks, Sam').passed).toBe(true);
    expect(checkThanks('I look forward to hearing from you.').passed).toBe(false);
  });
});

describe('checkWordLimit and countWords', () => {
  it('counts words, not punctuation or dashes', () => {
    expect(countWords('Dear Ms Patel,\n\nI am sorry – truly.')).toBe(7);
    expect(countWords('   ')).toBe(0);
    expect(countWords("I'm re-scheduling 10:00")).toBe(3);
  });

  it(`passes at ${MAX_MESSAGE_WORDS} words and fails above`, () => {
    const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ');
    expect(checkWordLimit(words(MAX_MESSAGE_WORDS)).passed).toBe(true);
    expect(checkWordLimit(words(MAX_MESSAGE_WORDS + 1)).passed).toBe(false);
    expect(checkWordLimit(words(MAX_MESSAGE_WORDS + 1)).hint).toContain(`${MAX_MESSAGE_WORDS + 1} words`);
  });

  it('fails a long apology in checkMessage', () => {
    const long = `${GOOD}\n\n${'I really want to stress how much this opportunity means to me. '.repeat(15)}`;
    expect(failing(long)).toEqual(['word-limit']);
  });
});

describe('checkNoBlame', () => {
  it.each([
    ['Your receptionist did not let me in.', 'your receptionist'],
    ['The traffic was terrible and I was stuck for an hour.', 'the traffic was terrible'],
    ["Honestly, it wasn't my fault.", "n't my fault"],
    ['I followed your directions exactly.', 'your directions'],
    ['The recruiter didn’t send me the address.', "the recruiter didn't"],
    ['You never confirmed the time.', 'you never confirmed'],
    ['The invitation was confusing.', 'the invitation was confusing'],
  ])('fails %p', (text, phrase) => {
    const result = checkNoBlame(text);
    expect(result.passed).toBe(false);
    expect(result.hint).toContain(`“${phrase}”`);
  });

  it('passes a message that keeps to the candidate’s own part, including neutral mentions of others', () => {
    expect(checkNoBlame(GOOD).passed).toBe(true);
    expect(checkNoBlame('Thank you for your email and for your team’s time. My train was cancelled.').passed).toBe(
      true,
    );
  });
});

describe('checkDoesDifferently (optional)', () => {
  it('is offered as advice and never required: an apology without it is complete', () => {
    const result = checkMessage(GOOD);
    const item = result.items.find((entry) => entry.id === 'does-differently');
    expect(item).toMatchObject({ passed: false, isOptional: true });
    expect(item?.label).toMatch(/optional/i);
    expect(result.allPassed).toBe(true);
    expect(listRequiredItems(result).map((entry) => entry.id)).not.toContain('does-differently');
  });

  it.each([
    'From now on I plan every journey with time to spare.',
    'Next time I will leave an hour earlier.',
    'I have since set two reminders for every interview.',
    'In future I’ll double-check the time zone on every invitation.',
    'It will not happen again.',
  ])('passes “%s”', (line) => {
    expect(checkDoesDifferently(`${GOOD}\n\n${line}`).passed).toBe(true);
  });

  it('does not take a plain request about the future for a change of habit', () => {
    expect(
      checkDoesDifferently('Would it be possible to reschedule at a time that suits you? I will be available all week.')
        .passed,
    ).toBe(false);
  });
});
