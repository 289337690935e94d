import 'server-only';
import { getDb } from '@/lib/db';
import { applicationContentsWhere } from './count-application-contents';

/** How many messages (of its rounds or their recoveries) deleting the application would take. */
export async function countApplicationMessages(userId: string, applicationId: string): Promise<number> {
  return getDb().message.count({ where: applicationContentsWhere(userId, applicationId).messages });
}
