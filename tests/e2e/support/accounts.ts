import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { baseUrl } from './browser';

/** The zone tests run the browser in (`test.use({ timezoneId: TIME_ZONE })`), so dates are predictable. */
export const TIME_ZONE = 'Europe/London';

/** Fills in and submits the sign-up form; the caller waits for whatever should follow. */
export async function submitSignUp(page: Page, email: string, password: string, name = 'Sam Candidate'): Promise<void> {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Signs up a fresh account on `page` and waits for the dashboard; the account's zone is the browser's. */
export async function signUpNewUser(
  page: Page,
  options: { name?: string } = {},
): Promise<{ email: string; password: string }> {
  const email = `e2e-${randomUUID()}@example.test`;
  const password = 'a long enough password';
  await submitSignUp(page, email, password, options.name);
  await page.waitForURL(`${baseUrl}/dashboard`);
  return { email, password };
}

/** YYYY-MM-DD for a day offset from today, in the given zone. */
export function localDate(offsetDays: number, timeZone = TIME_ZONE): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
