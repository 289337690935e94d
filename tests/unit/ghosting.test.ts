import {
  addWaitDays,
  appliedOnSign,
  ghostState,
  latestSignOfLife,
  type GhostInput,
  type GhostState,
  type LastSignOfLife,
} from '@/lib/domain/ghosting';
import { planApplicationNudges, type ReminderPreferences } from '@/lib/domain/reminders';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

function state(overrides: Partial<GhostInput> & Pick<GhostInput, 'now'>) {
  return ghostState({
    noReplyDays: 14,
    stageKind: 'OPEN',
    last: { at: at('2026-11-02T10:00:00Z'), kind: 'applied' },
    timeZone: 'Europe/London',
    ...overrides,
  });
}

describe('ghostState: when nothing is counted', () => {
  it.each([
    ['a closed stage', { stageKind: 'CLOSED' as const }],
    ['a stage without a threshold', { noReplyDays: null }],
    ['a zero threshold', { noReplyDays: 0 }],
    ['a fractional threshold', { noReplyDays: 2.5 }],
    ['no sign of life at all', { last: null }],
    ['an invalid clock', { last: { at: new Date(Number.NaN), kind: 'reply' as const } }],
  ])('is none for %s', (_label, overrides) => {
    expect(state({ ...overrides, now: at('2027-06-01T00:00:00Z') })).toEqual({ kind: 'none' });
  });
});

describe('ghostState: calendar days before any round', () => {
  it('waits until the threshold, flags from it (inclusive), and suggests Ghosted after a second period', () => {
    const flagAt = at('2026-11-16T10:00:00Z');
    expect(state({ now: at('2026-11-16T09:59:59Z') })).toEqual({ kind: 'waiting', flagAt });
    expect(state({ now: flagAt })).toEqual({
      kind: 'no-reply',
      since: flagAt,
      suggestGhostedAt: at('2026-11-30T10:00:00Z'),
    });
    expect(state({ now: at('2026-11-30T09:59:59Z') }).kind).toBe('no-reply');
    expect(state({ now: at('2026-11-30T10:00:00Z') })).toEqual({
      kind: 'suggest-ghosted',
      since: flagAt,
      suggestGhostedAt: at('2026-11-30T10:00:00Z'),
    });
  });

  it('counts weekends like any day: 14 calendar days from a Friday is a Friday', () => {
    const friday = at('2026-12-04T15:00:00Z');
    expect(iso(addWaitDays(friday, 14, 'applied', 'UTC'))).toBe('2026-12-18T15:00:00.000Z');
  });

  it('keeps the local clock time across a DST change (New York, spring forward on 8 March 2026)', () => {
    // 10:00 EST on 1 March is 15:00Z; 14 days later 10:00 EDT is 14:00Z, not 24 × 14 hours later.
    expect(iso(addWaitDays(at('2026-03-01T15:00:00Z'), 14, 'stage-change', 'America/New_York'))).toBe(
      '2026-03-15T14:00:00.000Z',
    );
    // And back in autumn (1 November 2026): 10:00 EDT → 10:00 EST.
    expect(iso(addWaitDays(at('2026-10-25T14:00:00Z'), 14, 'reply', 'America/New_York'))).toBe(
      '2026-11-08T15:00:00.000Z',
    );
  });

  it('falls back to UTC for a zone that no longer exists instead of failing', () => {
    expect(iso(addWaitDays(at('2026-03-01T15:00:00Z'), 2, 'applied', 'Mars/Olympus_Mons'))).toBe(
      '2026-03-03T15:00:00.000Z',
    );
    expect(state({ timeZone: 'Not/AZone', now: at('2026-11-16T10:00:00Z') }).kind).toBe('no-reply');
  });
});

