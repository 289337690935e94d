import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Cookie, type Page } from './support/accessibility';
import { submitSignUp } from './support/accounts';
import { baseUrl, watchPageErrors } from './support/browser';

test.describe.configure({ timeout: 120_000 });

const SESSION_COOKIE = /next-auth\.session-token$/;

async function signUp(page: Page, email: string, password: string) {
  await submitSignUp(page, email, password, 'Ada Candidate');
  await page.waitForURL(`${baseUrl}/dashboard`);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/dashboard`);
}

async function copySessionCookie(page: Page): Promise<Cookie> {
  const cookie = (await page.context().cookies()).find((candidate) => SESSION_COOKIE.test(candidate.name));
  expect(cookie).toBeDefined();
  return cookie!;
}

/** The scripts a page's HTML loads (what the browser fetches before anything is clicked), by their text. */
async function readFirstLoadScripts(page: Page, pathname: string): Promise<string[]> {
  const html = await (await page.request.get(`${baseUrl}${pathname}`)).text();
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
  expect(sources.length).toBeGreaterThan(0);
  return Promise.all(
    sources.map(async (source) => (await page.request.get(new URL(source, `${baseUrl}${pathname}`).href)).text()),
  );
}

/** A browser that never signed in, carrying only `cookie`: opens /dashboard and says where it ended up. */
async function openDashboardWith(browser: Browser, cookie: Cookie): Promise<string> {
  const context = await browser.newContext();
  try {
    await context.addCookies([cookie]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/dashboard`);
    return new URL(page.url()).pathname;
  } finally {
    await context.close();
  }
}

test.describe('sessions', () => {
  test('signing out ends the session: a copy of the cookie taken before no longer opens the dashboard', async ({
    page,
    browser,
  }) => {
    const errors = watchPageErrors(page);
    // Signing in and up post to next-auth's endpoints directly: its client library is not loaded there either.
    for (const pathname of ['/sign-in', '/sign-up']) {
      for (const script of await readFirstLoadScripts(page, pathname)) expect(script).not.toContain('next-auth.js.org');
    }
    await signUp(page, `ada-${randomUUID()}@example.test`, 'correct horse battery');
    const copied = await copySessionCookie(page);
    expect(await openDashboardWith(browser, copied)).toBe('/dashboard');

    // The sign-out button is a form posting to a server action: next-auth's client library (its
    // log lines link to next-auth.js.org) is not among the scripts every signed-in page loads.
    for (const script of await readFirstLoadScripts(page, '/dashboard'))
      expect(script).not.toContain('next-auth.js.org');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();

    expect(await openDashboardWith(browser, copied)).toBe('/sign-in');
    expect(errors).toEqual([]);
  });

  test('lists the signed-in devices, signs out another one, then signs out everywhere', async ({ page, browser }) => {
    const email = `lin-${randomUUID()}@example.test`;
    const password = 'correct horse battery';
    await signUp(page, email, password);
    const laptopCookie = await copySessionCookie(page);

    const phone = await browser.newContext();
    const phonePage = await phone.newPage();
    await signIn(phonePage, email, password);
    const phoneCookie = await copySessionCookie(phonePage);
    await phone.close();

    await page.goto(`${baseUrl}/account`);
    const card = page.getByRole('region', { name: 'Signed-in devices' });
    await expect(card.getByRole('listitem')).toHaveCount(2);
    await expect(card.getByText('(this device)')).toHaveCount(1);
    await expect(card.getByRole('listitem').first()).toContainText(/Chrome on Linux/);

    await card.getByRole('button', { name: /^Sign out Chrome on Linux/ }).click();
    await expect(card.getByRole('listitem')).toHaveCount(1);
    expect(await openDashboardWith(browser, phoneCookie)).toBe('/sign-in');
    expect(await openDashboardWith(browser, laptopCookie)).toBe('/dashboard');

    await card.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await openDashboardWith(browser, laptopCookie)).toBe('/sign-in');
  });
});
