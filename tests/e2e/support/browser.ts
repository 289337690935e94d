import type { Page } from '@playwright/test';

/** The app playwright.config.ts serves for this run (also `use.baseURL`). */
export const baseUrl = process.env.E2E_BASE_URL ?? '';

/** Collects console errors and failed page loads so a test can assert there were none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  return errors;
}
