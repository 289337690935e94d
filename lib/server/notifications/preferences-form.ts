import 'server-only';
import { getDb } from '@/lib/db';
import {
  DEFAULT_EVENING_BEFORE_TIME,
  DEFAULT_REMINDER_CHANNELS,
  REMINDER_CHANNELS,
  REMINDER_KINDS,
  type ReminderChannel,
  type ReminderKind,
} from '@/lib/domain/reminders';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { NotificationPreferencesValues } from '@/lib/validation/notifications';
import { resyncUserReminders } from '@/lib/server/reminders/resync-user-reminders';
import { createUnsubscribeToken, preferenceSelect, readStoredChannels } from './reminder-preferences';

export type PreferencesForm = NotificationPreferencesValues & { emailUnsubscribed: boolean };

/** The form's values: what the user saved, the defaults for anything they did not. */
export async function getPreferencesForm(userId: string): Promise<PreferencesForm> {
  const row = await getDb().notificationPreference.findUnique({ where: { userId }, select: preferenceSelect });
  const stored = row ? readStoredChannels(row.channels) : {};
  const channels = Object.fromEntries(
    REMINDER_KINDS.map((kind) => {
      const chosen: readonly ReminderChannel[] = stored[kind] ?? DEFAULT_REMINDER_CHANNELS[kind];
      return [kind, Object.fromEntries(REMINDER_CHANNELS.map((channel) => [channel, chosen.includes(channel)]))];
    }),
  ) as NotificationPreferencesValues['channels'];
  return {
    allOff: row?.allOff ?? false,
    eveningBeforeTime: row?.eveningBeforeTime ?? DEFAULT_EVENING_BEFORE_TIME,
    quietHoursStart: row?.quietHoursStart ?? '',
    quietHoursEnd: row?.quietHoursEnd ?? '',
    channels,
    emailUnsubscribed: Boolean(row?.emailUnsubscribedAt),
  };
}

/**
 * Saves the preferences and brings every waiting reminder of the user in line with them, in
 * one transaction. Choosing email for any reminder again ends an earlier one-click unsubscribe.
 */
export async function savePreferences(userId: string, values: NotificationPreferencesValues): Promise<void> {
  const channels: Partial<Record<ReminderKind, ReminderChannel[]>> = {};
  for (const kind of REMINDER_KINDS)
    channels[kind] = REMINDER_CHANNELS.filter((channel) => values.channels[kind][channel]);
  const wantsEmail = REMINDER_KINDS.some((kind) => channels[kind]?.includes('EMAIL'));
  const data = {
    allOff: values.allOff,
    eveningBeforeTime: values.eveningBeforeTime,
    quietHoursStart: values.quietHoursStart || null,
    quietHoursEnd: values.quietHoursEnd || null,
    channels: channels as Prisma.InputJsonValue,
    ...(wantsEmail ? { emailUnsubscribedAt: null } : {}),
  };
  await getDb().$transaction(async (tx) => {
    await tx.notificationPreference.upsert({
      where: { userId },
      create: { userId, unsubscribeToken: createUnsubscribeToken(), ...data },
      update: data,
    });
    await resyncUserReminders(tx, userId);
  });
}
