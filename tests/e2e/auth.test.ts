import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './support/accessibility';
import { submitSignUp } from './support/accounts';
import { baseUrl, watchPageErrors } from './support/browser';

test.describe.configure({ timeout: 90_000 });

const signUp = (page: Page, email: string, password: string) => submitSignUp(page, email, password, 'Ada Candidate');

test.describe('accounts', () => {
  test('signs up, lands on the dashboard, signs out, and returns to a protected page after signing in', async ({
    page,
  }) => {
    const errors = watchPageErrors(page);
    const email = `ada-${randomUUID()}@example.test`;
    const password = 'correct horse battery';

    await signUp(page, email, password);
    await page.waitForURL(`${baseUrl}/dashboard`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome, Ada Candidate');
    // The time zone was preselected from the browser (Chromium here runs in UTC unless told otherwise).
    expect(await page.getByText(/Times are shown in/).textContent()).toMatch(/Times are shown in \S+/);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl}/`);

    await page.goto(`${baseUrl}/account?tab=profile`);
    await page.waitForURL(/\/sign-in\?callbackUrl=/);
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/account?tab=profile');

    await page.getByLabel('Email').fill(`  ${email.toUpperCase()} `);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/account?tab=profile`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your account');
    expect(errors).toEqual([]);
  });

  test('keeps what was typed and explains each problem when sign-up input is bad', async ({ page }) => {
    await page.goto(`${baseUrl}/sign-up`);
    await page.getByLabel('Name').fill('Grace');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter a valid email address, like name@example.com.').isVisible()).resolves.toBe(true);
    await expect(page.getByText('Use at least 10 characters.').isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('Name').inputValue()).toBe('Grace');
    expect(await page.getByLabel('Email').inputValue()).toBe('not-an-email');
    expect(page.url()).toBe(`${baseUrl}/sign-up`);
  });

  test('refuses a wrong password without saying whether the account exists, and ignores an off-site return path', async ({
    page,
  }) => {
    await page.goto(`${baseUrl}/sign-in?callbackUrl=${encodeURIComponent('https://evil.example/steal')}`);
    await page.getByLabel('Email').fill(`nobody-${randomUUID()}@example.test`);
    await page.getByLabel('Password').fill('whatever password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Next.js keeps an empty route announcer with role=alert; look for ours by its text.
    await page.getByRole('alert').filter({ hasText: 'Incorrect email or password.' }).waitFor();
    expect(await page.getByLabel('Password').inputValue()).toBe('');

    const email = `grace-${randomUUID()}@example.test`;
    await signUp(page, email, 'a perfectly fine password');
    await page.waitForURL(`${baseUrl}/dashboard`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/sign-in?callbackUrl=${encodeURIComponent('//evil.example/steal')}`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('a perfectly fine password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
  });

  test('changes the password on the account page, which then signs in and the old one does not', async ({ page }) => {
    const email = `lin-${randomUUID()}@example.test`;
    await signUp(page, email, 'first long password');
    await page.waitForURL(`${baseUrl}/dashboard`);
    await page.goto(`${baseUrl}/account`);
    const card = page.getByRole('region', { name: 'Password' });
    await card.getByLabel('Current password').fill('first long password');
    await card.getByLabel('New password', { exact: true }).fill('second long password');
    await card.getByLabel('Repeat the new password').fill('second long passwort');
    await card.getByRole('button', { name: 'Change password' }).click();
    await card.getByText('The two passwords do not match.').waitFor();
    await card.getByLabel('Repeat the new password').fill('second long password');
    await card.getByRole('button', { name: 'Change password' }).click();
    await card.getByText('Password changed. Other devices were signed out.').waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('first long password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Incorrect email or password.' }).waitFor();
    await page.getByLabel('Password').fill('second long password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${baseUrl}/dashboard`);
  });

  test('a double click sends one request, and a refusal is put on its field, focused, with what was typed kept', async ({
    page,
  }) => {
    const errors = watchPageErrors(page);
    await signUp(page, `grace-${randomUUID()}@example.test`, 'first long password');
    await page.waitForURL(`${baseUrl}/dashboard`);
    await page.goto(`${baseUrl}/account`);
    const actionCalls: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.headers()['next-action']) actionCalls.push(request.url());
    });

    const card = page.getByRole('region', { name: 'Password' });
    await card.getByLabel('Current password').fill('not my password');
    await card.getByLabel('New password', { exact: true }).fill('second long password');
    await card.getByLabel('Repeat the new password').fill('second long password');
    await card.getByRole('button', { name: 'Change password' }).dblclick();
    await card.locator('#currentPassword-error').filter({ hasText: 'Your current password is not right.' }).waitFor();
    await expect(card.getByRole('button', { name: 'Change password' })).toBeEnabled();
    expect(actionCalls).toHaveLength(1);
    await expect(card.getByLabel('Current password')).toBeFocused();
    expect(await card.getByLabel('New password', { exact: true }).inputValue()).toBe('second long password');
    expect(errors).toEqual([]);
  });

  test('sends security headers on a real response', async ({ page }) => {
    const response = await page.goto(`${baseUrl}/sign-in`);
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['x-powered-by']).toBeUndefined();
    // The nonce in the header is the one on the page's scripts, so the page hydrates.
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const scriptNonces = await page
      .locator('script[nonce]')
      .evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  });
});
