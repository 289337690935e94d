// The exports people bring from other trackers, each with the header list it really has and
// where that list comes from (a real file or the code that writes it, at a fixed commit). A
// tracker whose export could not be sourced has no preset: its file still imports through the
// header matcher (csv-import-mapping.ts), and the user checks the mapping as for any CSV.
// Teal was looked for and left out: its tracker is closed-source and no public file or code
// showing its export's header row was found.
import type { DateOrder, ImportField } from './csv-import';
import { APPLICATION_CSV_HEADERS, INTERVIEW_CSV_HEADERS } from './csv-import-headers';

export type CsvPreset = {
  id: string;
  label: string;
  /** Where the header list comes from: a repository path at a commit, or a URL. */
  source: string;
  headers: string[];
  /** Header (as in `headers`) → the field it fills; a header not listed is skipped. */
  columns: Record<string, ImportField>;
  dateOrder?: DateOrder;
  /** The file's stage values (compared without case) → the systemKey of a default stage. */
  stageValues?: Record<string, string>;
  /** The headers that must all be present for detectPreset to pick it; all of `headers` when absent. */
  requiredHeaders?: string[];
  /** A column holding the source's own id for the row, which then identifies it across imports. */
  idHeader?: string;
  /**
   * Columns that together identify a row across exports of the same account when the source has
   * no id column (Rebound's: company, role and the instant the record was added), so a newer
   * export of the same records is recognised even where other cells changed.
   */
  keyHeaders?: string[];
  /** What a file of this kind is a list of: interviews (each row a round) or applications (the default). */
  kind?: 'applications' | 'interviews';
  /** Rebound's own exports, whose formula-looking cells carry an apostrophe the import takes off. */
  isRebound?: boolean;
  /** Cell values the source writes for "nothing" (compared without case). */
  blankValues?: string[];
  /** The source every row of the file came through, when the file itself says so (a LinkedIn export). */
  defaultSource?: string;
  /** Times with no zone are UTC in this source's files (else they are in the import's zone). */
  timesAreUtc?: boolean;
};

const REBOUND_APPLICATIONS: CsvPreset = {
  id: 'rebound-applications',
  label: 'Rebound (applications export)',
  source:
    'lib/domain/csv-import-headers.ts APPLICATION_CSV_HEADERS, written by lib/server/applications/stream-applications-csv.ts',
  headers: [...APPLICATION_CSV_HEADERS],
  columns: {
    Company: 'company',
    Role: 'roleTitle',
    Stage: 'stage',
    'Close reason': 'closeReason',
    Source: 'source',
    'Source detail': 'sourceDetail',
    'Posting URL': 'postingUrl',
    Location: 'location',
    Remote: 'remote',
    'Salary min': 'salaryMin',
    'Salary max': 'salaryMax',
    Currency: 'salaryCurrency',
    'Salary period': 'salaryPeriod',
    'Applied on': 'appliedOn',
    Notes: 'notes',
    Contacts: 'contacts',
    'Stage history': 'stageHistory',
    Added: 'addedAt',
  },
  dateOrder: 'YMD',
  stageValues: {
    Saved: 'SAVED',
    Applied: 'APPLIED',
    Screening: 'SCREENING',
    Interviewing: 'INTERVIEWING',
    Offer: 'OFFER',
    Accepted: 'ACCEPTED',
    Rejected: 'REJECTED',
    Withdrawn: 'WITHDRAWN',
    Ghosted: 'GHOSTED',
  },
  kind: 'applications',
  isRebound: true,
  keyHeaders: ['Company', 'Role', 'Added'],
};

const REBOUND_INTERVIEWS: CsvPreset = {
  id: 'rebound-interviews',
  label: 'Rebound (interviews export)',
  source:
    'lib/domain/csv-import-headers.ts INTERVIEW_CSV_HEADERS, written by lib/server/interviews/stream-interviews-csv.ts',
  headers: [...INTERVIEW_CSV_HEADERS],
  columns: {
    Company: 'company',
    Role: 'roleTitle',
    Round: 'roundLabel',
    // The instant, read in the row's own zone: "Start (local)" is the same moment formatted for people.
    'Start (UTC)': 'interviewDate',
    'Time zone': 'timeZone',
    'Duration (min)': 'durationMinutes',
    Format: 'interviewFormat',
    Status: 'interviewStatus',
    Address: 'location',
    'Meeting link': 'meetingUrl',
    Contact: 'contactName',
    'Contact email': 'contactEmail',
    'Contact phone': 'contactPhone',
    Notes: 'notes',
    Added: 'addedAt',
  },
  dateOrder: 'YMD',
  kind: 'interviews',
  isRebound: true,
  // Rounds written by one statement (an import's batch) share their Added time to the
  // millisecond, so the start tells two rounds of one application apart.
  keyHeaders: ['Company', 'Role', 'Added', 'Start (UTC)'],
};

