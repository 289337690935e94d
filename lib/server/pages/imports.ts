import 'server-only';
import { listImports } from '@/lib/server/imports/list-imports';

/** The imports page: the user's latest imports, newest first (one statement). */
export async function loadImportsPage(userId: string) {
  const imports = await listImports(userId);
  return { imports };
}
