import 'server-only';

// The signed-in devices of a user: created at sign-in, checked on every request, ended by
// signing out, from the account page, or by a password change.
export { createSession } from './create-session';
export { endAllSessions } from './end-all-sessions';
export { findSessionUser, LAST_SEEN_INTERVAL_MS, type SessionClaims, type SignedInUser } from './find-session-user';
export { listSessions, type ActiveSession } from './list-sessions';
export { revokeAllSessions } from './revoke-all-sessions';
export { revokeSession } from './revoke-session';