// Huntr has no public code; this is a real jobs export committed by a Huntr user:
// keenlychuang/huntr-to-notion data/sample_data/test_data_multiple_entry.csv at commit
// 12d8eeaa7d6bb982ba6e0f31271ad0003cebc1e1 (also at HEAD 18820c65dda45c6ddc1d5d546e2ebc0f9d2893ef),
// copied as tests/fixtures/csv/huntr-export.csv. Its "listName" holds the board column
// (applied, rejected); "-" stands for nothing; times have no zone and are UTC (deadlines fall at
// 04:00/05:00, US Eastern midnight).
const HUNTR: CsvPreset = {
  id: 'huntr',
  label: 'Huntr (jobs export)',
  source:
    'github.com/keenlychuang/huntr-to-notion data/sample_data/test_data_multiple_entry.csv @ 12d8eeaa7d6bb982ba6e0f31271ad0003cebc1e1',
  headers: [
    'id',
    'createdAt',
    'title',
    'salary',
    'location',
    'url',
    'rootDomain',
    'htmlDescription',
    'deadline',
    'color',
    'lastMovedAt',
    'boardId',
    'boardName',
    'listId',
    'listName',
    'companyId',
    'companyName',
    'companyDomain',
    'creatorUserId',
    'creatorUserFirstName',
    'creatorUserLastName',
    'creatorUserEmail',
  ],
  columns: {
    createdAt: 'addedAt',
    title: 'roleTitle',
    salary: 'salary',
    location: 'location',
    url: 'postingUrl',
    listName: 'stage',
    companyName: 'company',
  },
  requiredHeaders: ['id', 'title', 'listName', 'companyName', 'boardName'],
  dateOrder: 'YMD',
  stageValues: { applied: 'APPLIED', rejected: 'REJECTED' },
  idHeader: 'id',
  blankValues: ['-'],
  timesAreUtc: true,
};

// JobSync's "Export" button: Gsync/jobsync src/app/api/jobs/export/route.ts, its FIELDS list
// (with "workplaceType" at HEAD 06d994b248b73ea57395254f5e3ccce582388ec5, without it at
// 19b9645c1c449a154f1e368bf988be16539f9dcd: both are required-compatible), "N/A" for a missing
// label, dates as yyyy-MM-dd. Statuses are the ones its seed creates (prisma/seed.ts at
// d88cafbe8a9fafda816e5292c89ade0752c73ef6: Draft, Applied, Interview, Offer, Rejected, Expired,
// Archived); Expired and Archived say nothing about how the application went, so they are left
// for the user to map. "index" numbers the rows of one export, not the jobs, so it is no id.
const JOBSYNC: CsvPreset = {
  id: 'jobsync',
  label: 'JobSync (jobs export)',
  source:
    'github.com/Gsync/jobsync src/app/api/jobs/export/route.ts @ 06d994b248b73ea57395254f5e3ccce582388ec5 (and 19b9645c1c449a154f1e368bf988be16539f9dcd)',
  headers: [
    'index',
    'createdAt',
    'applied',
    'appliedDate',
    'Company',
    'JobTitle',
    'jobType',
    'workplaceType',
    'Location',
    'JobSource',
    'Status',
  ],
  columns: {
    createdAt: 'addedAt',
    appliedDate: 'appliedOn',
    Company: 'company',
    JobTitle: 'roleTitle',
    Location: 'location',
    JobSource: 'source',
    Status: 'stage',
  },
  requiredHeaders: ['index', 'createdAt', 'applied', 'appliedDate', 'Company', 'JobTitle', 'JobSource', 'Status'],
  dateOrder: 'YMD',
  stageValues: {
    Draft: 'SAVED',
    Applied: 'APPLIED',
    Interview: 'INTERVIEWING',
    Offer: 'OFFER',
    Rejected: 'REJECTED',
  },
  blankValues: ['N/A', 'Not specified', 'Unknown'],
};

