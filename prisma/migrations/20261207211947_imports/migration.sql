-- CreateEnum
CREATE TYPE "TimeChangeSource" AS ENUM ('CANDIDATE', 'EMPLOYER', 'INVITATION');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('CALENDAR', 'CSV');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEW', 'QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "importKey" TEXT;

-- AlterTable
ALTER TABLE "Interview" ADD COLUMN     "importKey" TEXT,
ADD COLUMN     "invitationSequence" INTEGER,
ADD COLUMN     "invitationUid" TEXT;

-- CreateTable
CREATE TABLE "InterviewTimeChange" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "requestedBy" "TimeChangeSource" NOT NULL,
    "reasonCategory" TEXT,
    "reason" TEXT,
    "fromStart" TIMESTAMPTZ(3) NOT NULL,
    "toStart" TIMESTAMPTZ(3) NOT NULL,
    "fromDurationMinutes" INTEGER NOT NULL,
    "toDurationMinutes" INTEGER NOT NULL,
    "fromTimeZone" TEXT NOT NULL,
    "toTimeZone" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewTimeChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "fileName" TEXT NOT NULL,
    "fileBytes" INTEGER NOT NULL,
    "content" TEXT,
    "options" JSONB NOT NULL DEFAULT '{}',
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InterviewTimeChange_interviewId_recordedAt_idx" ON "InterviewTimeChange"("interviewId", "recordedAt");

-- CreateIndex
CREATE INDEX "InterviewTimeChange_userId_recordedAt_idx" ON "InterviewTimeChange"("userId", "recordedAt");

-- CreateIndex
CREATE INDEX "ImportJob_userId_createdAt_idx" ON "ImportJob"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Application_userId_importKey_key" ON "Application"("userId", "importKey");

-- CreateIndex
CREATE UNIQUE INDEX "Interview_userId_invitationUid_key" ON "Interview"("userId", "invitationUid");

-- CreateIndex
CREATE UNIQUE INDEX "Interview_userId_importKey_key" ON "Interview"("userId", "importKey");

-- AddForeignKey
ALTER TABLE "InterviewTimeChange" ADD CONSTRAINT "InterviewTimeChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewTimeChange" ADD CONSTRAINT "InterviewTimeChange_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
