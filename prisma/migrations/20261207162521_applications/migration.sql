-- CreateEnum
CREATE TYPE "ApplicationSource" AS ENUM ('JOB_BOARD', 'REFERRAL', 'COMPANY_SITE', 'RECRUITER', 'OTHER');

-- CreateEnum
CREATE TYPE "SalaryPeriod" AS ENUM ('YEAR', 'MONTH', 'HOUR');

-- CreateEnum
CREATE TYPE "ApplicationCloseReason" AS ENUM ('REJECTED', 'WITHDRAWN', 'GHOSTED', 'OFFER_DECLINED', 'OFFER_ACCEPTED', 'POSITION_FILLED');

-- CreateEnum
CREATE TYPE "StageKind" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "StageChangeCause" AS ENUM ('USER', 'INTERVIEW_SCHEDULED', 'IMPORT', 'MIGRATION');

-- CreateEnum
CREATE TYPE "ContactRole" AS ENUM ('RECRUITER', 'HIRING_MANAGER', 'INTERVIEWER', 'OTHER');

-- AlterTable
-- NOT NULL once every existing interview has its application (the end of this file).
ALTER TABLE "Interview" ADD COLUMN     "applicationId" TEXT,
ADD COLUMN     "contactId" TEXT;

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "company" TEXT NOT NULL,
    "roleTitle" TEXT NOT NULL,
    "matchKey" TEXT NOT NULL,
    "source" "ApplicationSource",
    "sourceDetail" TEXT,
    "postingUrl" TEXT,
    "location" TEXT,
    "isRemote" BOOLEAN NOT NULL DEFAULT false,
    "salaryMin" INTEGER,
    "salaryMax" INTEGER,
    "salaryCurrency" TEXT,
    "salaryPeriod" "SalaryPeriod",
    "appliedOn" DATE,
    "notes" TEXT,
    "stageId" TEXT NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "closeReason" "ApplicationCloseReason",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationStage" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "StageKind" NOT NULL,
    "noReplyDays" INTEGER,
    "systemKey" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageChange" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "fromStageId" TEXT,
    "toStageId" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,
    "cause" "StageChangeCause" NOT NULL,

    CONSTRAINT "StageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationContact" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "role" "ContactRole" NOT NULL DEFAULT 'OTHER',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Application_userId_matchKey_idx" ON "Application"("userId", "matchKey");

