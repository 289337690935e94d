import 'server-only';
import type { Tx } from '@/lib/db';
import type PgBoss from 'pg-boss';

export const JOB_SCHEMA = 'pgboss';
export const DISPATCH_QUEUE = 'reminder-dispatch';
export const DELIVERY_QUEUE = 'notification-delivery';
/** The dispatcher's cron: pg-boss runs a schedule once per minute across every instance. */
export const DISPATCH_CRON = '* * * * *';

export type DeliveryJob = { deliveryId: string };

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
