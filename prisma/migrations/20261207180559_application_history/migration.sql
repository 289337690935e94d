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

-- The contacts typed into interviews become contacts of their application: one per application
-- and name (case-insensitive), with the first email and phone given for it, and each interview
-- linked to its contact. Runs again harmlessly: linked interviews are left alone and a contact
-- of the same name is reused.
INSERT INTO "ApplicationContact" ("id", "userId", "applicationId", "name", "email", "phone", "createdAt")
SELECT gen_random_uuid()::text, t."userId", t."applicationId", t."name", t."email", t."phone", t."createdAt"
FROM (
  SELECT DISTINCT ON (i."applicationId", lower(i."contactName"))
         i."userId", i."applicationId", i."contactName" AS "name",
         first_value(i."contactEmail") OVER w AS "email",
         first_value(i."contactPhone") OVER w AS "phone",
         min(i."createdAt") OVER (PARTITION BY i."applicationId", lower(i."contactName")) AS "createdAt"
  FROM "Interview" AS i
  WHERE i."contactId" IS NULL AND i."contactName" IS NOT NULL AND btrim(i."contactName") <> ''
  WINDOW w AS (PARTITION BY i."applicationId", lower(i."contactName")
               ORDER BY (i."contactEmail" IS NULL), (i."contactPhone" IS NULL), i."createdAt", i."id"
               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
  ORDER BY i."applicationId", lower(i."contactName"), i."createdAt", i."id"
) AS t
WHERE NOT EXISTS (
  SELECT 1 FROM "ApplicationContact" AS c
  WHERE c."applicationId" = t."applicationId" AND lower(c."name") = lower(t."name")
);

UPDATE "Interview" AS i SET "contactId" = c."id"
FROM "ApplicationContact" AS c
WHERE i."contactId" IS NULL AND c."applicationId" = i."applicationId" AND lower(c."name") = lower(i."contactName")
  AND c."id" = (
    SELECT c2."id" FROM "ApplicationContact" AS c2
    WHERE c2."applicationId" = i."applicationId" AND lower(c2."name") = lower(i."contactName")
    ORDER BY c2."createdAt", c2."id" LIMIT 1
  );
