'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { signUpAction } from '@/lib/actions/auth';
import { signInWithPassword } from './auth-endpoints';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';
import { useBrowserTimeZone } from '@/components/account/use-browser-time-zone';
import type { SignUpInput } from '@/lib/validation/auth';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/limits';
import { emailRules, nameRules, newPasswordRules } from '@/components/forms/auth-rules';
import { TextLink } from '@/components/ui/text-link';
import { EmailField } from './email-field';

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const form = useForm<SignUpInput>({
    defaultValues: { name: '', email: '', password: '', timeZone: '' },
  });
  const { register, handleSubmit, setValue, formState } = form;
  const { errors, isSubmitting } = formState;
  const timeZone = useBrowserTimeZone();

  // The account starts in the browser's zone; the server checks it and the account page shows it.
  useEffect(() => {
    if (timeZone) setValue('timeZone', timeZone);
  }, [timeZone, setValue]);

  const signUp = useAction(signUpAction, {
    form,
    // Signing in is next-auth's endpoint, not an action: its failure is this form's message.
    onSuccess: async (_data, values) => {
      const signedIn = await signInWithPassword(values.email, values.password);
      if (signedIn.error) {
        signUp.setError('Your account is ready, but signing in failed. Sign in with your new password.');
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    },
  });
  const isCreating = isSubmitting || signUp.isPending;
  const onSubmit = handleSubmit((values) => signUp.execute(values));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {signUp.error ? <Alert tone="error">{signUp.error}</Alert> : null}
      <Field id="name" label="Name" error={errors.name?.message}>
        <Input
          id="name"
          autoComplete="name"
          required
          {...describedBy('name', errors.name?.message)}
          {...register('name', nameRules)}
        />
      </Field>
      <EmailField error={errors.email?.message} registration={register('email', emailRules)} />
      <Field
        id="password"
        label="Password"
        error={errors.password?.message}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
      >
        <Input
          id="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          {...describedBy('password', errors.password?.message)}
          {...register('password', newPasswordRules)}
        />
      </Field>
      <input type="hidden" {...register('timeZone')} />
      {timeZone ? (
        <p className="text-sm text-slate-600">
          Times will be shown in your browser’s zone, {timeZone.replaceAll('_', ' ')}. You can change it on your account
          page.
        </p>
      ) : null}
      <Button type="submit" pending={isCreating} className="w-full">
        {isCreating ? 'Creating your account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{' '}
        <TextLink href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium">
          Sign in
        </TextLink>
      </p>
    </form>
  );
}
