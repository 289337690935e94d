'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useAction } from '@/components/forms/use-action';
import { saveNotificationPreferencesAction } from '@/lib/actions/notifications';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';
import { REMINDER_CHANNEL_LABELS, REMINDER_KIND_LABELS } from '@/lib/domain/notification-labels';
import { REMINDER_CHANNELS, REMINDER_KINDS } from '@/lib/domain/reminders';
import type { NotificationPreferencesInput } from '@/lib/validation/notifications';
import { lazyResolver } from '@/components/forms/lazy-resolver';

const resolver = lazyResolver(() =>
  import('./preferences-checks').then((module) => module.notificationPreferencesResolver),
);

export function PreferencesForm({ defaults }: { defaults: NotificationPreferencesInput }) {
  const router = useRouter();
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<NotificationPreferencesInput>({
    resolver,
    defaultValues: defaults,
  });
  const { register, handleSubmit, formState, control } = form;
  const { errors, isSubmitting } = formState;
  const allOff = useWatch({ control, name: 'allOff' });
  const savePreferences = useAction(saveNotificationPreferencesAction, {
    form,
    onSuccess: () => {
      setNotice('Saved. Waiting reminders follow the new choices.');
      router.refresh();
    },
  });
  const isSaving = isSubmitting || savePreferences.isPending;
  const onSubmit = handleSubmit((values) => {
    setNotice(null);
    return savePreferences.execute(values);
  });
  // defaultValue and defaultChecked put the saved choices into the server's HTML; register alone
  // fills the controls in only once scripts run, so a reload showed empty times for a moment.
  const time = (name: 'eveningBeforeTime' | 'quietHoursStart' | 'quietHoursEnd') => ({
    defaultValue: defaults[name],
    ...register(name),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {savePreferences.error ? <Alert tone="error">{savePreferences.error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" defaultChecked={defaults.allOff} {...register('allOff')} />
        Turn all reminders off
      </label>
      {allOff ? (
        <p className="text-sm text-slate-600">
          Nothing is sent while this is on; the choices below are kept for when you turn it off.
        </p>
      ) : null}
      <fieldset className="space-y-6">
        <legend className="sr-only">Which reminders, where</legend>
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Channels for each reminder</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-4 font-medium">
                Reminder
              </th>
              {REMINDER_CHANNELS.map((channel) => (
                <th key={channel} scope="col" className="px-2 py-2 text-center font-medium">
                  {REMINDER_CHANNEL_LABELS[channel]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {REMINDER_KINDS.map((kind) => (
              <tr key={kind} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <span className="block font-medium">{REMINDER_KIND_LABELS[kind].label}</span>
                  <span className="block text-xs text-slate-500">{REMINDER_KIND_LABELS[kind].hint}</span>
                </th>
                {REMINDER_CHANNELS.map((channel) => (
                  <td key={channel} className="px-2 py-2 text-center">
                    <input
                      type="checkbox"
                      aria-label={`${REMINDER_KIND_LABELS[kind].label}: ${REMINDER_CHANNEL_LABELS[channel]}`}
                      defaultChecked={defaults.channels[kind]?.[channel] === true}
                      {...register(`channels.${kind}.${channel}`)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            id="prefs-evening"
            label="Evening-before time"
            error={errors.eveningBeforeTime?.message}
            hint="In your time zone, 24-hour clock."
          >
            <Input
              id="prefs-evening"
              inputMode="numeric"
              placeholder="18:00"
              {...describedBy('prefs-evening', errors.eveningBeforeTime?.message)}
              {...time('eveningBeforeTime')}
            />
          </Field>
          <Field
            id="prefs-quiet-start"
            label="Quiet hours from"
            error={errors.quietHoursStart?.message}
            hint="Leave both empty for none."
          >
            <Input
              id="prefs-quiet-start"
              inputMode="numeric"
              placeholder="22:00"
              {...describedBy('prefs-quiet-start', errors.quietHoursStart?.message)}
              {...time('quietHoursStart')}
            />
          </Field>
          <Field id="prefs-quiet-end" label="Quiet hours until" error={errors.quietHoursEnd?.message}>
            <Input
              id="prefs-quiet-end"
              inputMode="numeric"
              placeholder="07:00"
              {...describedBy('prefs-quiet-end', errors.quietHoursEnd?.message)}
              {...time('quietHoursEnd')}
            />
          </Field>
        </div>
      </fieldset>
      <Button type="submit" pending={isSaving}>
        {isSaving ? 'Saving…' : 'Save preferences'}
      </Button>
    </form>
  );
}
