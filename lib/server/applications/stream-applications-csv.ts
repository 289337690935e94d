import 'server-only';
import type { Tx } from '@/lib/db';
import { formatSourceLabel } from '@/lib/domain/application-insights';
import { createCsvWriter, type CsvCell } from '@/lib/domain/csv';
import { APPLICATION_CSV_HEADERS } from '@/lib/domain/csv-import-headers';
import { CLOSE_REASON_LABELS, CONTACT_ROLE_LABELS, SALARY_PERIOD_LABELS } from '@/lib/domain/application-details';
import { formatStageHistory } from '@/lib/domain/proof-of-search';
import { isValidTimeZone, utcToZonedLocal } from '@/lib/domain/time';
import type { Prisma } from '@/lib/generated/prisma/client';
import { openSnapshotStream } from '@/lib/server/snapshots/open-snapshot-stream';
import { applicationFieldsSelect } from './application-select';

/** Applications per read: one statement per batch (contacts and history joined in). */
export const APPLICATION_EXPORT_BATCH_SIZE = 500;

// The header row is shared with the CSV import's preset for this file.
export { APPLICATION_CSV_HEADERS };

function exportSelect(userId: string) {
  return {
    ...applicationFieldsSelect,
    stage: { select: { name: true } },
    contacts: {
      where: { userId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { name: true, email: true, phone: true, role: true },
    },
    stageChanges: {
      where: { userId },
      orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
      select: { changedAt: true, fromStageName: true, toStageName: true },
    },
  } satisfies Prisma.ApplicationSelect;
}

type ExportRow = Prisma.ApplicationGetPayload<{ select: ReturnType<typeof exportSelect> }>;

function toCells(row: ExportRow, timeZone: string): CsvCell[] {
  const day = (instant: Date) => utcToZonedLocal(instant, timeZone).slice(0, 10);
  return [
    row.company,
    row.roleTitle,
    row.stage.name,
    row.closedAt,
    row.closeReason ? CLOSE_REASON_LABELS[row.closeReason] : null,
    row.source ? formatSourceLabel(row.source) : null,
    row.sourceDetail,
    row.postingUrl,
    row.location,
    row.isRemote,
    row.salaryMin,
    row.salaryMax,
    row.salaryCurrency,
    row.salaryPeriod ? SALARY_PERIOD_LABELS[row.salaryPeriod] : null,
    // A calendar date with no zone: its own day, not shifted by the user's.
    row.appliedOn?.toISOString().slice(0, 10),
    row.lastReplyAt,
    row.notes,
    row.contacts
      .map((contact) =>
        [`${contact.name} (${CONTACT_ROLE_LABELS[contact.role].toLowerCase()})`, contact.email, contact.phone]
          .filter(Boolean)
          .join(', '),
      )
      .join('\n'),
    formatStageHistory(
      row.stageChanges.map((change) => ({
        on: day(change.changedAt),
        fromStageName: change.fromStageName,
        toStageName: change.toStageName,
      })),
    ),
    row.createdAt,
  ];
}

/**
 * The file in pieces, one per batch: applications in the order they were added, by keyset on
 * (createdAt, id), which is unique, so each comes exactly once.
 */
async function* writeApplicationsCsv(
  tx: Tx,
  userId: string,
  timeZone: string,
  batchSize: number,
): AsyncGenerator<string> {
  const csv = createCsvWriter(APPLICATION_CSV_HEADERS, { bom: true });
  const select = exportSelect(userId);
  let header = csv.header;
  let after: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const rows = await tx.application.findMany({
      where: {
        userId,
        // The plain bound lets the (userId, createdAt, id) index start at the cursor.
        ...(after && {
          createdAt: { gte: after.createdAt },
          OR: [{ createdAt: { gt: after.createdAt } }, { id: { gt: after.id } }],
        }),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: batchSize,
      select,
    });
    const last = rows.at(-1);
    if (!last) {
      if (header) yield header;
      return;
    }
    yield header + rows.map((row) => csv.row(toCells(row, timeZone))).join('');
    header = '';
    if (rows.length < batchSize) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** Every application of the user with its stage, contacts and stage history, as a CSV stream from one snapshot. */
export function streamApplicationsCsv(
  userId: string,
  timeZone: string,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<ReadableStream<Uint8Array>> {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const batchSize = options.batchSize ?? APPLICATION_EXPORT_BATCH_SIZE;
  return openSnapshotStream((tx) => writeApplicationsCsv(tx, userId, zone, batchSize), { signal: options.signal });
}
