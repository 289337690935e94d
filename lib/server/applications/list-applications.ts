import 'server-only';
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ApplicationTableQuery, ApplicationTableSort } from '@/lib/validation/application';

export const APPLICATIONS_PAGE_SIZE = 25;

type Direction = 'asc' | 'desc';
type CursorValue = string | null;

// Each sort's column and the direction it reads best in by default: the latest change first,
// the latest application first, companies A to Z.
const SORTS: Record<ApplicationTableSort, { column: 'updatedAt' | 'appliedOn' | 'company'; dir: Direction }> = {
  changed: { column: 'updatedAt', dir: 'desc' },
  applied: { column: 'appliedOn', dir: 'desc' },
  company: { column: 'company', dir: 'asc' },
};

const listSelect = {
  id: true,
  company: true,
  roleTitle: true,
  source: true,
  sourceDetail: true,
  appliedOn: true,
  updatedAt: true,
  stage: { select: { id: true, name: true, kind: true } },
} satisfies Prisma.ApplicationSelect;

export type ApplicationTableRow = Prisma.ApplicationGetPayload<{ select: typeof listSelect }> & {
  nextRound: { id: string; scheduledStart: Date; timeZone: string; roundLabel: string | null } | null;
};

/** The "next page" token: the last row's sort value and id, opaque in the URL and never trusted. */
function encodeCursor(value: CursorValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(raw: string | undefined): { value: CursorValue; id: string } | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [value, id] = parsed as unknown[];
    if (typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
    if (value !== null && (typeof value !== 'string' || value.length > 400)) return null;
    return { value, id };
  } catch {
    return null;
  }
}

function cursorValueOf(row: ApplicationTableRow, column: (typeof SORTS)[ApplicationTableSort]['column']): CursorValue {
  if (column === 'company') return row.company;
  if (column === 'updatedAt') return row.updatedAt.toISOString();
  return row.appliedOn ? row.appliedOn.toISOString() : null;
}

/**
 * Where the page after the cursor starts, for (column, id) in `dir` with empty applied dates
 * last: a later value, or the same value and a later id, or (on the applied sort) any row
 * without a date once the dated ones are done.
 */
function afterCursor(
  column: (typeof SORTS)[ApplicationTableSort]['column'],
  dir: Direction,
  cursor: { value: CursorValue; id: string },
): Prisma.ApplicationWhereInput | null {
  const op = dir === 'asc' ? 'gt' : 'lt';
  if (column === 'appliedOn') {
    if (cursor.value === null) return { appliedOn: null, id: { [op]: cursor.id } };
    const at = new Date(cursor.value);
    if (Number.isNaN(at.getTime())) return null;
    return { OR: [{ appliedOn: { [op]: at } }, { appliedOn: at, id: { [op]: cursor.id } }, { appliedOn: null }] };
  }
  if (column === 'updatedAt') {
    if (cursor.value === null) return null;
    const at = new Date(cursor.value);
    if (Number.isNaN(at.getTime())) return null;
    return { OR: [{ updatedAt: { [op]: at } }, { updatedAt: at, id: { [op]: cursor.id } }] };
  }
  if (cursor.value === null) return null;
  return { OR: [{ company: { [op]: cursor.value } }, { company: cursor.value, id: { [op]: cursor.id } }] };
}

function filtersOf(userId: string, query: ApplicationTableQuery): Prisma.ApplicationWhereInput {
  const where: Prisma.ApplicationWhereInput = { userId };
  if (query.stage) where.stageId = query.stage;
  if (query.source) where.source = query.source;
  if (query.from || query.to) {
    where.appliedOn = {
      ...(query.from ? { gte: new Date(`${query.from}T00:00:00.000Z`) } : {}),
      ...(query.to ? { lte: new Date(`${query.to}T00:00:00.000Z`) } : {}),
    };
  }
  if (query.q) {
    // Prisma passes `contains` to LIKE as it is; escaped, % and _ match only themselves.
    const term = query.q.replace(/[\\%_]/g, (char) => `\\${char}`);
    where.OR = [
      { company: { contains: term, mode: 'insensitive' } },
      { roleTitle: { contains: term, mode: 'insensitive' } },
    ];
  }
  return where;
}

/**
 * One page of the user's applications for the table, by keyset on the sort column and id, with
 * each one's next scheduled round. Two statements whatever the page or the account's size: the
 * page, then the upcoming rounds of the page's applications.
 */
export async function listApplications(userId: string, query: ApplicationTableQuery, now = new Date()) {
  const sort = SORTS[query.sort];
  const dir = query.dir ?? sort.dir;
  const where = filtersOf(userId, query);
  const cursor = decodeCursor(query.cursor);
  const after = cursor ? afterCursor(sort.column, dir, cursor) : null;
  const orderBy: Prisma.ApplicationOrderByWithRelationInput[] =
    sort.column === 'appliedOn'
      ? [{ appliedOn: { sort: dir, nulls: 'last' } }, { id: dir }]
      : [{ [sort.column]: dir }, { id: dir }];
  const db = getDb();
  const page = await db.application.findMany({
    where: after ? { AND: [where, after] } : where,
    orderBy,
    take: APPLICATIONS_PAGE_SIZE + 1,
    select: listSelect,
  });
  const hasMore = page.length > APPLICATIONS_PAGE_SIZE;
  const visible = hasMore ? page.slice(0, APPLICATIONS_PAGE_SIZE) : page;
  const rounds =
    visible.length === 0
      ? []
      : await db.interview.findMany({
          where: {
            userId,
            applicationId: { in: visible.map((row) => row.id) },
            status: 'SCHEDULED',
            scheduledStart: { gte: now },
          },
          orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
          select: { id: true, applicationId: true, scheduledStart: true, timeZone: true, roundLabel: true },
        });
  const nextRounds = new Map<string, ApplicationTableRow['nextRound']>();
  for (const { applicationId, ...round } of rounds)
    if (!nextRounds.has(applicationId)) nextRounds.set(applicationId, round);
  const items: ApplicationTableRow[] = visible.map((row) => ({ ...row, nextRound: nextRounds.get(row.id) ?? null }));
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor(cursorValueOf(last, sort.column), last.id) : null };
}
