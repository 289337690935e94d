import { GET } from '@/app/api/health/route';
import { getDb } from '@/lib/db';

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
});
