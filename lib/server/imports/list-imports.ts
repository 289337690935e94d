import 'server-only';
import { getDb } from '@/lib/db';

export const RECENT_IMPORTS = 20;

/** The user's latest imports, newest first, without their files. */
export async function listImports(userId: string) {
  return getDb().importJob.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: RECENT_IMPORTS,
    select: {
      id: true,
      kind: true,
      status: true,
      fileName: true,
      totalRows: true,
      processedRows: true,
      createdAt: true,
    },
  });
}
