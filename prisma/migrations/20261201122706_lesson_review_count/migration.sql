-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "reviewCount" INTEGER NOT NULL DEFAULT 0;

-- Backfill: a lesson reviewed before the count existed was reviewed at least once, so its next
-- review is spaced from that review like any lesson reviewed once.
UPDATE "Lesson" SET "reviewCount" = 1 WHERE "reviewedAt" IS NOT NULL;
