/** How long a session cookie lives without being used (next-auth's rolling maxAge). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
