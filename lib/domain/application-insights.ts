// What the patterns page says about applications. The counts and medians are computed by Postgres
// (lib/server/applications/get-application-insights.ts) so the page costs the same for ten
// applications as for a thousand; this file defines the same rules in plain code, so they are
// written down once, unit-tested, and used to shape what the database returns.
import type { ApplicationSource, StageChangeCause, StageKind } from '@/lib/generated/prisma/enums';
import { SOURCE_LABELS } from './application-details';
import { computeMedian, computeRate } from './lesson-stats';

/** 'YYYY-MM-DD', the Monday a week starts on. */
export type WeekKey = string;

/** Weeks the "applications per week" chart shows, the current one included. */
export const WEEKS_SHOWN = 12;

const MS_PER_DAY = 86_400_000;

/** The label of an application's source; applications carried over from interviews have none. */
export function formatSourceLabel(source: ApplicationSource | null): string {
  return source ? SOURCE_LABELS[source] : 'Not recorded';
}

// ─── Weeks ──────────────────────────────────────────────────────────────────────────────────

function dayIndex(dateKey: string): number {
  return Math.floor(Date.parse(`${dateKey}T00:00:00Z`) / MS_PER_DAY);
}

function dateKeyOf(index: number): string {
  return new Date(index * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The Monday of the week `dateKey` falls in (weeks start on Monday, as Postgres's date_trunc('week') does). */
export function startOfWeek(dateKey: string): WeekKey {
  const index = dayIndex(dateKey);
  // 1970-01-01 was a Thursday: day 0 is three days after a Monday.
  const sinceMonday = (((index + 3) % 7) + 7) % 7;
  return dateKeyOf(index - sinceMonday);
}

/** `count` week keys ending with the week of `todayKey`, oldest first. */
export function listWeekKeys(todayKey: string, count = WEEKS_SHOWN): WeekKey[] {
  const last = dayIndex(startOfWeek(todayKey));
  return Array.from({ length: count }, (_, offset) => dateKeyOf(last - (count - 1 - offset) * 7));
}

/** A row for each of the weeks, zeros where the database had nothing (a quiet week is still a week). */
export function fillWeeks(rows: readonly { week: WeekKey; count: number }[], todayKey: string, count = WEEKS_SHOWN) {
  const byWeek = new Map(rows.map((row) => [row.week, row.count]));
  return listWeekKeys(todayKey, count).map((week) => ({ week, count: byWeek.get(week) ?? 0 }));
}

// ─── The funnel ─────────────────────────────────────────────────────────────────────────────

export type InsightStage = {
  id: string;
  name: string;
  position: number;
  kind: StageKind;
  noReplyDays: number | null;
  systemKey: string | null;
};

/** The user's stages in board order: by position, ties by id, as every query of this page orders them. */
export function orderStages<T extends { position: number; id: string }>(stages: readonly T[]): T[] {
  return [...stages].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type FunnelStep = { stageId: string; name: string; reached: number; conversionToNext: number | null };

/**
 * How many applications reached each open stage, and the share of them that went on to the next.
 * An application "reached" a stage when it was ever in it or in an open stage after it (from its
 * stage history and its current stage): one sent straight from Applied to Interviewing passed
 * Screening too, so the funnel never grows from one step to the next. `furthest` counts the
 * applications by the furthest open stage each was ever in; closed stages are results, not steps.
 */
export function buildFunnel(
  stages: readonly InsightStage[],
  furthest: readonly { stageId: string; count: number }[],
): FunnelStep[] {
  const open = orderStages(stages).filter((stage) => stage.kind === 'OPEN');
  const counts = new Map(furthest.map((row) => [row.stageId, row.count]));
  const reached: number[] = [];
  let running = 0;
  for (let index = open.length - 1; index >= 0; index -= 1) {
    running += counts.get(open[index]?.id ?? '') ?? 0;
    reached[index] = running;
  }
  return open.map((stage, index) => {
    const next = open[index + 1];
    return {
      stageId: stage.id,
      name: stage.name,
      reached: reached[index] ?? 0,
      conversionToNext: next ? computeRate(reached[index + 1] ?? 0, reached[index] ?? 0) : null,
    };
  });
}

/** The furthest open stage among those an application was ever in (by board order), or null. */
export function findFurthestOpenStage(stages: readonly InsightStage[], everIn: readonly string[]): string | null {
  const seen = new Set(everIn);
  const open = orderStages(stages).filter((stage) => stage.kind === 'OPEN' && seen.has(stage.id));
  return open.at(-1)?.id ?? null;
}

// ─── Replies ────────────────────────────────────────────────────────────────────────────────

/** One line on the page, so the numbers are read the way they were counted. */
export const REPLY_DEFINITION =
  'A reply is the first sign the employer answered: a move past Applied (into a later open stage, or closed as anything but withdrawn or ghosted), a round added, or a reply you recorded. Times count from the applied date.';

/** The stage "applied" means: the Applied stage, or when the user removed it, their first open stage. */
export function findAppliedStage(stages: readonly InsightStage[]): InsightStage | undefined {
  const ordered = orderStages(stages);
  return (
    ordered.find((stage) => stage.systemKey === 'APPLIED' && stage.kind === 'OPEN') ??
    ordered.find((stage) => stage.kind === 'OPEN')
  );
}

export type ReplyStageChange = {
  at: Date;
  cause: StageChangeCause;
  /** The stage moved into, or null once that stage was removed (such a move no longer says where it went). */
  to: Pick<InsightStage, 'kind' | 'position' | 'systemKey'> | null;
};

/**
 * Whether a move was the employer answering: into an open stage after Applied, or into a closed
 * stage the employer decided (a rejection is a reply; the user withdrawing, or calling it ghosted,
 * is not). Moves written by the migration that carried interviews over are dated by the migration,
 * not by the employer, so they never count; the rounds they came from do.
 */
export function isReplyStageChange(change: ReplyStageChange, appliedPosition: number): boolean {
  if (change.cause === 'MIGRATION' || !change.to) return false;
  if (change.to.kind === 'OPEN') return change.to.position > appliedPosition;
  return change.to.systemKey !== 'WITHDRAWN' && change.to.systemKey !== 'GHOSTED';
}

export type ReplyInput = {
  appliedPosition: number;
  changes: readonly ReplyStageChange[];
  /** When each round was added to the application (scheduling it is the employer answering). */
  roundsAddedAt: readonly Date[];
  lastReplyAt: Date | null;
};

/** The first reply (see REPLY_DEFINITION), or null when the employer has not answered yet. */
export function findFirstReply({ appliedPosition, changes, roundsAddedAt, lastReplyAt }: ReplyInput): Date | null {
  const candidates = [
    ...changes.filter((change) => isReplyStageChange(change, appliedPosition)).map((change) => change.at),
    ...roundsAddedAt,
    ...(lastReplyAt ? [lastReplyAt] : []),
  ];
  if (candidates.length === 0) return null;
  return new Date(Math.min(...candidates.map((date) => date.getTime())));
}

/** Days from applying to the reply; a reply stamped before the applied date (backfilled) counts as zero. */
export function daysToReply(appliedAt: Date, replyAt: Date): number {
  return Math.max(0, (replyAt.getTime() - appliedAt.getTime()) / MS_PER_DAY);
}

export type SourceStats = {
  source: ApplicationSource | null;
  /** Applications sent (applied date set, past Applied, or answered). */
  applied: number;
  replied: number;
  responseRate: number | null;
  medianDaysToReply: number | null;
};

/** Response rate and median time to reply for one source, from each sent application's days to reply (null: none yet). */
export function summariseSource(source: ApplicationSource | null, daysPerApplication: readonly (number | null)[]) {
  const replies = daysPerApplication.filter((days): days is number => days !== null);
  return {
    source,
    applied: daysPerApplication.length,
    replied: replies.length,
    responseRate: computeRate(replies.length, daysPerApplication.length),
    medianDaysToReply: computeMedian(replies),
  } satisfies SourceStats;
}

// ─── Where applications stall ───────────────────────────────────────────────────────────────

export type StallRow = {
  stageId: string;
  name: string;
  noReplyDays: number | null;
  open: number;
  medianDaysInStage: number | null;
  /** Open applications past the stage's no-reply threshold, as lib/domain/ghosting.ts counts it. */
  pastThreshold: number;
};

export type ApplicationInsights = {
  total: number;
  /** WEEKS_SHOWN weeks, oldest first, ending with the current week. */
  weeks: { week: WeekKey; count: number }[];
  funnel: FunnelStep[];
  /** Sources with at least one sent application, the most used first. */
  bySource: SourceStats[];
  /** Every open stage in board order, empty ones included. */
  stalls: StallRow[];
};

/** "3.5 days", "1 day"; an em dash when there is no value. */
export function formatDays(days: number | null): string {
  if (days === null || !Number.isFinite(days)) return '—';
  const rounded = Math.round(days * 10) / 10;
  return rounded === 1 ? '1 day' : `${rounded} days`;
}

/** "12 Jan": the week's Monday, short. */
export function formatWeekLabel(week: WeekKey): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${week}T00:00:00Z`),
  );
}
