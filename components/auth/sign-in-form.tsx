'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { signInWithPassword, signInWithProvider } from './auth-endpoints';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';
import type { SignInInput } from '@/lib/validation/auth';
import { currentPasswordRules, emailRules } from '@/components/forms/auth-rules';
import { TextLink } from '@/components/ui/text-link';
import { EmailField } from './email-field';

type Provider = { id: string; name: string };

export function SignInForm({
  callbackUrl,
  providers,
  notice,
}: {
  callbackUrl: string;
  providers: Provider[];
  notice?: string;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, resetField } = useForm<SignInInput>({
    defaultValues: { email: '', password: '' },
  });
  const { errors, isSubmitting } = formState;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const { error } = await signInWithPassword(values.email, values.password);
    if (error) {
      setFormError(error !== 'CredentialsSignin' ? error : 'Incorrect email or password.');
      resetField('password');
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <EmailField error={errors.email?.message} registration={register('email', emailRules)} />
        <Field id="password" label="Password" error={errors.password?.message}>
          <Input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            {...describedBy('password', errors.password?.message)}
            {...register('password', currentPasswordRules)}
          />
        </Field>
        <Button type="submit" pending={isSubmitting} className="w-full">
          {isSubmitting ? 'Signing in…' : 'Sign in'}
        </Button>
        <div className="flex justify-between text-sm">
          <TextLink href="/forgot-password">Forgot your password?</TextLink>
          <TextLink href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</TextLink>
        </div>
      </form>
      {providers.length > 0 ? (
        <div className="space-y-2 border-t border-slate-200 pt-4">
          {providers.map((provider) => (
            <Button
              key={provider.id}
              variant="secondary"
              className="w-full"
              onClick={() => signInWithProvider(provider.id, callbackUrl)}
            >
              Continue with {provider.name}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
