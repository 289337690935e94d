import 'server-only';
import type { Tx } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';

type TypedContact = {
  contactId?: string;
  contactName?: string;
  contactEmail?: string;
  contactPhone?: string;
};

export type LinkedContact = {
  contactId: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
};

/**
 * The contact an interview of this application names, inside the caller's transaction. A chosen
 * contact (the user's own, of the same application, else NotFoundError) fills whatever the form
 * left blank; a typed one joins the application's contact of the same email or name, or becomes
 * a new contact of the application, so the next round picks it instead of retyping it.
 */
export async function linkInterviewContact(
  tx: Tx,
  userId: string,
  applicationId: string,
  typed: TypedContact,
): Promise<LinkedContact> {
  const fields = {
    contactName: typed.contactName ?? null,
    contactEmail: typed.contactEmail ?? null,
    contactPhone: typed.contactPhone ?? null,
  };
  if (typed.contactId) {
    const chosen = await tx.applicationContact.findFirst({
      where: { id: typed.contactId, userId, applicationId },
      select: { id: true, name: true, email: true, phone: true },
    });
    if (!chosen) throw new NotFoundError('contact');
    return {
      contactId: chosen.id,
      contactName: fields.contactName ?? chosen.name,
      contactEmail: fields.contactEmail ?? chosen.email,
      contactPhone: fields.contactPhone ?? chosen.phone,
    };
  }
  if (!fields.contactName) return { contactId: null, ...fields };
  const same = await tx.applicationContact.findFirst({
    where: {
      userId,
      applicationId,
      OR: [
        ...(fields.contactEmail ? [{ email: { equals: fields.contactEmail, mode: 'insensitive' as const } }] : []),
        { name: { equals: fields.contactName, mode: 'insensitive' } },
      ],
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, email: true, phone: true },
  });
  if (same) {
    // Fill in what the saved contact lacks; never overwrite what it has.
    if ((!same.email && fields.contactEmail) || (!same.phone && fields.contactPhone)) {
      await tx.applicationContact.update({
        where: { id: same.id },
        data: { email: same.email ?? fields.contactEmail, phone: same.phone ?? fields.contactPhone },
      });
    }
    return { contactId: same.id, ...fields };
  }
  const created = await tx.applicationContact.create({
    data: {
      userId,
      applicationId,
      name: fields.contactName,
      email: fields.contactEmail,
      phone: fields.contactPhone,
    },
    select: { id: true },
  });
  return { contactId: created.id, ...fields };
}
