import 'server-only';
import { getDb } from '@/lib/db';
import type { StageKind } from '@/lib/generated/prisma/enums';

export type StageCount = { id: string; name: string; kind: StageKind; count: number };

/** The user's stages in board order, each with how many applications it holds: one statement. */
export async function countApplicationsByStage(userId: string): Promise<StageCount[]> {
  return getDb().$queryRaw<StageCount[]>`
    SELECT s."id", s."name", s."kind", count(a."id")::int AS "count"
    FROM "ApplicationStage" AS s
    LEFT JOIN "Application" AS a ON a."stageId" = s."id" AND a."userId" = ${userId}
    WHERE s."userId" = ${userId}
    GROUP BY s."id"
    ORDER BY s."position", s."id"`;
}
