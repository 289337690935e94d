import fc from 'fast-check';
import { type CheckedDraftKind, checkDraft } from '@/lib/domain/message-checklist';
import { draftMessage, type MessageFacts, type MissReason } from '@/lib/domain/message-templates';

// The drafts the flow hands the candidate must stay good advice whatever is unknown about the
// interview: every fact may be missing (null, undefined, empty, or unusable like a bad zone or
// an invalid date), in any combination, and the draft still passes its own checklist.

const RUNS = 500;

const REASONS: MissReason[] = [
  'TRAFFIC_TRANSPORT',
  'EMERGENCY',
  'ILLNESS',
  'SCHEDULE_MIXUP',
  'TIMEZONE_ERROR',
  'FORGOT',
  'TECHNICAL_PROBLEM',
  'OTHER',
];

const missing = fc.constantFrom(null, undefined, '', '   ', 'undefined');
const maybe = <T>(present: fc.Arbitrary<T>) => fc.oneof(present, missing);
const maybeDate = fc.oneof(
  fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
  fc.constantFrom(null, undefined, new Date(Number.NaN)),
);

// Realistic explanations, from none to one long enough to be cut down to a sentence.
const explanations = fc.constantFrom(
  null,
  undefined,
  '',
  'My train was cancelled.',
  'I wrote the wrong date in my calendar',
  'I had a fever overnight and slept through my alarm. I then called but nobody answered.',
  'The connection dropped and my laptop would not restart, so I could not join the call, and by the time the replacement arrived from my neighbour the slot had long passed and the meeting was over.',
);

const facts: fc.Arbitrary<MessageFacts> = fc.record({
  kind: fc.constantFrom('MISSED' as const, 'RUNNING_LATE' as const),
  candidateName: maybe(fc.constantFrom('Sam Carter', 'Alexandra Montgomery-Whitfield')),
  contactName: maybe(fc.constantFrom('Priya Shah', 'Dr. Jean-Baptiste Okonkwo')),
  company: maybe(fc.constantFrom('Acme', 'Northwind Traders International')),
  roleTitle: maybe(fc.constantFrom('Engineer', 'Senior Backend Platform Engineer')),
  roundLabel: maybe(fc.constantFrom('First round', 'Final panel with the leadership team')),
  scheduledStart: maybeDate,
  timeZone: fc.constantFrom(null, undefined, '', 'Europe/London', 'America/St_Johns', 'Not/AZone'),
  format: fc.constantFrom(null, undefined, 'IN_PERSON' as const, 'VIDEO' as const, 'PHONE' as const),
  reason: fc.oneof(fc.constantFrom(...REASONS), fc.constantFrom(null, undefined)),
  explanation: explanations,
  employerWarned: fc.constantFrom(null, undefined, true, false),
  newStart: maybeDate,
  location: maybe(fc.constant('1 Canada Square, London')),
});

const KINDS: CheckedDraftKind[] = ['APOLOGY', 'CALL_SCRIPT', 'RESCHEDULE_REQUEST'];

describe.each(KINDS)('the %s draft with any facts missing', (kind) => {
  it('passes every item of its checklist', () => {
    fc.assert(
      fc.property(facts, (given) => {
        const { body } = draftMessage(kind, given);
        const failed = checkDraft(kind, body)
          .items.filter((item) => !item.passed)
          .map((item) => item.id);
        expect(failed).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('checkDraft', () => {
  it('fails a draft that leaves out what its kind must say', () => {
    expect(checkDraft('APOLOGY', 'Hello, can we meet another time? Thanks.').allPassed).toBe(false);
    expect(
      checkDraft('RESCHEDULE_REQUEST', 'Hello, I am sorry. Kind regards.')
        .items.filter((item) => !item.passed)
        .map((item) => item.id),
    ).toEqual(['asks-to-reschedule', 'thanks']);
    expect(
      checkDraft('CALL_SCRIPT', 'Hello, I could not make it. Could we reschedule? Thank you.')
        .items.filter((item) => !item.passed)
        .map((item) => item.id),
    ).toEqual(['apologises', 'takes-responsibility']);
  });
});
