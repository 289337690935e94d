// The proof of job search as a candidate uses it: a period's applications on screen, on paper
// (print media: no site header, no form, the table kept) and as a CSV download; the patterns
// page's applications section; and the page on a phone. Every page visited is audited with axe.
import { readFile } from 'node:fs/promises';
import { expect, expectAccessible, test, type Page } from './support/accessibility';
import { TIME_ZONE, localDate, signUpNewUser } from './support/accounts';
import { baseUrl, watchPageErrors } from './support/browser';
import { addInterviewThroughForm } from './support/interview-form';

test.describe.configure({ timeout: 240_000 });
test.use({ timezoneId: TIME_ZONE });

const FORMULA_COMPANY = '=SUM(1+1) Ltd';

/** Two applications, made today by adding an interview for each. */
async function seedApplications(page: Page): Promise<void> {
  await addInterviewThroughForm(page, { company: 'Proofworks', date: localDate(3) });
  await addInterviewThroughForm(page, { company: FORMULA_COMPANY, date: localDate(4) });
}

const weekPath = () => `/applications/proof?from=${localDate(-7)}&to=${localDate(0)}`;

test.describe('proof of job search', () => {
  test('lists the period on screen and on paper, and downloads the same rows as CSV', async ({ page }) => {
    await signUpNewUser(page, { name: 'Robin Proof' });
    const errors = watchPageErrors(page);
    await seedApplications(page);

    await page.goto(`${baseUrl}${weekPath()}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Proof of job search' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Applications in the period, oldest first' });
    await expect(table.getByRole('rowheader', { name: 'Proofworks' })).toBeVisible();
    await expect(table.getByRole('rowheader', { name: FORMULA_COMPANY })).toBeVisible();
    await expect(page.getByText('Robin Proof', { exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('form', { name: 'Report period' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Application views' })).toBeHidden();
    await expect(table).toBeVisible();
    await expect(page.getByText('Robin Proof', { exact: true })).toBeVisible();
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByRole('banner')).toBeVisible();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`rebound-proof-of-search-${localDate(-7)}-to-${localDate(0)}.csv`);
    const bytes = await readFile((await download.path())!);
    // The UTF-8 byte order mark Excel needs.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Date,Date is,Employer,Position,/);
    expect(lines).toHaveLength(3);
    expect(lines.some((line) => line.includes(',Proofworks,Data Engineer,'))).toBe(true);
    // A spreadsheet would run the formula; the file makes it text.
    expect(lines.some((line) => line.includes(`,'${FORMULA_COMPANY},`))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('refuses an inverted period and shows the applications on the patterns page', async ({ page }) => {
    await signUpNewUser(page);
    await seedApplications(page);

    await page.goto(`${baseUrl}/applications/proof?from=${localDate(0)}&to=${localDate(-5)}`);
    await expect(page.getByText(/^The start date is after the end date/)).toHaveAttribute('role', 'alert');
    await expect(page.getByLabel('From')).toHaveValue(localDate(0));
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectAccessible(page);

    await page.goto(`${baseUrl}/lessons/patterns`);
    await expect(page.getByRole('heading', { level: 2, name: 'Your applications' })).toBeVisible();
    await expect(page.getByText('2 applications so far.')).toBeVisible();
    const funnel = page.getByRole('table', { name: 'Stage funnel' });
    await expect(funnel.getByRole('row', { name: /^Applied 2\b/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /by source/ })).toBeVisible();
    await expectAccessible(page);
  });

  test('fits a 390 px phone: the table scrolls in its own box, never the page', async ({ browser }) => {
    const context = await browser.newContext({
      timezoneId: TIME_ZONE,
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await signUpNewUser(page);
    await seedApplications(page);
    for (const path of [weekPath(), '/lessons/patterns']) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect.soft(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
    }
    await context.close();
  });
});
