import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import type { ApplicationContactValues } from '@/lib/validation/application';

/** Adds a contact to the user's application; another user's application answers NotFoundError. */
export async function addApplicationContact(
  userId: string,
  applicationId: string,
  values: ApplicationContactValues,
): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const application = await tx.application.findFirst({ where: { id: applicationId, userId }, select: { id: true } });
    if (!application) throw new NotFoundError('application');
    return tx.applicationContact.create({
      data: {
        userId,
        applicationId,
        name: values.name,
        email: values.email ?? null,
        phone: values.phone ?? null,
        role: values.role,
      },
      select: { id: true },
    });
  });
}
