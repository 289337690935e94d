import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import type { ApplicationContactValues } from '@/lib/validation/application';

/** Saves the contact form over the user's contact; what the form left empty is cleared. */
export async function updateApplicationContact(
  userId: string,
  id: string,
  values: ApplicationContactValues,
): Promise<void> {
  const { count } = await getDb().applicationContact.updateMany({
    where: { id, userId },
    data: { name: values.name, email: values.email ?? null, phone: values.phone ?? null, role: values.role },
  });
  if (count === 0) throw new NotFoundError('contact');
}
