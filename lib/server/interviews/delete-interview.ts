import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

export async function deleteInterview(userId: string, id: string): Promise<void> {
  const { count } = await getDb().interview.deleteMany({ where: { id, userId } });
  if (count === 0) throw new NotFoundError('interview');
}
