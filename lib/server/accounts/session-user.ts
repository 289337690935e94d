import 'server-only';

/** What a session knows of its user, read at sign-in and by every profile change. */
export type SessionUser = { id: string; email: string; name: string; timeZone: string; sessionVersion: number };
export const sessionUserSelect = { id: true, email: true, name: true, timeZone: true, sessionVersion: true } as const;
