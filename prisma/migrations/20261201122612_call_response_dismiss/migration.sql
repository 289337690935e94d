-- CreateEnum
CREATE TYPE "CallResponse" AS ENUM ('AGREED', 'REFUSED', 'WILL_GET_BACK', 'NONE');

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "dismissedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "RescheduleRequest" ADD COLUMN     "callResponse" "CallResponse";
