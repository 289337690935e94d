import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

/** Removes the user's contact; interviews that named it keep their own contact fields. */
export async function deleteApplicationContact(userId: string, id: string): Promise<void> {
  const { count } = await getDb().applicationContact.deleteMany({ where: { id, userId } });
  if (count === 0) throw new NotFoundError('contact');
}
