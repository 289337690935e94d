'use client';

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { forgotPasswordAction } from '@/lib/actions/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';
import type { ForgotPasswordInput } from '@/lib/validation/auth';
import { emailRules } from '@/components/forms/auth-rules';

export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<ForgotPasswordInput>({
    defaultValues: { email: '' },
  });
  const { errors, isSubmitting } = formState;
  const onSubmit = handleSubmit(async (values) => {
    const result = await forgotPasswordAction(values);
    if (!result.ok) {
      setError('email', { message: result.fieldErrors?.email ?? result.message });
      return;
    }
    setSent(result.data.message);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {sent ? <Alert tone="success">{sent}</Alert> : null}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input id="email" type="email" autoComplete="email" required {...describedBy('email', errors.email?.message)} {...register('email', emailRules)} />
      </Field>
      <Button type="submit" pending={isSubmitting} className="w-full">
        {isSubmitting ? 'Sending…' : 'Send me a reset link'}
      </Button>
    </form>
  );
}
