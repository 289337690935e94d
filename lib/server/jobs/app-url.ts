import 'server-only';
import { getEnv } from '@/lib/env';

/** The app's public origin for links in reminders (the worker runs outside any request). */
export function getPublicAppUrl(): string {
  return getEnv().appUrl;
}
