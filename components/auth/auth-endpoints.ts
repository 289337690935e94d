// next-auth's sign-in endpoints called the way its client library calls them, so that library
// (and the session polling it brings) stays out of the browser: a CSRF token first, then a form
// post; `json: true` makes next-auth answer with where to go instead of redirecting.

async function postToAuth(path: string, fields: Record<string, string>): Promise<{ ok: boolean; url: string }> {
  const csrf = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await fetch(`/api/auth/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, json: 'true' }),
  });
  const { url } = (await response.json()) as { url: string };
  return { ok: response.ok, url };
}

/**
 * Signs in with email and password; the session cookie comes back with the answer. The error is
 * next-auth's code (`CredentialsSignin`) or the message the credentials check threw (a rate
 * limit, say); null when signed in.
 */
export async function signInWithPassword(email: string, password: string): Promise<{ error: string | null }> {
  const { ok, url } = await postToAuth('callback/credentials', { email, password, callbackUrl: window.location.href });
  const error = new URL(url, window.location.href).searchParams.get('error');
  return { error: error ?? (ok ? null : 'CredentialsSignin') };
}

/** Starts an OAuth sign-in: next-auth answers with the provider's authorisation page. */
export async function signInWithProvider(providerId: string, callbackUrl: string): Promise<void> {
  const { url } = await postToAuth(`signin/${encodeURIComponent(providerId)}`, { callbackUrl });
  window.location.assign(url);
}
