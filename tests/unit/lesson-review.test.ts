import {
  computeInterviewCutoff,
  computeInterviewHorizon,
  computeReviewIntervalDays,
  computeSpacedReviewAt,
  isLessonDue,
  listSpacedCutoffs,
  type LessonReviewState,
} from '@/lib/domain/lesson-review';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const SAVED = new Date('2026-06-01T09:00:00Z');
const at = (ms: number) => new Date(SAVED.getTime() + ms);
const fresh: LessonReviewState = { createdAt: SAVED, reviewedAt: null, reviewCount: 0 };

/** What the database would hand isLessonDue at `now`, given the user's interview starts. */
function latestStartBy(now: Date, starts: Date[]): Date | null {
  const horizon = computeInterviewHorizon(now).getTime();
  const reached = starts.filter((start) => start.getTime() <= horizon).map((start) => start.getTime());
  return reached.length ? new Date(Math.max(...reached)) : null;
}

describe('lesson review schedule', () => {
  it('is not due right after the lesson is saved', () => {
    expect(isLessonDue(fresh, at(60_000), null)).toBe(false);
  });

  it('falls due one week after the lesson was saved when no interview comes first', () => {
    expect(isLessonDue(fresh, at(7 * DAY - 1), null)).toBe(false);
    expect(isLessonDue(fresh, at(7 * DAY), null)).toBe(true);
    expect(computeSpacedReviewAt(fresh)).toEqual(at(7 * DAY));
  });

  it('falls due a day before the next interview when that comes before the week is out', () => {
    const interview = at(3 * DAY);
    const starts = [interview];
    const justBefore = at(2 * DAY - 1);
    const dayBefore = at(2 * DAY);
    expect(isLessonDue(fresh, justBefore, latestStartBy(justBefore, starts))).toBe(false);
    expect(isLessonDue(fresh, dayBefore, latestStartBy(dayBefore, starts))).toBe(true);
    // Still due after the interview if nobody looked at it.
    const after = at(4 * DAY);
    expect(isLessonDue(fresh, after, latestStartBy(after, starts))).toBe(true);
  });

  it('does not call back a lesson written within a day of the interview', () => {
    const starts = [at(5 * HOUR)];
    const now = at(HOUR);
    expect(isLessonDue(fresh, now, latestStartBy(now, starts))).toBe(false);
  });

  it('ignores interviews that started before the last look', () => {
    const missed = at(-2 * HOUR);
    expect(isLessonDue(fresh, at(DAY), latestStartBy(at(DAY), [missed]))).toBe(false);
  });

  it('spaces reviews out: 1, 2, 4, 8 weeks, then every 90 days', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(computeReviewIntervalDays)).toEqual([7, 14, 28, 56, 90, 90, 90]);
  });

  it('is not due again until the spaced interval after a review', () => {
    const reviewedAt = at(7 * DAY);
    const once: LessonReviewState = { createdAt: SAVED, reviewedAt, reviewCount: 1 };
    expect(isLessonDue(once, at(7 * DAY + 60_000), null)).toBe(false);
    expect(isLessonDue(once, at(21 * DAY - 1), null)).toBe(false);
    expect(isLessonDue(once, at(21 * DAY), null)).toBe(true);
  });

  it('brings a reviewed lesson back before an interview that is sooner than its interval', () => {
    const reviewedAt = at(7 * DAY);
    const once: LessonReviewState = { createdAt: SAVED, reviewedAt, reviewCount: 1 };
    const starts = [at(12 * DAY)];
    expect(isLessonDue(once, at(10 * DAY), latestStartBy(at(10 * DAY), starts))).toBe(false);
    expect(isLessonDue(once, at(11 * DAY), latestStartBy(at(11 * DAY), starts))).toBe(true);
  });

  it('lists one cutoff per review count up to the cap, the last covering every higher count', () => {
    const now = at(100 * DAY);
    const cutoffs = listSpacedCutoffs(now);
    expect(cutoffs.map((cutoff) => [cutoff.reviewCount, cutoff.includesHigherCounts])).toEqual([
      [0, false],
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(cutoffs[4]?.lastLookAtOrBefore).toEqual(at(10 * DAY));
    expect(computeInterviewCutoff(at(3 * DAY))).toEqual(at(2 * DAY));
  });
});
