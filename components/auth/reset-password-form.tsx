'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { resetPasswordAction } from '@/lib/actions/auth';
import { Alert } from '@/components/ui/alert';
import { NewPasswordFields } from './new-password-fields';
import { Button } from '@/components/ui/button';
import type { ResetPasswordInput } from '@/lib/validation/auth';
import { confirmPasswordRules, newPasswordRules } from '@/components/forms/auth-rules';

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const form = useForm<ResetPasswordInput>({
    defaultValues: { token, password: '', confirmPassword: '' },
  });
  const { register, handleSubmit, formState } = form;
  const { errors, isSubmitting } = formState;
  const resetPassword = useAction(resetPasswordAction, {
    form,
    // The token is not a field: its problem is the message above.
    toField: (field) => (field === 'token' ? null : field),
    onSuccess: () => router.replace('/sign-in?notice=password-reset'),
  });
  const isSaving = isSubmitting || resetPassword.isPending;
  const onSubmit = handleSubmit((values) => resetPassword.execute(values));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {resetPassword.error ? (
        <Alert tone="error">
          {resetPassword.error}{' '}
          <Link href="/forgot-password" className="underline">
            Ask for a new link
          </Link>
        </Alert>
      ) : null}
      <input type="hidden" {...register('token')} />
      <NewPasswordFields
        password={{ id: 'password', register: register('password', newPasswordRules), error: errors.password?.message }}
        confirm={{
          register: register('confirmPassword', confirmPasswordRules('password')),
          error: errors.confirmPassword?.message,
        }}
      />
      <Button type="submit" pending={isSaving} className="w-full">
        {isSaving ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
