import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from './support/accessibility';
import { TIME_ZONE, localDate, signUpNewUser } from './support/accounts';
import { baseUrl, watchPageErrors } from './support/browser';

test.describe.configure({ timeout: 120_000 });
test.use({ timezoneId: TIME_ZONE });

async function addInterview(
  page: Page,
  values: { company: string; role: string; date: string; start: string; end: string; travel?: string; buffer?: string },
) {
  await page.goto(`${baseUrl}/interviews/new`);
  await page.getByLabel('Company').fill(values.company);
  await page.getByLabel('Role').fill(values.role);
  await page.getByLabel('Date').fill(values.date);
  await page.getByLabel('Starts').fill(values.start);
  await page.getByLabel('Ends').fill(values.end);
  await page.getByLabel('Address').fill('1 Canada Square, London');
  if (values.travel) await page.getByLabel('Travel time (minutes)').fill(values.travel);
  if (values.buffer) await page.getByLabel('Extra buffer (minutes)').fill(values.buffer);
  await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
  await page.getByRole('button', { name: 'Add interview' }).click();
  await page.waitForURL(/\/interviews\/[a-z0-9]{20,}$/);
}

async function readDownload(page: Page, trigger: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

test.describe('interviews', () => {
  test('adds, shows, edits, exports and checks in on interviews', async ({ browser, page }) => {
    await signUpNewUser(page);
    const errors = watchPageErrors(page);

    await addInterview(page, {
      company: 'Northwind',
      role: 'Data Engineer',
      date: localDate(2),
      start: '10:00',
      end: '11:00',
      travel: '40',
      buffer: '20',
    });
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Data Engineer at Northwind');
    // 10:00 − 15 min early − 20 min buffer − 40 min travel = 08:45.
    await page.getByText(/Leave by 08:45/).waitFor();

    await page.goto(`${baseUrl}/dashboard`);
    await page.getByRole('link', { name: 'Data Engineer at Northwind' }).first().waitFor();
    await page.getByText(/Leave by 08:45/).waitFor();
    expect(await page.getByText(/in 1 day|in 2 days/).count()).toBeGreaterThan(0);

    await page.goto(`${baseUrl}/interviews`);
    await page.getByRole('link', { name: 'Data Engineer at Northwind' }).click();
    await page.waitForURL(/\/interviews\/[a-z0-9]{20,}$/);
    const interviewUrl = page.url();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Company').fill('Northwind Traders');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(interviewUrl);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Data Engineer at Northwind Traders');
    await page.getByText(/Edited: company/).waitFor();

    const ics = await readDownload(page, () => page.getByRole('link', { name: 'Download .ics file' }).click());
    expect(ics.name).toBe('interview-northwind-traders.ics');
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    expect(ics.text).toMatch(/SUMMARY:Interview: Data Engineer at Northwind Traders/);
    expect(ics.text.match(/BEGIN:VALARM/g)?.length).toBeGreaterThanOrEqual(2);

    // A past interview that nobody answered for shows up for a check-in.
    await addInterview(page, {
      company: 'Contoso',
      role: 'Analyst',
      date: localDate(-1),
      start: '09:00',
      end: '10:00',
    });
    await page.goto(`${baseUrl}/dashboard`);
    const checkIn = page.getByRole('region', { name: 'Needs an answer' });
    await checkIn.getByRole('link', { name: 'Analyst at Contoso' }).waitFor();
    await checkIn.getByRole('button', { name: 'Attended' }).click();
    await page.getByText('Needs an answer').waitFor({ state: 'detached' });

    await page.goto(`${baseUrl}/interviews?view=past`);
    await page.getByText('Completed').waitFor();

    const csv = await readDownload(page, () => page.getByRole('link', { name: 'Export CSV' }).click());
    expect(csv.name).toMatch(/^rebound-interviews-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^Company,Role,/);
    expect(csv.text).toContain('Northwind Traders');
    expect(csv.text).toMatch(/Scheduled → Completed/);
    expect(errors).toEqual([]);

    // Another user's interview looks exactly like one that does not exist.
    const intruderContext = await browser.newContext({ timezoneId: TIME_ZONE });
    const intruder = await intruderContext.newPage();
    await signUpNewUser(intruder, { name: 'Mallory' });
    const theirs = await intruder.goto(interviewUrl);
    expect(theirs?.status()).toBe(404);
    await intruder.getByText('That interview does not exist').waitFor();
    const missing = await intruder.goto(`${baseUrl}/interviews/${'x'.repeat(25)}`);
    expect(missing?.status()).toBe(404);
    expect(await intruder.locator('main').textContent()).toBe(
      await intruder.goto(interviewUrl).then(() => intruder.locator('main').textContent()),
    );
    await intruderContext.close();
  });

  test('keeps everything typed and explains each problem in a bad interview form', async ({ page }) => {
    await signUpNewUser(page);
    await page.goto(`${baseUrl}/interviews/new`);
    await page.getByLabel('Company').fill('X'.repeat(300));
    await page.getByLabel('Role').fill('Designer');
    await page.getByLabel('Date').fill(localDate(3));
    await page.getByLabel('Starts').fill('14:00');
    await page.getByLabel('Ends').fill('13:00');
    await page.getByLabel('Format').selectOption('VIDEO');
    await page.getByLabel('Meeting link').fill('javascript:alert(1)');
    await page.getByLabel('Phone (optional)').fill('call me maybe');
    await page.getByRole('button', { name: 'Add interview' }).click();
    await page.getByText('A company name is at most 200 characters.').waitFor();
    await page.getByText('The end time must be after the start time.').waitFor();
    await page.getByText(/The meeting link must be a web address/).waitFor();
    await page.getByText(/Letters are not allowed/).waitFor();
    expect(await page.getByLabel('Role').inputValue()).toBe('Designer');
    expect(await page.getByLabel('Meeting link').inputValue()).toBe('javascript:alert(1)');
    expect(page.url()).toBe(`${baseUrl}/interviews/new`);
  });
});
