import 'server-only';
import { getDb } from '@/lib/db';

/** The user's stages in board order, for a stage picker or filter. */
export async function listStageChoices(userId: string) {
  return getDb().applicationStage.findMany({
    where: { userId },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, kind: true, systemKey: true },
  });
}

export type StageChoice = Awaited<ReturnType<typeof listStageChoices>>[number];
