// When an application has gone quiet. Each stage may set a "no reply after" threshold; the
// clock starts at the application's last sign of life (applied, a stage change, a reply the user
// recorded, the end of a round). Past the threshold the application is flagged and the user is
// nudged to follow up; after a second period of silence Rebound suggests Ghosted, which only the
// user can choose. After a round the wait is counted in business days where the employer is, as
// a recruiter counts it; before any round, in calendar days from the application or its move.
//
// Calendar days keep the local clock time in the zone (14 days after 10:00 is 10:00, across a
// DST change too), as a person counting on a calendar would; a zone that no longer exists counts
// in UTC rather than failing the board.
import { addBusinessDays } from './business-days';
import { isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from './time';

const MS_PER_DAY = 86_400_000;

export type LastSignOfLife = {
  at: Date;
  // 'round': the end of the application's latest past round; the others count calendar days.
  kind: 'applied' | 'stage-change' | 'reply' | 'round';
};

export type GhostInput = {
  // The current stage's threshold in days; null when the stage waits on the candidate or is closed.
  noReplyDays: number | null;
  stageKind: 'OPEN' | 'CLOSED';
  last: LastSignOfLife | null;
  // The employer's zone (the latest round's), else the user's.
  timeZone: string;
  now: Date;
};

export type GhostState =
  | { kind: 'none' }
  | { kind: 'waiting'; flagAt: Date }
  | { kind: 'no-reply'; since: Date; suggestGhostedAt: Date }
  | { kind: 'suggest-ghosted'; since: Date; suggestGhostedAt: Date };

/** The instant `days` after `from`, counted the way `kind` says (see the file's header). */
export function addWaitDays(from: Date, days: number, kind: LastSignOfLife['kind'], timeZone: string): Date {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return kind === 'round' ? addBusinessDays(from, days, zone) : addCalendarDays(from, days, zone);
}

/** `days` calendar days after `from` in `timeZone`, at the same local clock time (seconds kept). */
function addCalendarDays(from: Date, days: number, timeZone: string): Date {
  const local = utcToZonedLocal(from, timeZone);
  const [year = 0, month = 1, day = 1] = local.slice(0, 10).split('-').map(Number);
  const targetDay = new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY).toISOString().slice(0, 10);
  const { instant } = zonedLocalToUtc(`${targetDay}T${local.slice(11, 16)}`, timeZone);
  const subMinute = ((from.getTime() % 60_000) + 60_000) % 60_000;
  return new Date(instant.getTime() + subMinute);
}

/**
 * The start of the day the user says they applied (a calendar date, stored as midnight UTC), as
 * midnight in their zone: "applied on the 3rd" starts the clock when the 3rd starts for them.
 */
export function appliedOnSign(appliedOn: Date, timeZone: string): LastSignOfLife {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return { at: zonedLocalToUtc(`${appliedOn.toISOString().slice(0, 10)}T00:00`, zone).instant, kind: 'applied' };
}

/** Where the application stands on the no-reply clock at `now`. */
export function ghostState({ noReplyDays, stageKind, last, timeZone, now }: GhostInput): GhostState {
  // A fractional threshold cannot be counted in business days; the stage form only stores whole ones.
  if (stageKind === 'CLOSED' || noReplyDays === null || !Number.isInteger(noReplyDays) || noReplyDays <= 0 || !last)
    return { kind: 'none' };
  if (Number.isNaN(last.at.getTime()) || Number.isNaN(now.getTime())) return { kind: 'none' };
  const flagAt = addWaitDays(last.at, noReplyDays, last.kind, timeZone);
  if (now < flagAt) return { kind: 'waiting', flagAt };
  const suggestGhostedAt = addWaitDays(flagAt, noReplyDays, last.kind, timeZone);
  if (now < suggestGhostedAt) return { kind: 'no-reply', since: flagAt, suggestGhostedAt };
  return { kind: 'suggest-ghosted', since: flagAt, suggestGhostedAt };
}

/** The latest of the signs of life given (any may be missing). */
export function latestSignOfLife(...signs: readonly (LastSignOfLife | null | undefined)[]): LastSignOfLife | null {
  let latest: LastSignOfLife | null = null;
  for (const sign of signs) if (sign && (!latest || sign.at > latest.at)) latest = sign;
  return latest;
}
