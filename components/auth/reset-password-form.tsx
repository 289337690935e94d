'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { resetPasswordAction } from '@/lib/actions/auth';
import { Alert } from '@/components/ui/alert';
import { NewPasswordFields } from './new-password-fields';
import { Button } from '@/components/ui/button';
import type { ResetPasswordInput } from '@/lib/validation/auth';
import { confirmPasswordRules, newPasswordRules } from '@/components/forms/auth-rules';
import { setServerErrors } from '@/components/ui/server-errors';

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ResetPasswordInput>({
    defaultValues: { token, password: '', confirmPassword: '' },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await resetPasswordAction(values);
    if (!result.ok) {
      setFormError(result.message);
      // The token is not a field: its problem is the message above.
      setServerErrors(setError, result.fieldErrors, (field) => (field === 'token' ? null : field));
      return;
    }
    router.replace('/sign-in?notice=password-reset');
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? (
        <Alert tone="error">
          {formError}{' '}
          <Link href="/forgot-password" className="underline">
            Ask for a new link
          </Link>
        </Alert>
      ) : null}
      <input type="hidden" {...register('token')} />
      <NewPasswordFields
        password={{ id: 'password', register: register('password', newPasswordRules), error: errors.password?.message }}
        confirm={{ register: register('confirmPassword', confirmPasswordRules('password')), error: errors.confirmPassword?.message }}
      />
      <Button type="submit" pending={isSubmitting} className="w-full">
        {isSubmitting ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
