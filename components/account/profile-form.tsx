'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { updateProfileAction } from '@/lib/actions/account';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Select } from '@/components/ui/form';
import { TimeZoneOptions } from '@/components/ui/time-zone-options';
import type { ProfileInput } from '@/lib/validation/auth';
import { lazyResolver } from '@/components/forms/lazy-resolver';
import { setServerErrors } from '@/components/ui/server-errors';

const resolver = lazyResolver(() => import('./account-checks').then((module) => module.profileResolver));

export function ProfileForm({ defaults }: { defaults: ProfileInput }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, setError, formState, control } = useForm<ProfileInput>({
    resolver,
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = formState;
  const timeZone = useWatch({ control, name: 'timeZone' });
  const onSubmit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await updateProfileAction(values);
    if (!result.ok) {
      setStatus({ tone: 'error', text: result.message });
      setServerErrors(setError, result.fieldErrors);
      return;
    }
    setStatus({ tone: 'success', text: 'Saved.' });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <Field id="profile-name" label="Name" error={errors.name?.message}>
        <Input id="profile-name" autoComplete="name" {...describedBy('profile-name', errors.name?.message)} {...register('name')} />
      </Field>
      <Field id="profile-timeZone" label="Time zone" error={errors.timeZone?.message}>
        {/* defaultValue puts the account's zone into the server's HTML; without it the list reads UTC until scripts load. */}
        <Select id="profile-timeZone" defaultValue={defaults.timeZone} {...describedBy('profile-timeZone', errors.timeZone?.message)} {...register('timeZone')}>
          <TimeZoneOptions current={timeZone} />
        </Select>
      </Field>
      <Button type="submit" pending={isSubmitting}>
        {isSubmitting ? 'Saving…' : 'Save profile'}
      </Button>
    </form>
  );
}
