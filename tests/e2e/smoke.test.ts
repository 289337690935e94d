import { expect, test } from './support/accessibility';
import { baseUrl, watchPageErrors } from './support/browser';

test.describe.configure({ timeout: 60_000 });

test.describe('smoke', () => {
  test('renders the landing page with the product name and a way to start', async ({ page }) => {
    const errors = watchPageErrors(page);
    const response = await page.goto(baseUrl);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Rebound');
    expect(await page.getByRole('banner').getByRole('link', { name: 'Rebound' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Missed an interview/);
    expect(await page.getByRole('link', { name: 'Create an account' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  test('reports a healthy embedded database on /api/health', async ({ page }) => {
    const response = await page.goto(`${baseUrl}/api/health`);
    expect(response?.status()).toBe(200);
    const body = await response?.json();
    expect(body).toMatchObject({
      status: 'ok',
      database: { mode: 'embedded', reachable: true, migrations: { upToDate: true } },
    });
  });
});
