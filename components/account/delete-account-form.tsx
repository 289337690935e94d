'use client';

import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { deleteAccountAction } from '@/lib/actions/account';
import { signOutAction } from '@/lib/actions/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';

export function DeleteAccountForm({ email }: { email: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, control, formState, setError } = useForm<{ confirmEmail: string }>({ defaultValues: { confirmEmail: '' } });
  const { errors, isSubmitting } = formState;
  const matches = (useWatch({ control, name: 'confirmEmail' }) ?? '').trim().toLowerCase() === email;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await deleteAccountAction(values);
    if (!result.ok) {
      setFormError(result.message);
      if (result.fieldErrors?.confirmEmail) setError('confirmEmail', { message: result.fieldErrors.confirmEmail });
      return;
    }
    // Redirects on success; only a failure comes back.
    const signedOut = await signOutAction({ to: 'account-deleted' });
    if (!signedOut.ok) setFormError(signedOut.message);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="confirmEmail" label={`Type ${email} to confirm`} error={errors.confirmEmail?.message}>
        <Input id="confirmEmail" autoComplete="off" {...describedBy('confirmEmail', errors.confirmEmail?.message)} {...register('confirmEmail')} />
      </Field>
      <Button type="submit" variant="danger" pending={isSubmitting} disabled={!matches}>
        {isSubmitting ? 'Deleting…' : 'Delete my account and all its data'}
      </Button>
    </form>
  );
}
