'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { updateProfileAction } from '@/lib/actions/account';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Select } from '@/components/ui/form';
import { TimeZoneOptions } from '@/components/ui/time-zone-options';
import type { ProfileInput } from '@/lib/validation/auth';
import { lazyResolver } from '@/components/forms/lazy-resolver';

const resolver = lazyResolver(() => import('./account-checks').then((module) => module.profileResolver));

export function ProfileForm({ defaults }: { defaults: ProfileInput }) {
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<ProfileInput>({
    resolver,
    defaultValues: defaults,
  });
  const { register, handleSubmit, formState, control } = form;
  const { errors, isSubmitting } = formState;
  const timeZone = useWatch({ control, name: 'timeZone' });
  const updateProfile = useAction(updateProfileAction, {
    form,
    onSuccess: () => {
      setNotice('Saved.');
      router.refresh();
    },
  });
  const isSaving = isSubmitting || updateProfile.isPending;
  const onSubmit = handleSubmit((values) => {
    setNotice(null);
    return updateProfile.execute(values);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {updateProfile.error ? <Alert tone="error">{updateProfile.error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <Field id="profile-name" label="Name" error={errors.name?.message}>
        {/* defaultValue puts the saved name into the server's HTML; register alone fills it in only once scripts run. */}
        <Input
          id="profile-name"
          autoComplete="name"
          defaultValue={defaults.name}
          {...describedBy('profile-name', errors.name?.message)}
          {...register('name')}
        />
      </Field>
      <Field id="profile-timeZone" label="Time zone" error={errors.timeZone?.message}>
        {/* defaultValue puts the account's zone into the server's HTML; without it the list reads UTC until scripts load. */}
        <Select
          id="profile-timeZone"
          defaultValue={defaults.timeZone}
          {...describedBy('profile-timeZone', errors.timeZone?.message)}
          {...register('timeZone')}
        >
          <TimeZoneOptions current={timeZone} />
        </Select>
      </Field>
      <Button type="submit" pending={isSaving}>
        {isSaving ? 'Saving…' : 'Save profile'}
      </Button>
    </form>
  );
}
