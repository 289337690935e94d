'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { forgotPasswordAction } from '@/lib/actions/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ForgotPasswordInput } from '@/lib/validation/auth';
import { emailRules } from '@/components/forms/auth-rules';
import { EmailField } from './email-field';

export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm<ForgotPasswordInput>({
    defaultValues: { email: '' },
  });
  const { register, handleSubmit, setError, formState } = form;
  const { errors, isSubmitting } = formState;
  const requestLink = useAction(forgotPasswordAction, {
    form,
    // The one field is where every refusal shows, a rate limit included.
    onError: (failure) => {
      if (!failure.fieldErrors?.email) setError('email', { message: failure.message }, { shouldFocus: true });
    },
    onSuccess: (data) => setSent(data.message),
  });
  const isSending = isSubmitting || requestLink.isPending;
  const onSubmit = handleSubmit((values) => requestLink.execute(values));
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <EmailField error={errors.email?.message} registration={register('email', emailRules)} />
      <Button type="submit" pending={isSending} className="w-full">
        {isSending ? 'Sending…' : 'Send me a reset link'}
      </Button>
    </form>
  );
}
