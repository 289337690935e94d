import 'server-only';
import { getDb, type Tx } from '@/lib/db';

/** Forgets the attempts counted against the key; pass a transaction client to do it inside one. */
export async function clearThrottle(key: string, db: Pick<Tx, 'authThrottle'> = getDb()): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key } });
}
