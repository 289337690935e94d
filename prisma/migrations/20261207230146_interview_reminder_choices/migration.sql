-- AlterTable
ALTER TABLE "Interview" ADD COLUMN     "hourBeforeReminder" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "silencedReminders" TEXT[] DEFAULT ARRAY[]::TEXT[];
