'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { deleteApplicationContactAction } from '@/lib/actions/applications';
import { CONTACT_ROLE_LABELS } from '@/lib/domain/application-details';
import { telHref } from '@/lib/domain/contact-links';
import type { ContactRole } from '@/lib/generated/prisma/enums';
import { ApplicationContactForm } from './application-contact-form';

type Contact = { id: string; name: string; email: string | null; phone: string | null; role: ContactRole };

/** The people at the employer for this application: listed, added, edited and removed in place. */
export function ApplicationContacts({
  applicationId,
  contacts,
}: {
  applicationId: string;
  contacts: readonly Contact[];
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useAction(deleteApplicationContactAction, { onSuccess: () => router.refresh() });

  return (
    <section
      aria-labelledby="contacts-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="contacts-heading" className="text-lg font-semibold">
        Contacts
      </h2>
      {remove.error ? <Alert tone="error">{remove.error}</Alert> : null}
      {contacts.length === 0 ? <p className="text-sm text-slate-600">No contacts yet.</p> : null}
      <ul className="divide-y divide-slate-100">
        {contacts.map((contact) => (
          <li key={contact.id} className="py-3 text-sm">
            {editing === contact.id ? (
              <ApplicationContactForm
                applicationId={applicationId}
                contactId={contact.id}
                defaults={{
                  name: contact.name,
                  email: contact.email ?? '',
                  phone: contact.phone ?? '',
                  role: contact.role,
                }}
                onDone={() => setEditing(null)}
              />
            ) : (
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="break-words font-medium text-slate-900">
                    {contact.name}{' '}
                    <span className="font-normal text-slate-600">· {CONTACT_ROLE_LABELS[contact.role]}</span>
                  </p>
                  {contact.email ? (
                    <p>
                      <a href={`mailto:${contact.email}`} className="break-all text-brand-700 hover:underline">
                        {contact.email}
                      </a>
                    </p>
                  ) : null}
                  {contact.phone ? (
                    <p>
                      <a href={telHref(contact.phone)} className="text-brand-700 hover:underline">
                        {contact.phone}
                      </a>
                    </p>
                  ) : null}
                </div>
                <div className="flex gap-2">
                  <Button type="button" variant="secondary" onClick={() => setEditing(contact.id)}>
                    Edit<span className="sr-only"> {contact.name}</span>
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    pending={remove.isPending}
                    onClick={() => void remove.execute({ id: contact.id })}
                  >
                    Remove<span className="sr-only"> {contact.name}</span>
                  </Button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-100 pt-4">
        <h3 className="mb-3 text-sm font-semibold text-slate-700">Add a contact</h3>
        <ApplicationContactForm applicationId={applicationId} onDone={() => setEditing(null)} />
      </div>
    </section>
  );
}
