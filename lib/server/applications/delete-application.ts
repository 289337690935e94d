import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { applicationContentsWhere, type ApplicationContentCounts } from './count-application-contents';

/**
 * Deletes the user's application with its rounds, their recoveries and messages, its contacts
 * and timeline (the schema cascades), in one transaction. Its lessons stay: they are the user's
 * learning. Each keeps its company: lessons written before the company was copied in get it
 * here, before the link to their incident is cleared. Returns what went.
 */
export async function deleteApplication(userId: string, id: string): Promise<ApplicationContentCounts> {
  return getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ company: string }[]>`
      SELECT "company" FROM "Application" WHERE "id" = ${id} AND "userId" = ${userId} FOR UPDATE`;
    const application = locked[0];
    if (!application) throw new NotFoundError('application');
    const where = applicationContentsWhere(userId, id);
    const lessonsWhere = { userId, incident: where.incidents };
    const [rounds, recoveries, messages, lessons] = await Promise.all([
      tx.interview.count({ where: where.interviews }),
      tx.missedIncident.count({ where: where.incidents }),
      tx.message.count({ where: where.messages }),
      tx.lesson.count({ where: lessonsWhere }),
    ]);
    await tx.lesson.updateMany({ where: { ...lessonsWhere, company: null }, data: { company: application.company } });
    await tx.application.deleteMany({ where: { id, userId } });
    return { rounds, recoveries, messages, lessons };
  });
}
