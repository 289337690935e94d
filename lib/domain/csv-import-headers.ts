// The header rows of Rebound's own CSV exports. They live here, beside the import, so the
// export (lib/server/*/stream-*-csv.ts) and the preset that reads its files back name the same
// columns: renaming one without the other would break the round trip, and this way it cannot.

/** The applications export (Settings → export, lib/server/applications/stream-applications-csv.ts). */
export const APPLICATION_CSV_HEADERS = [
  'Company',
  'Role',
  'Stage',
  'Closed',
  'Close reason',
  'Source',
  'Source detail',
  'Posting URL',
  'Location',
  'Remote',
  'Salary min',
  'Salary max',
  'Currency',
  'Salary period',
  'Applied on',
  'Last reply',
  'Notes',
  'Contacts',
  'Stage history',
  'Added',
] as const;

/** The interviews export (lib/server/interviews/stream-interviews-csv.ts). */
export const INTERVIEW_CSV_HEADERS = [
  'Company',
  'Role',
  'Round',
  'Start (local)',
  'Time zone',
  'Start (UTC)',
  'Duration (min)',
  'Format',
  'Status',
  'Address',
  'Meeting link',
  'Contact',
  'Contact email',
  'Contact phone',
  'Travel (min)',
  'Buffer (min)',
  'Notes',
  'Status history',
  'Added',
] as const;
