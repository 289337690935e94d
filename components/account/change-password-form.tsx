'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { changePasswordAction } from '@/lib/actions/account';
import { signInWithPassword } from '@/components/auth/auth-endpoints';
import { Alert } from '@/components/ui/alert';
import { NewPasswordFields } from '@/components/auth/new-password-fields';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';
import type { ChangePasswordInput } from '@/lib/validation/auth';
import { lazyResolver } from '@/components/forms/lazy-resolver';

const resolver = lazyResolver(() => import('./account-checks').then((module) => module.changePasswordResolver));

export function ChangePasswordForm({ email }: { email: string }) {
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<ChangePasswordInput>({
    resolver,
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { register, handleSubmit, formState, reset } = form;
  const { errors, isSubmitting } = formState;
  const changePassword = useAction(changePasswordAction, {
    form,
    onSuccess: async (_data, values) => {
      // Changing the password ended every session, this one included: sign this one back in.
      await signInWithPassword(email, values.newPassword);
      reset();
      setNotice('Password changed. Other devices were signed out.');
    },
  });
  const isChanging = isSubmitting || changePassword.isPending;
  const onSubmit = handleSubmit((values) => {
    setNotice(null);
    return changePassword.execute(values);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {changePassword.error ? <Alert tone="error">{changePassword.error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
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
      <Button type="submit" pending={isChanging}>
        {isChanging ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
