import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import type { ApplicationFormValues } from '@/lib/validation/application';
import { toApplicationData } from './application-data';

/**
 * Saves the application form over the user's application. The stage is not part of the form:
 * it moves through moveApplication, which writes the timeline.
 */
export async function updateApplication(userId: string, id: string, values: ApplicationFormValues): Promise<void> {
  const { count } = await getDb().application.updateMany({ where: { id, userId }, data: toApplicationData(values) });
  if (count === 0) throw new NotFoundError('application');
}
