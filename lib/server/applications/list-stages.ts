import 'server-only';
import { getDb } from '@/lib/db';
import type { StageKind } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createDefaultStages } from './create-default-stages';

export type StageListItem = {
  id: string;
  name: string;
  position: number;
  kind: StageKind;
  noReplyDays: number | null;
  systemKey: string | null;
  applicationCount: number;
};

const stageListSelect = {
  id: true,
  name: true,
  position: true,
  kind: true,
  noReplyDays: true,
  systemKey: true,
  _count: { select: { applications: true } },
} satisfies Prisma.ApplicationStageSelect;

/**
 * The user's stages in board order, each with how many applications it holds: one statement
 * (the count is a joined sub-select), whatever the number of applications. An account made
 * before stages existed gets the defaults first.
 */
export async function listStages(userId: string): Promise<StageListItem[]> {
  const db = getDb();
  const read = () =>
    db.applicationStage.findMany({
      where: { userId },
      select: stageListSelect,
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    });
  let stages = await read();
  if (stages.length === 0) {
    await db.$transaction((tx) => createDefaultStages(tx, userId));
    stages = await read();
  }
  return stages.map(({ _count, ...stage }) => ({ ...stage, applicationCount: _count.applications }));
}
