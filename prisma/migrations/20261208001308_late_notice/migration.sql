-- AlterEnum
ALTER TYPE "MessageKind" ADD VALUE 'LATE_NOTICE';
