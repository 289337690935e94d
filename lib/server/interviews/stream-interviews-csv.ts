import 'server-only';
import type { Tx } from '@/lib/db';
import { createCsvWriter, type CsvCell } from '@/lib/domain/csv';
import { INTERVIEW_CSV_HEADERS } from '@/lib/domain/csv-import-headers';
import { FORMAT_LABELS } from '@/lib/domain/interview-format';
import { INTERVIEW_STATUS_LABELS } from '@/lib/domain/interview-status';
import { formatInZone } from '@/lib/domain/time';
import type { Prisma } from '@/lib/generated/prisma/client';
import { openSnapshotStream } from '@/lib/server/snapshots/open-snapshot-stream';
import { interviewFactsSelect } from './interview-select';

/** Interviews per read: a few hundred KB of CSV, and a short IN list for their histories. */
export const INTERVIEW_EXPORT_BATCH_SIZE = 500;

// The header row is shared with the CSV import's preset for this file.
export { INTERVIEW_CSV_HEADERS };

// Only the columns the file shows (the facts, the notes, when it was added), and the two the keyset needs.
const exportSelect = { ...interviewFactsSelect, notes: true, createdAt: true } satisfies Prisma.InterviewSelect;

type ExportRow = Prisma.InterviewGetPayload<{ select: typeof exportSelect }>;

function toCells(row: ExportRow, history: readonly string[]): CsvCell[] {
  return [
    row.company,
    row.roleTitle,
    row.roundLabel,
    formatInZone(row.scheduledStart, row.timeZone, { dateStyle: 'medium', timeStyle: 'short' }),
    row.timeZone,
    row.scheduledStart,
    row.durationMinutes,
    FORMAT_LABELS[row.format],
    INTERVIEW_STATUS_LABELS[row.status],
    row.location,
    row.meetingUrl,
    row.contactName,
    row.contactEmail,
    row.contactPhone,
    row.travelMinutes,
    row.bufferMinutes,
    row.notes,
    history.join('\n'),
    row.createdAt,
  ];
}

/**
 * The file's text in pieces, one per batch: interviews in start order by keyset on
 * (scheduledStart, id), which is unique, so every interview comes exactly once; each batch's
 * status history comes in one more query, oldest first.
 */
async function* writeInterviewsCsv(tx: Tx, userId: string, batchSize: number): AsyncGenerator<string> {
  const csv = createCsvWriter(INTERVIEW_CSV_HEADERS);
  let header = csv.header;
  let after: { scheduledStart: Date; id: string } | undefined;
  for (;;) {
    const rows = await tx.interview.findMany({
      where: {
        userId,
        // The plain bound lets the (userId, scheduledStart, id) index start at the cursor, so a
        // late batch costs what the first does; the OR drops that instant's rows already sent.
        ...(after && {
          scheduledStart: { gte: after.scheduledStart },
          OR: [{ scheduledStart: { gt: after.scheduledStart } }, { id: { gt: after.id } }],
        }),
      },
      orderBy: [{ scheduledStart: 'asc' }, { id: 'asc' }],
      take: batchSize,
      select: exportSelect,
    });
    const last = rows.at(-1);
    if (!last) {
      // An export with no interviews is still a file: the header alone.
      if (header) yield header;
      return;
    }
    const events = await tx.activityEvent.findMany({
      where: { userId, type: 'STATUS_CHANGED', interviewId: { in: rows.map((row) => row.id) } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
      select: { interviewId: true, occurredAt: true, summary: true },
    });
    const history = new Map<string, string[]>();
    for (const event of events) {
      const entries = history.get(event.interviewId) ?? [];
      entries.push(`${event.occurredAt.toISOString()} ${event.summary}`);
      history.set(event.interviewId, entries);
    }
    yield header + rows.map((row) => csv.row(toCells(row, history.get(row.id) ?? []))).join('');
    header = '';
    if (rows.length < batchSize) return;
    after = { scheduledStart: last.scheduledStart, id: last.id };
  }
}

/** Every interview of the user with its status history, as a CSV byte stream read from one snapshot. */
export function streamInterviewsCsv(
  userId: string,
  options: { batchSize?: number; signal?: AbortSignal } = {},
): Promise<ReadableStream<Uint8Array>> {
  const batchSize = options.batchSize ?? INTERVIEW_EXPORT_BATCH_SIZE;
  return openSnapshotStream((tx) => writeInterviewsCsv(tx, userId, batchSize), { signal: options.signal });
}
