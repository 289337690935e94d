-- DropForeignKey
ALTER TABLE "StageChange" DROP CONSTRAINT "StageChange_toStageId_fkey";

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "lastReplyAt" TIMESTAMPTZ(3);

-- AlterTable: a lesson keeps its employer's name, so it survives the interview's deletion whole.
ALTER TABLE "Lesson" ADD COLUMN     "company" TEXT;

UPDATE "Lesson" AS l SET "company" = i."company"
  FROM "MissedIncident" AS m JOIN "Interview" AS i ON i."id" = m."interviewId"
  WHERE m."id" = l."incidentId" AND l."company" IS NULL;

-- AlterTable
ALTER TABLE "Reminder" ADD COLUMN     "applicationId" TEXT;

-- AlterTable: the stages' names are copied into each change, so renaming or removing a stage
-- leaves the timeline as it was. Rows written before carry the names their stages have now.
ALTER TABLE "StageChange" ADD COLUMN     "fromStageName" TEXT,
ADD COLUMN     "toStageName" TEXT,
ALTER COLUMN "toStageId" DROP NOT NULL;

UPDATE "StageChange" AS c SET "toStageName" = s."name" FROM "ApplicationStage" AS s WHERE s."id" = c."toStageId" AND c."toStageName" IS NULL;
UPDATE "StageChange" AS c SET "fromStageName" = s."name" FROM "ApplicationStage" AS s WHERE s."id" = c."fromStageId" AND c."fromStageName" IS NULL;

ALTER TABLE "StageChange" ALTER COLUMN "toStageName" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Reminder_applicationId_idx" ON "Reminder"("applicationId");

-- AddForeignKey
ALTER TABLE "Reminder" ADD CONSTRAINT "Reminder_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_toStageId_fkey" FOREIGN KEY ("toStageId") REFERENCES "ApplicationStage"("id") ON DELETE SET NULL ON UPDATE CASCADE;
