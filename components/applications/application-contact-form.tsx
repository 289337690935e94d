'use client';

import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Select } from '@/components/ui/form';
import { addApplicationContactAction, updateApplicationContactAction } from '@/lib/actions/applications';
import { CONTACT_ROLE_LABELS, CONTACT_ROLES } from '@/lib/domain/application-details';
import type { ActionResult } from '@/lib/errors';
import type { ApplicationContactInput } from '@/lib/validation/application';

const resolver = lazyResolver(() =>
  import('./application-form-checks').then((module) => module.applicationContactResolver),
);

type Props = {
  applicationId: string;
  /** The contact being edited; a new one is added otherwise. */
  contactId?: string;
  defaults?: ApplicationContactInput;
  onDone: () => void;
};

const EMPTY: ApplicationContactInput = { name: '', email: '', phone: '', role: 'RECRUITER' };

/** Adds a contact to the application, or edits one; what was typed stays when the server says no. */
export function ApplicationContactForm({ applicationId, contactId, defaults = EMPTY, onDone }: Props) {
  const router = useRouter();
  const form = useForm<ApplicationContactInput>({ resolver, defaultValues: defaults });
  const { register, handleSubmit, formState, reset } = form;
  const { errors, isSubmitting } = formState;
  const prefix = contactId ? `contact-${contactId}` : 'new-contact';
  const save = useAction(
    (values: ApplicationContactInput): Promise<ActionResult<unknown>> =>
      contactId
        ? updateApplicationContactAction({ id: contactId, values })
        : addApplicationContactAction({ applicationId, values }),
    {
      form,
      onSuccess: () => {
        if (!contactId) reset(EMPTY);
        onDone();
        router.refresh();
      },
    },
  );
  const isSaving = isSubmitting || save.isPending;
  const field = (name: keyof ApplicationContactInput) => {
    const id = `${prefix}-${name}`;
    return { id, ...describedBy(id, errors[name]?.message), ...register(name) };
  };

  return (
    <form
      onSubmit={handleSubmit((values) => save.execute(values))}
      noValidate
      aria-label={contactId ? 'Edit contact' : 'Add a contact'}
      className="space-y-3"
    >
      {save.error ? <Alert tone="error">{save.error}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${prefix}-name`} label="Name" error={errors.name?.message}>
          <Input autoComplete="off" {...field('name')} />
        </Field>
        <Field id={`${prefix}-role`} label="Role" error={errors.role?.message}>
          <Select {...field('role')}>
            {CONTACT_ROLES.map((role) => (
              <option key={role} value={role}>
                {CONTACT_ROLE_LABELS[role]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={`${prefix}-email`} label="Email (optional)" error={errors.email?.message}>
          <Input type="email" autoComplete="off" {...field('email')} />
        </Field>
        <Field id={`${prefix}-phone`} label="Phone (optional)" error={errors.phone?.message}>
          <Input type="tel" autoComplete="off" {...field('phone')} />
        </Field>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={isSaving}>
          {isSaving ? 'Saving…' : contactId ? 'Save contact' : 'Add contact'}
        </Button>
        {contactId ? (
          <Button type="button" variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
