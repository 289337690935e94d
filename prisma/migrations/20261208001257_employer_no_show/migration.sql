-- AlterEnum
ALTER TYPE "IncidentOutcome" ADD VALUE 'WITHDRAWN';

-- AlterEnum
ALTER TYPE "MessageKind" ADD VALUE 'NO_SHOW_CHECK_IN';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RecoveryState" ADD VALUE 'CHECK';
ALTER TYPE "RecoveryState" ADD VALUE 'WAIT';
