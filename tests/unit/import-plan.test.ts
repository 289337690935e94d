import { applicationMatchKey } from '@/lib/domain/application-stages';
import type { CsvImportOptions, ImportRecord } from '@/lib/domain/csv-import';
import {
  importKeyOf,
  planImportBatch,
  type ExistingRows,
  type ImportStage,
} from '@/lib/server/imports/plan-import-batch';

const NOW = new Date('2026-12-07T12:00:00Z');

const STAGES: ImportStage[] = [
  { id: 'stage-applied', name: 'Applied', position: 1, kind: 'OPEN', systemKey: 'APPLIED' },
  { id: 'stage-screening', name: 'Screening', position: 2, kind: 'OPEN', systemKey: 'SCREENING' },
  { id: 'stage-rejected', name: 'Rejected', position: 6, kind: 'CLOSED', systemKey: 'REJECTED' },
];

const OPTIONS: CsvImportOptions = {
  presetId: null,
  columns: [],
  stageMap: { 'Phone screen': 'stage-screening', 'No thanks': 'stage-rejected', Gone: 'stage-removed' },
  dateOrder: 'DMY',
  timeZone: 'Europe/Berlin',
};

function record(
  rowNumber: number,
  overrides: Partial<ImportRecord['application']> = {},
  rest: Partial<ImportRecord> = {},
): ImportRecord {
  return {
    rowNumber,
    keySource: `row-${rowNumber}`,
    application: {
      company: 'Acme Ltd',
      roleTitle: 'Engineer',
      stageValue: null,
      appliedOn: null,
      source: null,
      sourceDetail: null,
      postingUrl: null,
      location: null,
      isRemote: false,
      salaryMin: null,
      salaryMax: null,
      salaryCurrency: null,
      salaryPeriod: null,
      notes: null,
      closeReason: null,
      addedAt: null,
      ...overrides,
    },
    interview: null,
    contacts: [],
    stageHistory: [],
    ...rest,
  };
}

const nothingYet = (): ExistingRows => ({
  applicationKeys: new Set(),
  interviewKeys: new Set(),
  applications: new Map(),
});

const plan = (records: ImportRecord[], existing = nothingYet()) =>
  planImportBatch({ userId: 'user-1', records, existing, stages: STAGES, options: OPTIONS, now: NOW });

describe('planning an import batch', () => {
  it('puts each row in its mapped stage, closed when the stage is, and Applied when the mapping names none or a removed stage', () => {
    const result = plan([
      record(2, { company: 'A', stageValue: 'Phone screen' }),
      record(3, { company: 'B', stageValue: 'No thanks', appliedOn: '2026-11-02' }),
      record(4, { company: 'C', stageValue: 'Gone' }),
      record(5, { company: 'D' }),
    ]);
    expect(result.applications.map(({ company, stageId, closeReason }) => [company, stageId, closeReason])).toEqual([
      ['A', 'stage-screening', null],
      ['B', 'stage-rejected', 'REJECTED'],
      ['C', 'stage-applied', null],
      ['D', 'stage-applied', null],
    ]);
    expect(result.applications[1]?.closedAt).toEqual(new Date('2026-11-02T11:00:00Z'));
    // Without a history in the file, one change into its stage, on the applied day at noon in the import's zone.
    expect(result.stageChanges.filter((change) => change.applicationId === result.applications[1]?.id)).toEqual([
      expect.objectContaining({
        fromStageName: null,
        toStageId: 'stage-rejected',
        toStageName: 'Rejected',
        cause: 'IMPORT',
      }),
    ]);
    expect(result.tally).toEqual({
      created: { applications: 4, interviews: 0, contacts: 0, stageChanges: 4 },
      updatedApplications: 0,
      unchanged: 0,
    });
  });

  it('finds rows imported before by their key and changes nothing for them', () => {
    const existing = nothingYet();
    existing.applicationKeys.add(importKeyOf('row-2'));
    existing.interviewKeys.add(importKeyOf('row-3'));
    const result = plan([record(2), record(3, { company: 'Other' })], existing);
    expect(result.applications).toEqual([]);
    expect(result.tally.unchanged).toBe(2);
  });

  it('joins an application of the same company and role, adding only the contacts it lacks (by name, any case) and its round', () => {
    const existing = nothingYet();
    existing.applications.set(applicationMatchKey('Acme Ltd', 'Engineer'), {
      id: 'app-1',
      contacts: new Map([['dana recruiter', 'contact-1']]),
    });
    const contacts = [
      { name: 'DANA Recruiter', email: null, phone: null, role: 'RECRUITER' as const },
      { name: 'Lee', email: 'lee@acme.test', phone: null, role: 'OTHER' as const },
    ];
    const interview = {
      startLocal: '2026-12-20T10:00',
      timeZone: 'America/New_York',
      durationMinutes: 45,
      format: 'VIDEO' as const,
      roundLabel: 'Onsite',
      location: null,
      meetingUrl: null,
      notes: null,
    };
    const result = plan(
      [
        record(2, { company: ' acme  LTD', roleTitle: 'engineer' }, { contacts, interview }),
        record(3, {}, { contacts: [contacts[0]!] }),
      ],
      existing,
    );
    expect(result.applications).toEqual([]);
    expect(result.contacts).toEqual([expect.objectContaining({ applicationId: 'app-1', name: 'Lee' })]);
    expect(result.interviews).toEqual([
      expect.objectContaining({
        applicationId: 'app-1',
        scheduledStart: new Date('2026-12-20T15:00:00Z'),
        status: 'SCHEDULED',
        contactId: 'contact-1',
        contactName: 'DANA Recruiter',
        importKey: importKeyOf('row-2'),
      }),
    ]);
    expect(result.futureInterviewIds).toEqual([result.interviews[0]?.id]);
    // Row 3 adds nothing the application lacks: unchanged.
    expect(result.tally).toMatchObject({ updatedApplications: 1, unchanged: 1 });
  });

  it('marks a round the file dates in the past as completed, and plans no reminders for it', () => {
    const result = plan([
      record(
        2,
        {},
        {
          interview: {
            startLocal: '2026-10-07T10:00',
            timeZone: 'Europe/Berlin',
            durationMinutes: 30,
            format: 'PHONE',
            roundLabel: null,
            location: null,
            meetingUrl: null,
            notes: null,
          },
        },
      ),
    ]);
    expect(result.interviews[0]).toMatchObject({
      status: 'COMPLETED',
      scheduledStart: new Date('2026-10-07T08:00:00Z'),
    });
    expect(result.futureInterviewIds).toEqual([]);
  });

  it('keeps the status the file gives a round (a Rebound export says it)', () => {
    const interview = {
      startLocal: '2026-10-07T10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      format: 'PHONE' as const,
      roundLabel: null,
      location: null,
      meetingUrl: null,
      notes: null,
      status: 'MISSED' as const,
    };
    expect(plan([record(2, {}, { interview })]).interviews[0]).toMatchObject({ status: 'MISSED' });
  });
});
