const fallback = '/dashboard';

/**
 * A return path after sign-in, accepted only when it stays on this site: a single leading
 * slash, no scheme, no protocol-relative `//host`, no backslash tricks browsers treat as `//`.
 */
export function toSafeReturnPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2048) return fallback;
  let value = raw.trim();
  try {
    // A full URL for this site (next-auth sends those) keeps only its path.
    if (/^https?:\/\//i.test(value)) {
      const url = new URL(value);
      const own = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : null;
      if (!own || url.origin !== own) return fallback;
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
