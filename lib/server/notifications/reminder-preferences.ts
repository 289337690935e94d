import 'server-only';
import type { Tx } from '@/lib/db';
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_REMINDER_CHANNELS,
  REMINDER_CHANNELS,
  REMINDER_KINDS,
  type ReminderChannel,
  type ReminderKind,
  type ReminderPreferences,
} from '@/lib/domain/reminders';
import type { Prisma } from '@/lib/generated/prisma/client';

type Db = Pick<Tx, 'notificationPreference'>;

export type StoredPreference = {
  allOff: boolean;
  eveningBeforeTime: string;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  channels: Prisma.JsonValue;
  emailUnsubscribedAt: Date | null;
};

export const preferenceSelect = {
  allOff: true,
  eveningBeforeTime: true,
  quietHoursStart: true,
  quietHoursEnd: true,
  channels: true,
  emailUnsubscribedAt: true,
} satisfies Prisma.NotificationPreferenceSelect;

/** The stored per-kind channels, keeping only known kinds and channels (a stale row must not break planning). */
export function readStoredChannels(value: Prisma.JsonValue): Partial<Record<ReminderKind, ReminderChannel[]>> {
  const channels: Partial<Record<ReminderKind, ReminderChannel[]>> = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return channels;
  for (const kind of REMINDER_KINDS) {
    const list = (value as Record<string, unknown>)[kind];
    if (Array.isArray(list)) channels[kind] = REMINDER_CHANNELS.filter((channel) => list.includes(channel));
  }
  return channels;
}

/** What the rules need from a stored row; no row means the defaults. An email unsubscribe drops email everywhere. */
export function toReminderPreferences(row: StoredPreference | null): ReminderPreferences {
  if (!row) return {};
  const stored = readStoredChannels(row.channels);
  const channels: Partial<Record<ReminderKind, readonly ReminderChannel[]>> = { ...stored };
  if (row.emailUnsubscribedAt) {
    for (const kind of REMINDER_KINDS) {
      const list = stored[kind] ?? DEFAULT_REMINDER_CHANNELS[kind];
      channels[kind] = list.filter((channel) => channel !== 'EMAIL');
    }
  }
  return {
    allOff: row.allOff,
    eveningBeforeTime: row.eveningBeforeTime,
    channels,
    quietHours:
      row.quietHoursStart && row.quietHoursEnd ? { start: row.quietHoursStart, end: row.quietHoursEnd } : null,
  };
}

export async function loadReminderPreferences(db: Db, userId: string): Promise<ReminderPreferences> {
  const row = await db.notificationPreference.findUnique({ where: { userId }, select: preferenceSelect });
  return toReminderPreferences(row);
}

export function createUnsubscribeToken(): string {
  return randomBytes(24).toString('base64url');
}
