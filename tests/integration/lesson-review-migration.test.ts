import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getDb } from '@/lib/db';
import { createTestUser } from './support/factories';

const db = getDb();
const migrations = path.resolve(__dirname, '..', '..', 'prisma', 'migrations');

afterAll(() => db.$disconnect());

class RollBack extends Error {}

/** The data part of the migration that added Lesson.reviewCount: what it does to existing rows. */
function readBackfill(): string {
  const folder = readdirSync(migrations).find((name) => name.endsWith('_lesson_review_count'));
  if (!folder) throw new Error('no lesson_review_count migration');
  const sql = readFileSync(path.join(migrations, folder, 'migration.sql'), 'utf8');
  const backfill = sql.split('ADD COLUMN')[1]?.split(';').slice(1).join(';').trim();
  if (!backfill) throw new Error('the migration has no backfill');
  return backfill;
}

describe('the lesson review count migration', () => {
  it('counts a lesson reviewed before the count existed as reviewed once, and a never reviewed one as not reviewed', async () => {
    const user = await createTestUser();
    const reviewed = await db.lesson.create({
      data: { userId: user.id, rootCause: 'FORGOT', whatHappened: 'x', reviewedAt: new Date('2026-05-01T09:00:00Z') },
    });
    const never = await db.lesson.create({ data: { userId: user.id, rootCause: 'FORGOT', whatHappened: 'y' } });
    // Rolled back: the backfill touches every row, and other tests share this database.
    const transaction = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(readBackfill());
      const counts = await tx.lesson.findMany({ where: { userId: user.id }, select: { id: true, reviewCount: true } });
      expect(Object.fromEntries(counts.map((row) => [row.id, row.reviewCount]))).toEqual({
        [reviewed.id]: 1,
        [never.id]: 0,
      });
      throw new RollBack();
    });
    await expect(transaction).rejects.toBeInstanceOf(RollBack);
  });
});
