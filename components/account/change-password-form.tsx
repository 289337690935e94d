'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { changePasswordAction } from '@/lib/actions/account';
import { signInWithPassword } from '@/components/auth/auth-endpoints';
import { Alert } from '@/components/ui/alert';
import { NewPasswordFields } from '@/components/auth/new-password-fields';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';
import type { ChangePasswordInput } from '@/lib/validation/auth';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { setServerErrors } from '@/components/ui/server-errors';

const resolver = lazyResolver(() => import('./account-checks').then((module) => module.changePasswordResolver));

export function ChangePasswordForm({ email }: { email: string }) {
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, setError, formState, reset } = useForm<ChangePasswordInput>({
    resolver,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await changePasswordAction(values);
    if (!result.ok) {
      setStatus({ tone: 'error', text: result.message });
      setServerErrors(setError, result.fieldErrors);
      return;
    }
    // Changing the password ended every session, this one included: sign this one back in.
    await signInWithPassword(email, values.newPassword);
    reset();
    setStatus({ tone: 'success', text: 'Password changed. Other devices were signed out.' });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <Field id="currentPassword" label="Current password" error={errors.currentPassword?.message}>
        <Input
          id="currentPassword"
          type="password"
          autoComplete="current-password"
          {...describedBy('currentPassword', errors.currentPassword?.message)}
          {...register('currentPassword')}
        />
      </Field>
      <NewPasswordFields
        password={{ id: 'newPassword', register: register('newPassword'), error: errors.newPassword?.message }}
        confirm={{ register: register('confirmPassword'), error: errors.confirmPassword?.message }}
      />
      <Button type="submit" pending={isSubmitting}>
        {isSubmitting ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
