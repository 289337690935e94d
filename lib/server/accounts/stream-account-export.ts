import 'server-only';
import type { Tx } from '@/lib/db';
import { openSnapshotStream } from '@/lib/server/snapshots/open-snapshot-stream';

/** Rows per read of each table; one batch is the most of a table held in memory at once. */
export const ACCOUNT_EXPORT_BATCH_SIZE = 500;

type Cursor = { at: Date; id: string };
type ReadBatch = (after: Cursor | undefined, take: number) => Promise<{ id: string; [column: string]: unknown }[]>;

/**
 * Rows after the cursor in (field, id) order: the keyset that reads a table in batches, every row
 * exactly once. The id breaks ties, so rows sharing a time keep a stable order. The plain bound
 * lets an index on the time start at the cursor; the OR drops that instant's rows already read.
 */
function keysetAfter<F extends string>(field: F, after: Cursor | undefined) {
  if (!after) return {};
  const from = { [field]: { gte: after.at } } as Record<F, { gte: Date }>;
  const later = { [field]: { gt: after.at } } as Record<F, { gt: Date }>;
  return { ...from, OR: [later, { id: { gt: after.id } }] };
}

/** The account's tables in file order, each read in batches; the time field is the sort key. */
function accountSections(tx: Tx, userId: string): [name: string, field: string, read: ReadBatch][] {
  return [
    [
      'interviews',
      'scheduledStart',
      (after, take) =>
        tx.interview.findMany({
          where: { userId, ...keysetAfter('scheduledStart', after) },
          orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
          take,
        }),
    ],
    [
      'incidents',
      'recordedAt',
      (after, take) =>
        tx.missedIncident.findMany({
          where: { userId, ...keysetAfter('recordedAt', after) },
          orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
          take,
          omit: { idempotencyKey: true },
        }),
    ],
    [
      'recoverySteps',
      'completedAt',
      (after, take) =>
        tx.recoveryStep.findMany({
          where: { userId, ...keysetAfter('completedAt', after) },
          orderBy: [{ completedAt: 'asc' }, { id: 'asc' }],
          take,
        }),
    ],
    [
      'rescheduleRequests',
      'askedAt',
      (after, take) =>
        tx.rescheduleRequest.findMany({
          where: { userId, ...keysetAfter('askedAt', after) },
          orderBy: [{ askedAt: 'asc' }, { id: 'asc' }],
          take,
        }),
    ],
    [
      'messages',
      'createdAt',
      (after, take) =>
        tx.message.findMany({
          where: { userId, ...keysetAfter('createdAt', after) },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take,
          omit: { idempotencyKey: true },
          include: { revisions: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
        }),
    ],
    [
      'lessons',
      'createdAt',
      (after, take) =>
        tx.lesson.findMany({
          where: { userId, ...keysetAfter('createdAt', after) },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take,
          include: { actions: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
        }),
    ],
    [
      'activityEvents',
      'occurredAt',
      (after, take) =>
        tx.activityEvent.findMany({
          where: { userId, ...keysetAfter('occurredAt', after) },
          orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
          take,
        }),
    ],
    [
      'applicationStages',
      'createdAt',
      (after, take) =>
        tx.applicationStage.findMany({
          where: { userId, ...keysetAfter('createdAt', after) },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take,
        }),
    ],
    [
      'applications',
      'createdAt',
      (after, take) =>
        tx.application.findMany({
          where: { userId, ...keysetAfter('createdAt', after) },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take,
          // Derived from company and role, for matching only.
          omit: { matchKey: true },
        }),
    ],
    [
      'stageChanges',
      'changedAt',
      (after, take) =>
        tx.stageChange.findMany({
          where: { userId, ...keysetAfter('changedAt', after) },
          orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
          take,
        }),
    ],
    [
      'applicationContacts',
      'createdAt',
      (after, take) =>
        tx.applicationContact.findMany({
          where: { userId, ...keysetAfter('createdAt', after) },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          take,
        }),
    ],
  ];
}

/** A value as JSON.stringify(…, null, 2) writes it at the given depth of nesting. */
function toJsonAt(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/**
 * The file's text in pieces, one per batch, that add up to exactly what
 * JSON.stringify(account, null, 2) would give for the whole account read at once.
 */
async function* writeAccountJson(tx: Tx, userId: string, exportedAt: Date, batchSize: number): AsyncGenerator<string> {
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, timeZone: true, createdAt: true, updatedAt: true },
  });
  const head = { format: 'rebound-export', version: 1, exportedAt: exportedAt.toISOString(), user };
  yield toJsonAt(head, 0).slice(0, -2);
  for (const [name, field, read] of accountSections(tx, userId)) {
    let text = `,\n  ${JSON.stringify(name)}: [`;
    let count = 0;
    let after: Cursor | undefined;
    for (;;) {
      const rows = await read(after, batchSize);
      for (const row of rows) text += `${count++ === 0 ? '' : ','}\n    ${toJsonAt(row, 2)}`;
      if (text) yield text;
      text = '';
      const last = rows.at(-1);
      if (!last || rows.length < batchSize) break;
      after = { at: last[field] as Date, id: last.id };
    }
    yield count === 0 ? ']' : '\n  ]';
  }
  yield '\n}';
}

/** Everything stored for the user, as a JSON byte stream read from one snapshot. Never another user's rows. */
export function streamAccountExport(
  userId: string,
  options: { exportedAt?: Date; batchSize?: number; signal?: AbortSignal } = {},
): Promise<ReadableStream<Uint8Array>> {
  const exportedAt = options.exportedAt ?? new Date();
  const batchSize = options.batchSize ?? ACCOUNT_EXPORT_BATCH_SIZE;
  return openSnapshotStream((tx) => writeAccountJson(tx, userId, exportedAt, batchSize), { signal: options.signal });
}
