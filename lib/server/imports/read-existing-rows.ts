import 'server-only';
import type { Tx } from '@/lib/db';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import type { ImportRecord } from '@/lib/domain/csv-import';
import { importKeyOf, type ExistingRows } from './plan-import-batch';

/**
 * What the user already has of these rows, in three statements whatever their number: the
 * import keys already written (applications and interviews), and the applications of the same
 * company and role with their contacts' names. planImportBatch decides from it.
 */
export async function readExistingRows(
  tx: Pick<Tx, 'application' | 'interview'>,
  userId: string,
  records: readonly ImportRecord[],
): Promise<ExistingRows> {
  const keys = [...new Set(records.map((record) => importKeyOf(record.keySource)))];
  const matchKeys = [
    ...new Set(records.map((record) => applicationMatchKey(record.application.company, record.application.roleTitle))),
  ];
  const [applicationKeys, interviewKeys, applications] = await Promise.all([
    tx.application.findMany({ where: { userId, importKey: { in: keys } }, select: { importKey: true } }),
    tx.interview.findMany({ where: { userId, importKey: { in: keys } }, select: { importKey: true } }),
    tx.application.findMany({
      where: { userId, matchKey: { in: matchKeys } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, matchKey: true, contacts: { where: { userId }, select: { id: true, name: true } } },
    }),
  ]);
  const byMatchKey: ExistingRows['applications'] = new Map();
  for (const application of applications) {
    if (byMatchKey.has(application.matchKey)) continue;
    byMatchKey.set(application.matchKey, {
      id: application.id,
      contacts: new Map(application.contacts.map((contact) => [contact.name.trim().toLowerCase(), contact.id])),
    });
  }
  return {
    applicationKeys: new Set(applicationKeys.flatMap((row) => (row.importKey ? [row.importKey] : []))),
    interviewKeys: new Set(interviewKeys.flatMap((row) => (row.importKey ? [row.importKey] : []))),
    applications: byMatchKey,
  };
}
