-- CreateEnum
CREATE TYPE "LessonSide" AS ENUM ('CANDIDATE', 'EMPLOYER');

-- AlterEnum
ALTER TYPE "IncidentKind" ADD VALUE 'EMPLOYER_NO_SHOW';

-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "side" "LessonSide" NOT NULL DEFAULT 'CANDIDATE';
