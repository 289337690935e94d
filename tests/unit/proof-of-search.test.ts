import { toCsv } from '@/lib/domain/csv';
import {
  describeHowApplied,
  describeResult,
  formatStageHistory,
  isWebAddress,
  PROOF_CSV_HEADERS,
  toProofCells,
  type ProofRow,
} from '@/lib/domain/proof-of-search';
import {
  addDaysToDateKey,
  defaultProofRange,
  parseProofRange,
  PROOF_INVERTED_MESSAGE,
  PROOF_TOO_LONG_MESSAGE,
} from '@/lib/validation/proof';

const TODAY = '2026-11-18';

describe('the proof range', () => {
  it('defaults to the last 30 days, today included', () => {
    expect(defaultProofRange(TODAY)).toEqual({ from: '2026-10-20', to: TODAY });
    expect(parseProofRange({}, TODAY)).toEqual({ ok: true, range: { from: '2026-10-20', to: TODAY } });
    expect(parseProofRange({ from: '', to: '  ' }, TODAY)).toMatchObject({ ok: true });
    expect(addDaysToDateKey('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('takes a range of one day up to two years', () => {
    expect(parseProofRange({ from: '2026-10-01', to: '2026-10-01' }, TODAY)).toMatchObject({ ok: true });
    expect(parseProofRange({ from: '2024-11-18', to: '2026-11-18' }, TODAY)).toMatchObject({ ok: true });
    expect(parseProofRange({ from: ['2026-10-01', 'x'], to: '2026-10-31' }, TODAY)).toEqual({
      ok: true,
      range: { from: '2026-10-01', to: '2026-10-31' },
    });
  });

  it('refuses an inverted range, one over two years and dates that do not exist, keeping what was typed', () => {
    expect(parseProofRange({ from: '2026-10-31', to: '2026-10-01' }, TODAY)).toEqual({
      ok: false,
      field: 'from',
      message: PROOF_INVERTED_MESSAGE,
      values: { from: '2026-10-31', to: '2026-10-01' },
    });
    expect(parseProofRange({ from: '2024-11-18', to: '2026-11-19' }, TODAY)).toMatchObject({
      ok: false,
      field: 'to',
      message: PROOF_TOO_LONG_MESSAGE,
    });
    expect(parseProofRange({ from: '2026-02-30' }, TODAY)).toMatchObject({
      ok: false,
      field: 'from',
      message: 'That date does not exist.',
    });
    expect(parseProofRange({ to: 'yesterday' }, TODAY)).toMatchObject({ ok: false, field: 'to' });
  });
});

const ROW: ProofRow = {
  id: 'a1',
  date: '2026-10-05',
  isAppliedDate: true,
  company: '=cmd|"/c calc"!A1',
  roleTitle: 'Engineer',
  source: 'RECRUITER',
  sourceDetail: 'Agency <b>X</b>',
  postingUrl: 'javascript:alert(1)',
  contacts: [{ name: 'Dana', email: 'dana@x.test', phone: null, role: 'RECRUITER' }],
  stageName: 'Rejected',
  stageKind: 'CLOSED',
  closeReason: 'REJECTED',
  history: [
    { on: '2026-11-02', fromStageName: null, toStageName: 'Applied' },
    { on: '2026-11-10', fromStageName: 'Applied', toStageName: 'Screening' },
  ],
};

describe('a proof row', () => {
  it('says how it was applied for, its result and its history in words', () => {
    expect(describeHowApplied(ROW)).toBe('Recruiter: Agency <b>X</b>');
    expect(describeHowApplied({ source: null, sourceDetail: null })).toBe('Not recorded');
    expect(describeResult(ROW)).toBe('Rejected (closed: rejected)');
    expect(describeResult({ stageName: 'Screening', stageKind: 'OPEN', closeReason: null })).toBe('Screening (open)');
    expect(formatStageHistory(ROW.history)).toBe('2026-11-02 Applied → 2026-11-10 Screening');
  });

  it('only links http(s) addresses', () => {
    expect(isWebAddress('https://jobs.example/1')).toBe(true);
    expect(isWebAddress(ROW.postingUrl ?? '')).toBe(false);
  });

  it('becomes one CSV record per header, with the formula neutralised', () => {
    const cells = toProofCells(ROW);
    expect(cells).toHaveLength(PROOF_CSV_HEADERS.length);
    const csv = toCsv(PROOF_CSV_HEADERS, [cells]);
    expect(csv.split('\r\n')[1]).toMatch(/^2026-10-05,Applied,"'=cmd\|""\/c calc""!A1",Engineer,/);
  });
});