describe('ghostState: business days after a round, where the employer is', () => {
  // Friday 4 December 2026, 17:00 in New York (EST) = 22:00Z: the round ends.
  const round: LastSignOfLife = { at: at('2026-12-04T22:00:00Z'), kind: 'round' };

  it('a round ending Friday 17:00 in New York is flagged 7 business days later, Tuesday 17:00 there', () => {
    const result = ghostState({
      noReplyDays: 7,
      stageKind: 'OPEN',
      last: round,
      timeZone: 'America/New_York',
      now: round.at,
    });
    expect(result).toEqual({ kind: 'waiting', flagAt: at('2026-12-15T22:00:00Z') });
    // The second period is counted the same way: Thursday 24 December, 17:00 EST.
    const later = ghostState({
      noReplyDays: 7,
      stageKind: 'OPEN',
      last: round,
      timeZone: 'America/New_York',
      now: at('2026-12-15T22:00:00Z'),
    });
    expect(later).toEqual({
      kind: 'no-reply',
      since: at('2026-12-15T22:00:00Z'),
      suggestGhostedAt: at('2026-12-24T22:00:00Z'),
    });
  });

  it('the same instant in Tokyo is already Saturday there, so the wait ends on a different day', () => {
    // Saturday 07:00 JST + 7 business days = Tuesday 15 December 07:00 JST = Monday 14th 22:00Z.
    expect(iso(addWaitDays(round.at, 7, 'round', 'Asia/Tokyo'))).toBe('2026-12-14T22:00:00.000Z');
  });

  it('skips the weekend and keeps 17:00 across the autumn DST change in New York', () => {
    // Friday 30 October 2026 17:00 EDT (21:00Z); clocks go back on Sunday 1 November.
    expect(iso(addWaitDays(at('2026-10-30T21:00:00Z'), 7, 'round', 'America/New_York'))).toBe(
      '2026-11-10T22:00:00.000Z',
    );
  });

  it('is never flagged on a weekend: 1 business day after a Friday round is Monday', () => {
    const result = ghostState({
      noReplyDays: 1,
      stageKind: 'OPEN',
      last: round,
      timeZone: 'America/New_York',
      now: at('2026-12-06T20:00:00Z'),
    });
    expect(result).toEqual({ kind: 'waiting', flagAt: at('2026-12-07T22:00:00Z') });
  });
});

describe('what resets the clock', () => {
  it('takes the latest sign of life, whichever kind it is', () => {
    const applied: LastSignOfLife = { at: at('2026-11-02T00:00:00Z'), kind: 'applied' };
    const moved: LastSignOfLife = { at: at('2026-11-10T09:00:00Z'), kind: 'stage-change' };
    const roundEnd: LastSignOfLife = { at: at('2026-11-12T15:00:00Z'), kind: 'round' };
    const reply: LastSignOfLife = { at: at('2026-11-20T12:00:00Z'), kind: 'reply' };
    expect(latestSignOfLife(applied, null, moved, undefined, roundEnd)).toBe(roundEnd);
    expect(latestSignOfLife(applied, reply, roundEnd)).toBe(reply);
    expect(latestSignOfLife()).toBeNull();
  });

  it('a reply recorded after the flag starts a new wait from the reply', () => {
    const now = at('2026-11-20T12:00:00Z');
    expect(state({ now }).kind).toBe('no-reply');
    const last = latestSignOfLife({ at: at('2026-11-02T10:00:00Z'), kind: 'applied' }, { at: now, kind: 'reply' });
    expect(state({ last, now })).toEqual({ kind: 'waiting', flagAt: at('2026-12-04T12:00:00Z') });
  });

  it('an upcoming round keeps the application waiting until after it', () => {
    const upcoming: LastSignOfLife = { at: at('2026-12-20T11:00:00Z'), kind: 'round' };
    const last = latestSignOfLife({ at: at('2026-10-01T10:00:00Z'), kind: 'stage-change' }, upcoming);
    expect(state({ last, noReplyDays: 7, now: at('2026-12-07T10:00:00Z') }).kind).toBe('waiting');
  });
});

