import { readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * A signed-in visitor without a browser, for load, crash and shutdown tests where dozens of
 * clients at once would be too heavy in Chromium. It speaks exactly what the browser speaks:
 * next-auth's credentials sign-in, and server actions posted with their Next-Action id, which
 * the production build lists in its server-reference manifest.
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');

type ManifestEntry = { exportedName?: string; filename?: string };
let actionIds: Map<string, string> | undefined;

/** The id the build gave the server action exported as `name` (names are unique in the app). */
export function actionId(name: string): string {
  if (!actionIds) {
    const manifest = JSON.parse(
      readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8'),
    ) as {
      node: Record<string, ManifestEntry>;
    };
    actionIds = new Map();
    for (const [id, entry] of Object.entries(manifest.node)) {
      if (!entry.exportedName) continue;
      if (actionIds.has(entry.exportedName) && actionIds.get(entry.exportedName) !== id)
        throw new Error(`two server actions are named ${entry.exportedName}`);
      actionIds.set(entry.exportedName, id);
    }
  }
  const id = actionIds.get(name);
  if (!id) throw new Error(`no server action named ${name} in the build`);
  return id;
}

/** The value a server action returned, read from its React flight response. */
export function readActionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = rows.get('0');
  if (!head) throw new Error(`not a server action response: ${body.slice(0, 200)}`);
  const value = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof value === 'string' && value.startsWith('$@')) {
    const row = rows.get(value.slice(2));
    if (!row) throw new Error(`server action response lacks row ${value}`);
    return JSON.parse(row);
  }
  return value;
}

export type HttpResponse = { status: number; text: string; headers: Headers };

export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(pathname: string, init: RequestInit = {}): Promise<HttpResponse> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set('Cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(`${this.baseUrl}${pathname}`, {
      ...init,
      headers,
      redirect: 'manual',
      signal: init.signal ?? AbortSignal.timeout(60_000),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0] ?? '';
      const separator = pair.indexOf('=');
      this.cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  /** The session's cookies, for a browser to carry on as the same signed-in user. */
  cookieList(): { name: string; value: string; url: string }[] {
    return [...this.cookies].map(([name, value]) => ({ name, value, url: this.baseUrl }));
  }

  /** This client's cookies, carried to another instance of the app as a browser behind a load balancer would. */
  onAnotherInstance(baseUrl: string): HttpClient {
    const other = new HttpClient(baseUrl);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    return other;
  }

  get(pathname: string): Promise<HttpResponse> {
    return this.request(pathname);
  }

  /** Posts a server action the way the browser does, from the page at `pathname`. */
  async callAction(
    name: string,
    args: unknown[],
    pathname = '/dashboard',
  ): Promise<{ status: number; result: unknown }> {
    const response = await this.request(pathname, {
      method: 'POST',
      headers: {
        'Next-Action': actionId(name),
        Accept: 'text/x-component',
        'Content-Type': 'text/plain;charset=UTF-8',
        Origin: this.baseUrl,
      },
      body: JSON.stringify(args),
    });
    if (response.status !== 200) return { status: response.status, result: undefined };
    return { status: response.status, result: readActionResult(response.text) };
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.request('/api/auth/csrf');
    const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
    const response = await this.request('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
    });
    if (
      ![200, 302].includes(response.status) ||
      ![...this.cookies.keys()].some((name) => name.endsWith('next-auth.session-token'))
    ) {
      throw new Error(`sign-in failed for ${email}: ${response.status} ${response.text.slice(0, 200)}`);
    }
  }

  /** Creates an account through the sign-up action, then signs in. */
  async signUp(email: string, password = 'a long enough password', name = 'Load Tester'): Promise<void> {
    const { status, result } = await this.callAction(
      'signUpAction',
      [{ name, email, password, timeZone: 'Europe/London' }],
      '/sign-up',
    );
    if (status !== 200 || (result as { ok?: boolean })?.ok !== true)
      throw new Error(`sign-up failed for ${email}: ${status} ${JSON.stringify(result)}`);
    await this.signIn(email, password);
  }
}
