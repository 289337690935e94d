// The pipeline an application moves through, and the rules for moving it. Every user starts
// with the default stages; they may rename, reorder or add stages later, so code finds a default
// by its systemKey, never by its name or position. The migration that added applications
// (prisma/migrations/*_applications) writes the same list in SQL for the users it found.
import type { StageKind } from '@/lib/generated/prisma/enums';

export const STAGE_SYSTEM_KEYS = [
  'SAVED',
  'APPLIED',
  'SCREENING',
  'INTERVIEWING',
  'OFFER',
  'ACCEPTED',
  'REJECTED',
  'WITHDRAWN',
  'GHOSTED',
] as const;

export type StageSystemKey = (typeof STAGE_SYSTEM_KEYS)[number];

export type DefaultStage = {
  systemKey: StageSystemKey;
  name: string;
  position: number;
  kind: StageKind;
  // Days without news before the application counts as ghosted; null: the stage waits on the
  // candidate (Saved, Offer) or is over.
  noReplyDays: number | null;
};

export const DEFAULT_STAGES: readonly DefaultStage[] = [
  { systemKey: 'SAVED', name: 'Saved', position: 0, kind: 'OPEN', noReplyDays: null },
  { systemKey: 'APPLIED', name: 'Applied', position: 1, kind: 'OPEN', noReplyDays: 14 },
  { systemKey: 'SCREENING', name: 'Screening', position: 2, kind: 'OPEN', noReplyDays: 7 },
  { systemKey: 'INTERVIEWING', name: 'Interviewing', position: 3, kind: 'OPEN', noReplyDays: 7 },
  { systemKey: 'OFFER', name: 'Offer', position: 4, kind: 'OPEN', noReplyDays: null },
  { systemKey: 'ACCEPTED', name: 'Accepted', position: 5, kind: 'CLOSED', noReplyDays: null },
  { systemKey: 'REJECTED', name: 'Rejected', position: 6, kind: 'CLOSED', noReplyDays: null },
  { systemKey: 'WITHDRAWN', name: 'Withdrawn', position: 7, kind: 'CLOSED', noReplyDays: null },
  { systemKey: 'GHOSTED', name: 'Ghosted', position: 8, kind: 'CLOSED', noReplyDays: null },
];

/** What the stage rules need to know of a stage. */
export type PipelineStage = {
  id: string;
  position: number;
  kind: StageKind;
  systemKey: string | null;
};

const UNIT_SEPARATOR = '\u001f';

// JavaScript's \s spelled out: the migration uses the same class in SQL, where \s would depend
// on the server's locale.
const WHITE_SPACE = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

function normaliseForMatch(text: string): string {
  return text.replace(WHITE_SPACE, ' ').replace(/^ | $/g, '').toLowerCase();
}

/**
 * The key that says two interviews are for the same application: company and role, lower-cased,
 * runs of white space made one space and trimmed. The migration computes the same in SQL.
 */
export function applicationMatchKey(company: string, roleTitle: string): string {
  return `${normaliseForMatch(company)}${UNIT_SEPARATOR}${normaliseForMatch(roleTitle)}`;
}

/** The user's stage with this systemKey, if they still have it. */
export function findSystemStage<T extends PipelineStage>(stages: readonly T[], key: StageSystemKey): T | undefined {
  return stages.find((stage) => stage.systemKey === key);
}

/**
 * Where an application goes once an interview is scheduled for it: Interviewing, unless it is
 * already there or further along (Offer, a stage the user placed after Interviewing) or closed.
 * Never backwards. Returns `current` when it stays.
 */
export function stageAfterInterviewScheduled<T extends PipelineStage>(current: T, stages: readonly T[]): T {
  if (current.kind === 'CLOSED') return current;
  const interviewing = findSystemStage(stages, 'INTERVIEWING');
  if (!interviewing || interviewing.kind === 'CLOSED') return current;
  return current.position < interviewing.position ? interviewing : current;
}

/** The stage a new application starts in when its first interview is added. */
export function stageForNewApplication<T extends PipelineStage>(stages: readonly T[]): T | undefined {
  return (
    findSystemStage(stages, 'APPLIED') ??
    stages.filter((stage) => stage.kind === 'OPEN').sort((a, b) => a.position - b.position)[0]
  );
}
