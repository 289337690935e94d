'use client';

import { useForm, useWatch } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { deleteAccountAction } from '@/lib/actions/account';
import { signOutAction } from '@/lib/actions/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';

export function DeleteAccountForm({ email }: { email: string }) {
  const form = useForm<{ confirmEmail: string }>({ defaultValues: { confirmEmail: '' } });
  const { register, handleSubmit, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const matches = (useWatch({ control, name: 'confirmEmail' }) ?? '').trim().toLowerCase() === email;
  // Redirects on success; only a failure comes back.
  const signOut = useAction(signOutAction);
  const deleteAccount = useAction(deleteAccountAction, {
    form,
    toField: (field) => (field === 'confirmEmail' ? field : null),
    onStart: () => signOut.setError(null),
    onSuccess: () => signOut.execute({ to: 'account-deleted' }),
  });
  const onSubmit = handleSubmit((values) => deleteAccount.execute(values));
  const formError = deleteAccount.error ?? signOut.error;
  const isDeleting = isSubmitting || deleteAccount.isPending;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="confirmEmail" label={`Type ${email} to confirm`} error={errors.confirmEmail?.message}>
        <Input
          id="confirmEmail"
          autoComplete="off"
          {...describedBy('confirmEmail', errors.confirmEmail?.message)}
          {...register('confirmEmail')}
        />
      </Field>
      <Button type="submit" variant="danger" pending={isDeleting} disabled={!matches}>
        {isDeleting ? 'Deleting…' : 'Delete my account and all its data'}
      </Button>
    </form>
  );
}