-- CreateIndex
CREATE INDEX "Application_userId_updatedAt_id_idx" ON "Application"("userId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Application_userId_createdAt_id_idx" ON "Application"("userId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Application_userId_stageId_idx" ON "Application"("userId", "stageId");

-- CreateIndex
CREATE INDEX "Application_stageId_idx" ON "Application"("stageId");

-- CreateIndex
CREATE INDEX "ApplicationStage_userId_position_idx" ON "ApplicationStage"("userId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationStage_userId_name_key" ON "ApplicationStage"("userId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationStage_userId_systemKey_key" ON "ApplicationStage"("userId", "systemKey");

-- CreateIndex
CREATE INDEX "StageChange_applicationId_changedAt_idx" ON "StageChange"("applicationId", "changedAt");

-- CreateIndex
CREATE INDEX "StageChange_userId_changedAt_idx" ON "StageChange"("userId", "changedAt");

-- CreateIndex
CREATE INDEX "StageChange_fromStageId_idx" ON "StageChange"("fromStageId");

-- CreateIndex
CREATE INDEX "StageChange_toStageId_idx" ON "StageChange"("toStageId");

-- CreateIndex
CREATE INDEX "ApplicationContact_applicationId_createdAt_idx" ON "ApplicationContact"("applicationId", "createdAt");

-- CreateIndex
CREATE INDEX "ApplicationContact_userId_createdAt_idx" ON "ApplicationContact"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Interview_applicationId_scheduledStart_idx" ON "Interview"("applicationId", "scheduledStart");

-- CreateIndex
CREATE INDEX "Interview_contactId_idx" ON "Interview"("contactId");

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ApplicationContact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "ApplicationStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationStage" ADD CONSTRAINT "ApplicationStage_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_fromStageId_fkey" FOREIGN KEY ("fromStageId") REFERENCES "ApplicationStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_toStageId_fkey" FOREIGN KEY ("toStageId") REFERENCES "ApplicationStage"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationContact" ADD CONSTRAINT "ApplicationContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationContact" ADD CONSTRAINT "ApplicationContact_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing data. Every statement below adds only what is missing, so running this part again
-- changes nothing.

-- The default pipeline for every user: the same list as DEFAULT_STAGES in
-- lib/domain/application-stages.ts, which new accounts get.
INSERT INTO "ApplicationStage" ("id", "userId", "name", "position", "kind", "noReplyDays", "systemKey")
SELECT gen_random_uuid()::text, u."id", d."name", d."position", d."kind"::"StageKind", d."noReplyDays", d."systemKey"
FROM "User" AS u
CROSS JOIN (VALUES
  ('SAVED', 'Saved', 0, 'OPEN', NULL::integer),
  ('APPLIED', 'Applied', 1, 'OPEN', 14),
  ('SCREENING', 'Screening', 2, 'OPEN', 7),
  ('INTERVIEWING', 'Interviewing', 3, 'OPEN', 7),
  ('OFFER', 'Offer', 4, 'OPEN', NULL),
  ('ACCEPTED', 'Accepted', 5, 'CLOSED', NULL),
  ('REJECTED', 'Rejected', 6, 'CLOSED', NULL),
  ('WITHDRAWN', 'Withdrawn', 7, 'CLOSED', NULL),
  ('GHOSTED', 'Ghosted', 8, 'CLOSED', NULL)
) AS d ("systemKey", "name", "position", "kind", "noReplyDays")
WHERE NOT EXISTS (
  SELECT 1 FROM "ApplicationStage" AS s WHERE s."userId" = u."id" AND s."systemKey" = d."systemKey"
);

-- Which application each interview not yet in one belongs to. The key is applicationMatchKey's
-- (lib/domain/application-stages.ts): company and role lower-cased, runs of white space made one
-- space and trimmed, joined by U+001F. White space is spelled out as JavaScript's \s, since
-- PostgreSQL's \s depends on the server's locale. An interview that replaced another (rescheduledFromId)
-- takes the key of the first interview of its chain, so a reschedule stays in its application
-- even when the company or role was edited on the way. Groups never span users.
CREATE TEMPORARY TABLE "_InterviewApplicationKey" ON COMMIT DROP AS
WITH RECURSIVE "chain" ("id", "rootId") AS (
  SELECT i."id", i."id" FROM "Interview" AS i WHERE i."rescheduledFromId" IS NULL
  UNION
  SELECT i."id", c."rootId" FROM "Interview" AS i JOIN "chain" AS c ON i."rescheduledFromId" = c."id"
)
SELECT i."id", i."userId", i."company", i."roleTitle", i."status", i."createdAt", i."updatedAt",
       lower(btrim(regexp_replace(COALESCE(root."company", i."company"), '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', ' ', 'g'))) || chr(31) ||
       lower(btrim(regexp_replace(COALESCE(root."roleTitle", i."roleTitle"), '[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', ' ', 'g'))) AS "matchKey"
FROM "Interview" AS i
-- LEFT: an interview outside any chain from a first interview (a loop of reschedules, which the
-- app never writes) keys by its own company and role rather than being left without an application.
LEFT JOIN "chain" AS c ON c."id" = i."id"
LEFT JOIN "Interview" AS root ON root."id" = c."rootId" AND root."userId" = i."userId"
WHERE i."applicationId" IS NULL;

-- One application per group, named as its earliest interview (by creation) named it, created
-- when that interview was. The date of applying is unknown (NULL). Its stage, from what
-- happened to its interviews (InterviewStatus):
--   any SCHEDULED, COMPLETED, MISSED or RESCHEDULED  → Interviewing (open; a missed one may
--                                                       still be recovered)
--   else any WITHDRAWN (the candidate withdrew)      → Withdrawn (closed, closeReason WITHDRAWN,
--                                                       closedAt the last change to its interviews)
--   else (every interview CANCELLED)                 → Interviewing: a cancellation alone does
--                                                       not say how the application ended
INSERT INTO "Application" ("id", "userId", "company", "roleTitle", "matchKey", "stageId", "closedAt", "closeReason", "createdAt", "updatedAt")
SELECT gen_random_uuid()::text, g."userId", g."company", g."roleTitle", g."matchKey", s."id",
       CASE WHEN g."withdrawn" THEN g."lastChange" END,
       CASE WHEN g."withdrawn" THEN 'WITHDRAWN'::"ApplicationCloseReason" END,
       g."createdAt", CURRENT_TIMESTAMP
FROM (
  SELECT DISTINCT ON (k."userId", k."matchKey")
         k."userId", k."matchKey", k."company", k."roleTitle", k."createdAt",
         NOT bool_or(k."status" IN ('SCHEDULED', 'COMPLETED', 'MISSED', 'RESCHEDULED')) OVER w
           AND bool_or(k."status" = 'WITHDRAWN') OVER w AS "withdrawn",
         max(k."updatedAt") OVER w AS "lastChange"
  FROM "_InterviewApplicationKey" AS k
  WINDOW w AS (PARTITION BY k."userId", k."matchKey")
  ORDER BY k."userId", k."matchKey", k."createdAt", k."id"
) AS g
JOIN "ApplicationStage" AS s
  ON s."userId" = g."userId" AND s."systemKey" = CASE WHEN g."withdrawn" THEN 'WITHDRAWN' ELSE 'INTERVIEWING' END
WHERE NOT EXISTS (
  SELECT 1 FROM "Application" AS a WHERE a."userId" = g."userId" AND a."matchKey" = g."matchKey"
);

-- Every interview joins its group's application (the most recent one with its key). Nothing
-- else of the interview changes, updatedAt included.
UPDATE "Interview" AS i
SET "applicationId" = a."id"
FROM "_InterviewApplicationKey" AS k
JOIN (
  SELECT DISTINCT ON (a."userId", a."matchKey") a."id", a."userId", a."matchKey"
  FROM "Application" AS a
  ORDER BY a."userId", a."matchKey", a."createdAt" DESC, a."id" DESC
) AS a ON a."userId" = k."userId" AND a."matchKey" = k."matchKey"
WHERE i."id" = k."id" AND i."applicationId" IS NULL;

-- The start of each carried-over application's timeline.
INSERT INTO "StageChange" ("id", "userId", "applicationId", "fromStageId", "toStageId", "changedAt", "note", "cause")
SELECT gen_random_uuid()::text, a."userId", a."id", NULL, a."stageId", a."createdAt",
       'Carried over from your interviews', 'MIGRATION'
FROM "Application" AS a
WHERE NOT EXISTS (SELECT 1 FROM "StageChange" AS c WHERE c."applicationId" = a."id");

ALTER TABLE "Interview" ALTER COLUMN "applicationId" SET NOT NULL;
