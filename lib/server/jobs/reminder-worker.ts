import 'server-only';
import PgBoss from 'pg-boss';
import { registerDefaultChannels } from '@/lib/server/notifications/register-channels';
import { CSV_IMPORT_QUEUE_OPTIONS, workCsvImports } from './csv-import-worker';
import { deliverNotification, RetryLaterError } from './deliver-notification';
import { dispatchDueReminders } from './dispatch-reminders';
import {
  DEFAULT_DELIVERY_RETRY,
  DELIVERY_QUEUE,
  DISPATCH_CRON,
  DISPATCH_QUEUE,
  JOB_SCHEMA,
  type DeliveryJob,
  type DeliveryRetry,
} from './queues';

export type ReminderWorkerOptions = {
  connectionString: string;
  /** How often an idle worker looks for jobs. */
  pollingIntervalSeconds?: number;
  retry?: DeliveryRetry;
  /** Whether this instance runs the per-minute dispatch schedule (every instance may; pg-boss runs it once). */
  schedule?: boolean;
  log?: (message: string, error?: unknown) => void;
};

export type ReminderWorker = {
  boss: PgBoss;
  startedAt: Date;
  /** Asks for a dispatch run now (any instance's worker takes it). */
  requestDispatch(): Promise<void>;
  stop(): Promise<void>;
};

const defaultLog = (message: string, error?: unknown) => console.error(`[worker] ${message}`, error ?? '');

/**
 * Creates the queue, or brings its options up to date. Two instances starting together can
 * deadlock in pg-boss's partition DDL; the loser tries again.
 */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue & { name: string }): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, queue);
      else await boss.createQueue(queue.name, queue);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '23505' && code !== '42P07')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}

/**
 * Starts pg-boss on the app's database (its own schema) and the two workers: the dispatcher,
 * which a cron schedule runs once a minute across all instances (and once at start, to catch up
 * after downtime), and the deliveries, one job per notification and channel.
 */
export async function startReminderWorker(options: ReminderWorkerOptions): Promise<ReminderWorker> {
  const log = options.log ?? defaultLog;
  const retry = options.retry ?? DEFAULT_DELIVERY_RETRY;
  const polling = options.pollingIntervalSeconds ?? 2;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: JOB_SCHEMA,
    max: 4,
    application_name: 'rebound-worker',
    schedule: options.schedule ?? true,
  });
  // pg-boss reports pool and worker errors as events; unheard, they would crash the process.
  boss.on('error', (error) => log('queue error', error));
  await boss.start();

  // At most one dispatch runs at a time anywhere; a dispatch that dies is simply redone next minute.
  const dispatchQueue = { name: DISPATCH_QUEUE, policy: 'singleton' as const, retryLimit: 0, expireInSeconds: 300 };
  // stately: per reminder and channel, one job waiting and one running at most.
  const deliveryQueue = { name: DELIVERY_QUEUE, policy: 'stately' as const, ...retry, expireInSeconds: 120 };
  await ensureQueue(boss, dispatchQueue);
  await ensureQueue(boss, deliveryQueue);
  await ensureQueue(boss, CSV_IMPORT_QUEUE_OPTIONS);
  if (options.schedule ?? true) await boss.schedule(DISPATCH_QUEUE, DISPATCH_CRON);

  registerDefaultChannels();
  await boss.work(DISPATCH_QUEUE, { pollingIntervalSeconds: polling }, async () => {
    await dispatchDueReminders(boss);
  });
  await boss.work<DeliveryJob>(
    DELIVERY_QUEUE,
    { pollingIntervalSeconds: polling, includeMetadata: true, batchSize: 1 },
    async (jobs) => {
      for (const job of jobs) {
        try {
          await deliverNotification({
            deliveryId: job.data.deliveryId,
            retryCount: job.retryCount,
            retryLimit: job.retryLimit,
          });
        } catch (error) {
          if (!(error instanceof RetryLaterError)) log(`delivery ${job.data.deliveryId} failed`, error);
          throw error;
        }
      }
    },
  );

  await workCsvImports(boss, { pollingIntervalSeconds: polling, log });

  const requestDispatch = async () => {
    await boss.send(DISPATCH_QUEUE, {});
  };
  await requestDispatch();
  return {
    boss,
    startedAt: new Date(),
    requestDispatch,
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
