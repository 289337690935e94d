/** How long a session cookie lives without being used (next-auth's rolling maxAge). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** next-auth's session cookie, `__Secure-` over https, split into `.0`, `.1`… when large. */
export const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;
