// The CSV import in Chromium, end to end: a file uploaded through the page's file input, one
// column remapped, a row skipped with its reason, the import confirmed and run by the worker,
// its report, the applications on the board, and the skipped rows downloaded with the reason.
import { readFile } from 'node:fs/promises';
import { expect, test } from './support/accessibility';
import { TIME_ZONE, signUpNewUser } from './support/accounts';
import { baseUrl } from './support/browser';

test.describe.configure({ timeout: 120_000 });
test.use({ timezoneId: TIME_ZONE });

const FILE = [
  'Company,Position,Status,Date Applied,Comments',
  'Northwind Labs,Data Analyst,Applied,2026-11-02,Met them at a meetup',
  ',Designer,Applied,2026-11-03,no company here',
  'Contoso,Platform Engineer,Rejected,2026-11-04,=1+2',
].join('\n');

test('a CSV with a remapped column and a skipped row is imported, and its skipped rows download with the reason', async ({
  page,
}) => {
  await signUpNewUser(page);
  await page.goto(`${baseUrl}/applications`);
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
  await expect(page.getByRole('link', { name: 'Calendar invitation' })).toHaveAttribute('href', '/imports/calendar');

  await page.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'my-jobs.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(FILE, 'utf8'),
  });
  await page.waitForURL(/\/imports\/csv\/[A-Za-z0-9_-]+$/);
  await page.getByRole('heading', { level: 1, name: 'Import my-jobs.csv' }).waitFor();

  // The "Comments" column becomes the notes, whatever the matcher first made of it.
  await page.getByLabel('Comments', { exact: true }).selectOption('notes');
  await page.getByRole('button', { name: 'Save and update the preview' }).click();
  await expect(page.getByText('Saved. The preview and the dry run below follow it.')).toBeVisible();
  await expect(page.getByLabel('Comments', { exact: true })).toHaveValue('notes');

  await expect(page.getByText('Row 3: No company')).toBeVisible();
  await expect(page.getByText('2 applications will be created')).toBeVisible();
  await page.getByRole('button', { name: 'Import 2 rows' }).click();

  // The worker takes the job; the page follows its progress until the report.
  await expect(page.getByText('The import is done.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('2 applications created')).toBeVisible();
  await expect(page.getByText('Row 3: No company')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download skipped rows (CSV)' }).click(),
  ]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  expect(
    text
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, 2),
  ).toEqual([
    'Company,Position,Status,Date Applied,Comments,Reason',
    ',Designer,Applied,2026-11-03,no company here,No company',
  ]);

  await page.goto(`${baseUrl}/applications`);
  await expect(page.getByRole('link', { name: 'Northwind Labs Data Analyst' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Contoso Platform Engineer' })).toBeVisible();
});
