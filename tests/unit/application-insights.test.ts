import {
  buildFunnel,
  daysToReply,
  fillWeeks,
  findAppliedStage,
  findFirstReply,
  findFurthestOpenStage,
  formatDays,
  isReplyStageChange,
  listWeekKeys,
  startOfWeek,
  summariseSource,
  type InsightStage,
} from '@/lib/domain/application-insights';

const stage = (id: string, position: number, kind: 'OPEN' | 'CLOSED' = 'OPEN', systemKey: string | null = null) =>
  ({ id, name: id, position, kind, noReplyDays: null, systemKey }) satisfies InsightStage;

const STAGES: InsightStage[] = [
  stage('rejected', 6, 'CLOSED', 'REJECTED'),
  stage('saved', 0, 'OPEN', 'SAVED'),
  stage('applied', 1, 'OPEN', 'APPLIED'),
  stage('screening', 2, 'OPEN', 'SCREENING'),
  stage('interviewing', 3, 'OPEN', 'INTERVIEWING'),
  stage('withdrawn', 7, 'CLOSED', 'WITHDRAWN'),
  stage('ghosted', 8, 'CLOSED', 'GHOSTED'),
];

describe('weeks', () => {
  it('start on Monday, whatever day the date is', () => {
    expect(startOfWeek('2026-11-16')).toBe('2026-11-16');
    expect(startOfWeek('2026-11-18')).toBe('2026-11-16');
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16');
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
    // Across a year's end, and 1970's Thursday start.
    expect(startOfWeek('2027-01-01')).toBe('2026-12-28');
    expect(startOfWeek('1970-01-01')).toBe('1969-12-29');
  });

  it('lists the last twelve weeks, oldest first, and fills the quiet ones with zero', () => {
    const keys = listWeekKeys('2026-11-18');
    expect(keys).toHaveLength(12);
    expect(keys[0]).toBe('2026-08-31');
    expect(keys.at(-1)).toBe('2026-11-16');
    const filled = fillWeeks([{ week: '2026-11-09', count: 3 }], '2026-11-18');
    expect(filled.at(-2)).toEqual({ week: '2026-11-09', count: 3 });
    expect(filled.filter((week) => week.count === 0)).toHaveLength(11);
  });
});

describe('the funnel', () => {
  it('counts an application at every open stage up to the furthest it reached, and the share going on', () => {
    const funnel = buildFunnel(STAGES, [
      { stageId: 'saved', count: 2 },
      { stageId: 'applied', count: 4 },
      { stageId: 'interviewing', count: 2 },
    ]);
    expect(funnel.map((step) => [step.stageId, step.reached, step.conversionToNext])).toEqual([
      ['saved', 8, 6 / 8],
      ['applied', 6, 2 / 6],
      // Nobody stopped in Screening, but the two interviewing passed it: the funnel never grows.
      ['screening', 2, 1],
      ['interviewing', 2, null],
    ]);
  });

  it('is all zeros with unknown conversion for no applications', () => {
    expect(buildFunnel(STAGES, []).map((step) => step.conversionToNext)).toEqual([null, null, null, null]);
  });

  it('finds the furthest open stage by board order, ignoring closed ones', () => {
    expect(findFurthestOpenStage(STAGES, ['applied', 'screening', 'rejected'])).toBe('screening');
    expect(findFurthestOpenStage(STAGES, ['rejected'])).toBeNull();
  });
});

describe('what counts as a reply', () => {
  const applied = findAppliedStage(STAGES);
  const appliedPosition = applied?.position ?? 0;
  const move = (to: InsightStage | null, at: string, cause: 'USER' | 'MIGRATION' = 'USER') => ({
    at: new Date(at),
    cause,
    to,
  });
  const byId = (id: string) => STAGES.find((candidate) => candidate.id === id) ?? null;

  it('takes Applied, or the first open stage once Applied is gone', () => {
    expect(applied?.id).toBe('applied');
    expect(findAppliedStage(STAGES.filter((candidate) => candidate.id !== 'applied'))?.id).toBe('saved');
  });

  it('is a move past Applied or a closing the employer decided, never a withdrawal, ghosting or migration', () => {
    expect(isReplyStageChange(move(byId('screening'), '2026-11-05'), appliedPosition)).toBe(true);
    expect(isReplyStageChange(move(byId('rejected'), '2026-11-05'), appliedPosition)).toBe(true);
    expect(isReplyStageChange(move(byId('applied'), '2026-11-05'), appliedPosition)).toBe(false);
    expect(isReplyStageChange(move(byId('withdrawn'), '2026-11-05'), appliedPosition)).toBe(false);
    expect(isReplyStageChange(move(byId('ghosted'), '2026-11-05'), appliedPosition)).toBe(false);
    expect(isReplyStageChange(move(byId('screening'), '2026-11-05', 'MIGRATION'), appliedPosition)).toBe(false);
    expect(isReplyStageChange(move(null, '2026-11-05'), appliedPosition)).toBe(false);
  });

  it('is the earliest of the moves, the rounds added and the reply recorded', () => {
    const changes = [move(byId('applied'), '2026-11-02T09:00Z'), move(byId('screening'), '2026-11-06T09:00Z')];
    expect(findFirstReply({ appliedPosition, changes, roundsAddedAt: [], lastReplyAt: null })?.toISOString()).toBe(
      '2026-11-06T09:00:00.000Z',
    );
    expect(
      findFirstReply({
        appliedPosition,
        changes,
        roundsAddedAt: [new Date('2026-11-05T12:00Z')],
        lastReplyAt: new Date('2026-11-04T08:00Z'),
      })?.toISOString(),
    ).toBe('2026-11-04T08:00:00.000Z');
    expect(
      findFirstReply({ appliedPosition, changes: changes.slice(0, 1), roundsAddedAt: [], lastReplyAt: null }),
    ).toBeNull();
  });

  it('counts days from applying, never negative for a backfilled application', () => {
    expect(daysToReply(new Date('2026-11-02T00:00Z'), new Date('2026-11-05T09:00Z'))).toBe(3.375);
    expect(daysToReply(new Date('2026-11-10T00:00Z'), new Date('2026-11-05T09:00Z'))).toBe(0);
  });
});

describe('replies by source', () => {
  it('gives the response rate among sent applications and the median among the replies', () => {
    expect(summariseSource('REFERRAL', [2, null, 5, 1])).toEqual({
      source: 'REFERRAL',
      applied: 4,
      replied: 3,
      responseRate: 0.75,
      medianDaysToReply: 2,
    });
    expect(summariseSource(null, [null, null])).toMatchObject({ responseRate: 0, medianDaysToReply: null });
    expect(summariseSource(null, [])).toMatchObject({ responseRate: null, medianDaysToReply: null });
  });

  it('writes days to one decimal, and a dash for none', () => {
    expect(formatDays(3.375)).toBe('3.4 days');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(null)).toBe('—');
  });
});
