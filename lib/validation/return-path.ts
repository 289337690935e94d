const fallback = '/dashboard';

/**
 * A return path after sign-in, accepted only when it stays on this site: a single leading
 * slash, no scheme, no protocol-relative `//host`, no backslash tricks browsers treat as `//`.
 */
export function toSafeReturnPath(raw: string | null | undefined, ownOrigin: string | null): string {
  if (!raw || raw.length > 2048) return fallback;
  let value = raw.trim();
  try {
    // A full URL for this site (next-auth sends those) keeps only its path; the site is the
    // origin the app was configured with (NEXTAUTH_URL), which the caller passes.
    if (/^https?:\/\//i.test(value)) {
      const url = new URL(value);
      if (!ownOrigin || url.origin !== ownOrigin) return fallback;
      value = `${url.pathname}${url.search}${url.hash}`;
    }
  } catch {
    return fallback;
  }
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  // Control characters could smuggle a different target past the checks above.
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  if (value.startsWith('/sign-in') || value.startsWith('/sign-up')) return fallback;
  return value;
}
