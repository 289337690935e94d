-- AlterTable
ALTER TABLE "Interview" ADD COLUMN     "calendarUid" TEXT;

-- Existing chains of reschedules. Each slot that replaced another takes the UID of its chain's
-- first slot, and a SEQUENCE above the slot it replaced (its own when that is higher already),
-- so a calendar holding any earlier slot of the meeting updates that one event. Walked from the
-- first slots down, within one user: a loop of links no first slot leads to is left as it is.
-- A first slot keeps its UID (null: its own id) and its SEQUENCE. Safe to run again: a second
-- run computes the same values and finds nothing to change.
WITH RECURSIVE "chain" ("id", "userId", "uid", "sequence") AS (
  SELECT i."id", i."userId", COALESCE(i."calendarUid", i."id"), i."calendarSequence"
  FROM "Interview" AS i
  WHERE i."rescheduledFromId" IS NULL
  UNION ALL
  SELECT next."id", next."userId", chain."uid", GREATEST(next."calendarSequence", chain."sequence" + 1)
  FROM "chain"
  JOIN "Interview" AS next ON next."rescheduledFromId" = chain."id" AND next."userId" = chain."userId"
)
UPDATE "Interview" AS i
SET "calendarUid" = chain."uid", "calendarSequence" = chain."sequence"
FROM "chain"
WHERE i."id" = chain."id"
  AND i."rescheduledFromId" IS NOT NULL
  AND (i."calendarUid" IS DISTINCT FROM chain."uid" OR i."calendarSequence" <> chain."sequence");