describe('appliedOnSign', () => {
  it('starts the clock at midnight of the applied day in the user’s zone', () => {
    expect(appliedOnSign(at('2026-11-02T00:00:00Z'), 'Europe/Berlin')).toEqual({
      at: at('2026-11-01T23:00:00Z'),
      kind: 'applied',
    });
    expect(appliedOnSign(at('2026-07-02T00:00:00Z'), 'America/Los_Angeles').at).toEqual(at('2026-07-02T07:00:00Z'));
    expect(appliedOnSign(at('2026-07-02T00:00:00Z'), 'Gone/Zone').at).toEqual(at('2026-07-02T00:00:00Z'));
  });
});

describe('planApplicationNudges: the reminders a ghost state asks for', () => {
  const flagAt = at('2026-11-16T10:00:00Z');
  const suggestGhostedAt = at('2026-11-30T10:00:00Z');
  const plan = (ghost: GhostState, now: Date, preferences: ReminderPreferences = {}) =>
    planApplicationNudges({ applicationId: 'app1', ghost, userTimeZone: 'Europe/London', preferences, now });

  it('asks for nothing while waiting or when nothing is counted', () => {
    expect(plan({ kind: 'waiting', flagAt }, at('2026-11-10T00:00:00Z')).reminders).toEqual([]);
    expect(plan({ kind: 'none' }, at('2026-11-10T00:00:00Z')).reminders).toEqual([]);
  });

  it('past the threshold: one nudge keyed by application and clock, on every channel, useful until the suggestion', () => {
    const now = at('2026-11-17T12:00:00Z');
    const { reminders } = plan({ kind: 'no-reply', since: flagAt, suggestGhostedAt }, now);
    expect(reminders).toEqual([
      expect.objectContaining({
        kind: 'NO_REPLY_NUDGE',
        dedupeKey: 'no-reply:app1:2026-11-16T10:00:00.000Z',
        dueAt: now,
        latestUsefulAt: suggestGhostedAt,
        channels: ['EMAIL', 'PUSH', 'IN_APP'],
      }),
    ]);
  });

  it('after the second period: the suggestion replaces the nudge, which is recorded as passed', () => {
    const now = at('2026-12-01T09:00:00Z');
    const result = plan({ kind: 'suggest-ghosted', since: flagAt, suggestGhostedAt }, now);
    expect(result.reminders.map((reminder) => [reminder.kind, reminder.dedupeKey])).toEqual([
      ['GHOSTED_SUGGESTION', 'ghosted:app1:2026-11-16T10:00:00.000Z'],
    ]);
    expect(result.skipped).toEqual([
      { kind: 'NO_REPLY_NUDGE', dedupeKey: 'no-reply:app1:2026-11-16T10:00:00.000Z', reason: 'passed' },
    ]);
    // A suggestion a week stale is not sent at all (an old backlog after an upgrade stays quiet).
    expect(
      plan({ kind: 'suggest-ghosted', since: flagAt, suggestGhostedAt }, at('2026-12-08T10:00:00Z')).reminders,
    ).toEqual([]);
  });

  it('respects the user’s choices and quiet hours', () => {
    const ghost: GhostState = { kind: 'no-reply', since: flagAt, suggestGhostedAt };
    expect(plan(ghost, at('2026-11-17T12:00:00Z'), { channels: { NO_REPLY_NUDGE: [] } }).skipped[0]?.reason).toBe(
      'turned-off',
    );
    expect(plan(ghost, at('2026-11-17T12:00:00Z'), { allOff: true }).skipped[0]?.reason).toBe('all-off');
    // 23:00 in London falls in 22:00–07:00 quiet hours: it waits for the morning.
    const quiet = plan(ghost, at('2026-11-17T23:00:00Z'), { quietHours: { start: '22:00', end: '07:00' } });
    expect(quiet.reminders[0]).toMatchObject({ dueAt: at('2026-11-18T07:00:00Z'), adjustment: 'after-quiet-hours' });
  });
});
