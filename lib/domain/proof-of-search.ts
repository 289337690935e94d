// What a proof of job search says about one application: the list a benefits office asks for
// (date, employer, position, how applied, contact, result, stage history). The page and both CSV
// files (/api/applications/proof and /api/applications/export) word it the same way from here.
import type { ApplicationCloseReason, ApplicationSource, ContactRole, StageKind } from '@/lib/generated/prisma/enums';
import { CLOSE_REASON_LABELS, CONTACT_ROLE_LABELS } from './application-details';
import { formatSourceLabel } from './application-insights';

export type ProofContact = { name: string; email: string | null; phone: string | null; role: ContactRole };

/** One move of the application, dated in the user's calendar. */
export type ProofStep = { on: string; fromStageName: string | null; toStageName: string };

export type ProofRow = {
  id: string;
  /** 'YYYY-MM-DD': the applied date, else the day of the first activity. */
  date: string;
  /** False when `date` is the first activity because no applied date was recorded. */
  isAppliedDate: boolean;
  company: string;
  roleTitle: string;
  source: ApplicationSource | null;
  sourceDetail: string | null;
  postingUrl: string | null;
  contacts: ProofContact[];
  stageName: string;
  stageKind: StageKind;
  closeReason: ApplicationCloseReason | null;
  history: ProofStep[];
};

/** "Job board: Indeed"; the source's own text alone when there is no source. */
export function describeHowApplied(row: Pick<ProofRow, 'source' | 'sourceDetail'>): string {
  if (!row.source) return row.sourceDetail ?? 'Not recorded';
  const label = formatSourceLabel(row.source);
  return row.sourceDetail ? `${label}: ${row.sourceDetail}` : label;
}

/** "Screening (open)", "Rejected (closed: rejected)". */
export function describeResult(row: Pick<ProofRow, 'stageName' | 'stageKind' | 'closeReason'>): string {
  if (row.stageKind === 'OPEN') return `${row.stageName} (open)`;
  return row.closeReason
    ? `${row.stageName} (closed: ${CLOSE_REASON_LABELS[row.closeReason].toLowerCase()})`
    : `${row.stageName} (closed)`;
}

/** "Dana Reyes (recruiter)"; several contacts on one line each. */
export function describeContactNames(contacts: readonly ProofContact[]): string {
  return contacts.map((contact) => `${contact.name} (${CONTACT_ROLE_LABELS[contact.role].toLowerCase()})`).join('\n');
}

/** Every email and phone number of the contacts, in the contacts' order. */
export function describeContactDetails(contacts: readonly ProofContact[], key: 'email' | 'phone'): string {
  return contacts
    .map((contact) => contact[key])
    .filter((value): value is string => Boolean(value))
    .join('\n');
}

/** "2026-11-02 Applied → 2026-11-10 Screening": each move's day and the stage it went to. */
export function formatStageHistory(history: readonly ProofStep[]): string {
  return history.map((step) => `${step.on} ${step.toStageName}`).join(' → ');
}

export const PROOF_CSV_HEADERS = [
  'Date',
  'Date is',
  'Employer',
  'Position',
  'How applied',
  'Posting',
  'Contact',
  'Contact email',
  'Contact phone',
  'Result',
  'Stage history',
] as const;

/** A proof row as CSV cells, in PROOF_CSV_HEADERS order (lib/domain/csv.ts quotes and neutralises them). */
export function toProofCells(row: ProofRow): string[] {
  return [
    row.date,
    row.isAppliedDate ? 'Applied' : 'First activity',
    row.company,
    row.roleTitle,
    describeHowApplied(row),
    row.postingUrl ?? '',
    describeContactNames(row.contacts),
    describeContactDetails(row.contacts, 'email'),
    describeContactDetails(row.contacts, 'phone'),
    describeResult(row),
    formatStageHistory(row.history),
  ];
}

/** "2 Nov 2026", for the printed page. */
export function formatProofDate(key: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${key}T00:00:00Z`),
  );
}

/** Whether a stored address may be a link: only http(s), so a "javascript:" one stays text. */
export function isWebAddress(value: string): boolean {
  return /^https?:\/\//i.test(value);
}
