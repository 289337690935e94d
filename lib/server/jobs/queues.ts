import 'server-only';
import PgBoss from 'pg-boss';
import type { Tx } from '@/lib/db';
import { getDatabaseUrl } from '@/lib/env';

export const JOB_SCHEMA = 'pgboss';
export const DISPATCH_QUEUE = 'reminder-dispatch';
export const DELIVERY_QUEUE = 'notification-delivery';
/** One job per confirmed CSV import (lib/server/jobs/csv-import-worker.ts). */
export const CSV_IMPORT_QUEUE = 'csv-import';
/** The dispatcher's cron: pg-boss runs a schedule once per minute across every instance. */
export const DISPATCH_CRON = '* * * * *';

export type DeliveryJob = { deliveryId: string };

export type CsvImportJob = { importId: string };

export type DeliveryRetry = { retryLimit: number; retryDelay: number; retryBackoff: boolean };

/** About 1, 2, 4, 8, 16 minutes apart (pg-boss adds jitter): an SMTP server back within half an hour still gets the mail. */
export const DEFAULT_DELIVERY_RETRY: DeliveryRetry = { retryLimit: 5, retryDelay: 30, retryBackoff: true };

/**
 * pg-boss's SQL run inside a Prisma interactive transaction, so a job is sent if and only if the
 * transaction that asks for it commits. Objects go as JSON text; arrays stay arrays (pg-boss
 * binds `$n::uuid[]`).
 */
export function prismaJobDb(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const params = values.map((value) =>
        value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)
          ? JSON.stringify(value)
          : value,
      );
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...params) };
    },
  };
}

// Sending a job only writes its row through the caller's transaction (prismaJobDb), so this
// instance is never started: it holds no connection of its own.
let sender: PgBoss | null = null;

/**
 * Queues a confirmed CSV import inside the transaction that marks it QUEUED: the job exists if
 * and only if that transaction commits. The queue is created by the worker when it starts.
 */
export async function sendCsvImportJob(tx: Tx, importId: string): Promise<void> {
  sender ??= new PgBoss({ connectionString: getDatabaseUrl(), schema: JOB_SCHEMA });
  const job: CsvImportJob = { importId };
  const id = await sender.send(CSV_IMPORT_QUEUE, job, { singletonKey: importId, db: prismaJobDb(tx) });
  if (!id) throw new Error(`The import queue refused the job for import ${importId}; has the worker ever started?`);
}
