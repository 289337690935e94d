import 'server-only';

/** The app's public origin for links in reminders (the worker runs outside any request). */
export function getPublicAppUrl(): string {
  return (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');
}
