import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl } from './browser';

export type SignedInUser = { context: BrowserContext; page: Page; email: string; password: string };

/** A fresh account, signed in, on the dashboard. */
export async function signUpNewUser(browser: Browser, options: { timezoneId?: string; name?: string } = {}): Promise<SignedInUser> {
  const context = await browser.newContext({ timezoneId: options.timezoneId ?? 'Europe/London', acceptDownloads: true });
  const page = await context.newPage();
  const email = `e2e-${randomUUID()}@example.test`;
  const password = 'a long enough password';
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel('Name').fill(options.name ?? 'Sam Candidate');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${baseUrl}/dashboard`);
  return { context, page, email, password };
}

/** YYYY-MM-DD for a day offset from today, in the given zone. */
export function localDate(offsetDays: number, timeZone = 'Europe/London'): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
