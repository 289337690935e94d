import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  INTERVIEW_STATUSES,
  INTERVIEW_STATUS_LABELS,
  InvalidTransitionError,
  allowedTransitions,
  assertTransition,
  canTransition,
  isFinalStatus,
  isInterviewStatus,
  type InterviewStatus,
} from '@/lib/domain/interview-status';

function readPrismaEnum(name: string): string[] {
  const schema = readFileSync(path.join(__dirname, '../../prisma/schema.prisma'), 'utf8');
  const block = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema);
  if (!block?.[1]) throw new Error(`enum ${name} not found in schema.prisma`);
  return block[1]
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .filter(Boolean);
}

// Written out independently of the implementation so a change to the table has to be deliberate.
const EXPECTED_ALLOWED: ReadonlyArray<[InterviewStatus, InterviewStatus]> = [
  ['SCHEDULED', 'COMPLETED'],
  ['SCHEDULED', 'MISSED'],
  ['SCHEDULED', 'RESCHEDULED'],
  ['SCHEDULED', 'CANCELLED'],
  ['SCHEDULED', 'WITHDRAWN'],
  ['MISSED', 'RESCHEDULED'],
  ['MISSED', 'COMPLETED'],
  ['COMPLETED', 'MISSED'],
];

const allPairs = INTERVIEW_STATUSES.flatMap((from) => INTERVIEW_STATUSES.map((to) => [from, to] as const));

describe('interview statuses', () => {
  it('match the InterviewStatus enum in the Prisma schema, in order', () => {
    expect([...INTERVIEW_STATUSES]).toEqual(readPrismaEnum('InterviewStatus'));
  });

  it('each have a distinct, capitalised human label', () => {
    const labels = INTERVIEW_STATUSES.map((status) => INTERVIEW_STATUS_LABELS[status]);
    expect(labels).toEqual(['Scheduled', 'Completed', 'Missed', 'Rescheduled', 'Cancelled', 'Withdrawn']);
    expect(new Set(labels).size).toBe(INTERVIEW_STATUSES.length);
  });

  it('recognises only exact status values', () => {
    expect(isInterviewStatus('MISSED')).toBe(true);
    expect(isInterviewStatus('missed')).toBe(false);
    expect(isInterviewStatus('NO_SHOW')).toBe(false);
    expect(isInterviewStatus(undefined)).toBe(false);
    expect(isInterviewStatus(3)).toBe(false);
  });
});

describe('canTransition', () => {
  it.each(allPairs)('%s → %s follows the documented table', (from, to) => {
    const expected = EXPECTED_ALLOWED.some(([a, b]) => a === from && b === to);
    expect(canTransition(from, to)).toBe(expected);
  });

  it('never allows staying in the same status', () => {
    for (const status of INTERVIEW_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('never leads back to SCHEDULED', () => {
    for (const status of INTERVIEW_STATUSES) expect(canTransition(status, 'SCHEDULED')).toBe(false);
  });

  it('lets a wrong check-in answer be corrected in both directions', () => {
    expect(canTransition('COMPLETED', 'MISSED')).toBe(true);
    expect(canTransition('MISSED', 'COMPLETED')).toBe(true);
  });
});

describe('allowedTransitions', () => {
  it('offers every outcome from SCHEDULED', () => {
    expect([...allowedTransitions('SCHEDULED')].sort()).toEqual(
      ['CANCELLED', 'COMPLETED', 'MISSED', 'RESCHEDULED', 'WITHDRAWN'].sort(),
    );
  });

  it('offers a new slot or a correction after a miss', () => {
    expect([...allowedTransitions('MISSED')].sort()).toEqual(['COMPLETED', 'RESCHEDULED']);
  });

  it.each(['RESCHEDULED', 'CANCELLED', 'WITHDRAWN'] as const)('offers nothing from %s', (status) => {
    expect(allowedTransitions(status)).toEqual([]);
    expect(isFinalStatus(status)).toBe(true);
  });

  it('does not treat correctable outcomes as final', () => {
    expect(isFinalStatus('COMPLETED')).toBe(false);
    expect(isFinalStatus('MISSED')).toBe(false);
    expect(isFinalStatus('SCHEDULED')).toBe(false);
  });

  it('agrees with canTransition for every pair', () => {
    for (const [from, to] of allPairs) {
      expect(allowedTransitions(from).includes(to)).toBe(canTransition(from, to));
    }
  });
});

describe('assertTransition', () => {
  it('returns quietly for an allowed move', () => {
    expect(() => assertTransition('SCHEDULED', 'MISSED')).not.toThrow();
    expect(() => assertTransition('MISSED', 'RESCHEDULED')).not.toThrow();
  });

  it('throws a typed error carrying both statuses', () => {
    let caught: unknown;
    try {
      assertTransition('CANCELLED', 'COMPLETED');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidTransitionError);
    expect(caught).toBeInstanceOf(Error);
    expect(caught).toMatchObject({
      name: 'InvalidTransitionError',
      code: 'INVALID_TRANSITION',
      from: 'CANCELLED',
      to: 'COMPLETED',
    });
  });

  it('explains the refusal in plain words', () => {
    expect(() => assertTransition('CANCELLED', 'COMPLETED')).toThrow(
      /^A cancelled interview cannot be marked completed\./,
    );
    expect(() => assertTransition('WITHDRAWN', 'MISSED')).toThrow(/^A withdrawn interview cannot be marked missed\./);
    expect(() => assertTransition('COMPLETED', 'CANCELLED')).toThrow(/^A completed interview cannot be cancelled\.$/);
    expect(() => assertTransition('COMPLETED', 'SCHEDULED')).toThrow(
      'A completed interview cannot be moved back to scheduled.',
    );
  });

  it('points a rescheduled interview at its replacement', () => {
    expect(() => assertTransition('RESCHEDULED', 'COMPLETED')).toThrow(
      'A rescheduled interview cannot be marked completed. Update the interview it was moved to instead.',
    );
  });

  it('says so when the interview already has that status', () => {
    expect(() => assertTransition('MISSED', 'MISSED')).toThrow('This interview is already missed.');
  });

  it('throws for exactly the pairs canTransition rejects', () => {
    for (const [from, to] of allPairs) {
      const throws = (() => {
        try {
          assertTransition(from, to);
          return false;
        } catch (error) {
          return error instanceof InvalidTransitionError;
        }
      })();
      expect(throws).toBe(!canTransition(from, to));
    }
  });
});
