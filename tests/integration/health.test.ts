import { GET } from '@/app/api/health/route';
import { getDb } from '@/lib/db';
import { startWorkerInProcess } from '@/lib/server/jobs/start-worker-in-process';
import { createTestUser } from './support/factories';

afterAll(() => getDb().$disconnect());

describe('GET /api/health', () => {
  it('answers 200 with the database mode, reachability and migration state', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.status).toBe('ok');
    expect(body.database.mode).toBe(process.env.REBOUND_DATABASE_MODE);
    expect(body.database.reachable).toBe(true);
    expect(body.database.migrations.upToDate).toBe(true);
    expect(body.database.migrations.applied).toBe(body.database.migrations.expected);
  });

  it('answers 503 with a reason when the database cannot be reached', async () => {
    const saved = { url: process.env.DATABASE_URL };
    process.env.DATABASE_URL = 'postgresql://nobody@127.0.0.1:1/none';
    const globalForPrisma = globalThis as unknown as { prisma?: unknown };
    const cached = globalForPrisma.prisma;
    delete globalForPrisma.prisma;
    try {
      let unreachableGet: typeof GET | undefined;
      await jest.isolateModulesAsync(async () => {
        unreachableGet = (await import('@/app/api/health/route')).GET;
      });
      const response = await unreachableGet!();
      expect(response.status).toBe(503);
      const body = await response.json();
      expect(body.database.reachable).toBe(false);
      expect(body.reason).toMatch(/Database unreachable/);
    } finally {
      // The unreachable client never opened a connection; there is nothing to close.
      process.env.DATABASE_URL = saved.url;
      globalForPrisma.prisma = cached;
    }
  });

  it('reports the reminder worker: this process, the queue depth and the oldest due item', async () => {
    const before = await (await GET()).json();
    expect(before.worker).toMatchObject({ running: false, status: 'off' });
    expect(typeof before.worker.queueDepth).toBe('number');

    const user = await createTestUser();
    const dueAt = new Date(Date.now() - 10 * 60_000);
    await getDb().reminder.create({
      data: {
        userId: user.id,
        kind: 'LESSON_REVIEW',
        dedupeKey: `health:${user.id}`,
        dueAt,
        latestUsefulAt: new Date(Date.now() + 3_600_000),
        channels: ['IN_APP'],
      },
    });
    const waiting = await (await GET()).json();
    expect(waiting.status).toBe('ok');
    expect(waiting.worker.queueDepth).toBeGreaterThanOrEqual(before.worker.queueDepth + 1);
    expect(new Date(waiting.worker.oldestDueAt).getTime()).toBeLessThanOrEqual(dueAt.getTime());

    const state = await startWorkerInProcess({ log: () => undefined });
    try {
      const running = await (await GET()).json();
      expect(running.worker).toMatchObject({ running: true, status: 'running', lastError: null });
    } finally {
      await state.stop();
      delete (globalThis as Record<symbol, unknown>)[Symbol.for('rebound.reminder-worker')];
    }
  }, 30_000);
});