// LinkedIn's "Get a copy of your data" → Jobs → Job Applications.csv, a real one committed at
// clemenspecinovsky/AMS-Data-import "Job Applications.csv" @ c0056e6d959b9b8a2269106becedeee9ba887726
// (tests/fixtures/csv/linkedin-job-applications.csv keeps 8 of its rows). "Contact Email" and
// "Contact Phone Number" are the applicant's own, given to the employer, so they are not
// contacts; dates are "M/D/YY, h:mm AM" with no zone.
const LINKEDIN: CsvPreset = {
  id: 'linkedin',
  label: 'LinkedIn (Job Applications.csv from your data export)',
  source:
    'github.com/clemenspecinovsky/AMS-Data-import "Job Applications.csv" @ c0056e6d959b9b8a2269106becedeee9ba887726',
  headers: [
    'Application Date',
    'Contact Email',
    'Contact Phone Number',
    'Company Name',
    'Job Title',
    'Job Url',
    'Resume Name',
    'Question And Answers',
  ],
  columns: {
    'Application Date': 'appliedOn',
    'Company Name': 'company',
    'Job Title': 'roleTitle',
    'Job Url': 'postingUrl',
  },
  requiredHeaders: ['Application Date', 'Company Name', 'Job Title', 'Job Url', 'Resume Name'],
  dateOrder: 'MDY',
  defaultSource: 'LinkedIn',
};

// Reactive Resume's application tracker has no CSV export; its CSV import reads these headers
// (amruthpillai/reactive-resume apps/web/src/features/applications/csv.ts HEADER_ALIASES, and
// docs/guides/importing-applications-from-csv.mdx, @ 3221afda9ddfb03d6cce87927b0ce47338b4cfa8),
// so a file prepared for it imports here the same way. It is detected by the guide's example
// header row; its stages are saved, applied, screening, interview, offer, rejected.
const REACTIVE_RESUME: CsvPreset = {
  id: 'reactive-resume',
  label: 'Reactive Resume (application tracker CSV)',
  source:
    'github.com/amruthpillai/reactive-resume apps/web/src/features/applications/csv.ts + docs/guides/importing-applications-from-csv.mdx @ 3221afda9ddfb03d6cce87927b0ce47338b4cfa8',
  headers: [
    'Company',
    'Employer',
    'Organization',
    'Role',
    'Title',
    'Position',
    'Job Title',
    'Status',
    'Stage',
    'Applied Date',
    'Stage Date',
    'Stage Entered At',
    'Location',
    'Salary',
    'Salary Range',
    'Compensation',
    'Source',
    'Notes',
    'Note',
    'URL',
    'Link',
    'Job URL',
    'Job Posting',
    'Tags',
  ],
  columns: {
    Company: 'company',
    Employer: 'company',
    Organization: 'company',
    Role: 'roleTitle',
    Title: 'roleTitle',
    Position: 'roleTitle',
    'Job Title': 'roleTitle',
    Status: 'stage',
    Stage: 'stage',
    // Its importer reads "Applied Date", "Stage Date" and "Stage Entered At" as the day the
    // current stage began; only the first says the application went in that day.
    'Applied Date': 'appliedOn',
    Location: 'location',
    Salary: 'salary',
    'Salary Range': 'salary',
    Compensation: 'salary',
    Source: 'source',
    Notes: 'notes',
    Note: 'notes',
    URL: 'postingUrl',
    Link: 'postingUrl',
    'Job URL': 'postingUrl',
    'Job Posting': 'postingUrl',
  },
  requiredHeaders: ['Company', 'Role', 'Stage', 'Location', 'Salary', 'Source', 'Tags'],
  // Its importer reads only YYYY-MM-DD dates.
  dateOrder: 'YMD',
  stageValues: {
    saved: 'SAVED',
    applied: 'APPLIED',
    screening: 'SCREENING',
    interview: 'INTERVIEWING',
    offer: 'OFFER',
    rejected: 'REJECTED',
  },
};

/** Most specific first: detectPreset takes the first whose required headers are all present. */
export const CSV_PRESETS: CsvPreset[] = [
  REBOUND_APPLICATIONS,
  REBOUND_INTERVIEWS,
  HUNTR,
  JOBSYNC,
  LINKEDIN,
  REACTIVE_RESUME,
];

const fold = (header: string) => header.trim().toLowerCase();

/** The preset whose required headers are all in the file (compared trimmed, without case), or null. */
export function detectPreset(headers: string[]): CsvPreset | null {
  const present = new Set(headers.map(fold));
  return (
    CSV_PRESETS.find((preset) =>
      (preset.requiredHeaders ?? preset.headers).every((header) => present.has(fold(header))),
    ) ?? null
  );
}

export function findPreset(id: string | null): CsvPreset | null {
  return CSV_PRESETS.find((preset) => preset.id === id) ?? null;
}

/** The field a preset gives this header (trimmed, without case), if any. */
export function presetField(preset: CsvPreset, header: string): ImportField | null {
  const wanted = fold(header);
  for (const [name, field] of Object.entries(preset.columns)) {
    if (fold(name) === wanted) return field;
  }
  return null;
}

/** Whether the header is one of the preset's own (so a preset's unmapped header stays skipped). */
export function isPresetHeader(preset: CsvPreset, header: string): boolean {
  const wanted = fold(header);
  return preset.headers.some((name) => fold(name) === wanted);
}
