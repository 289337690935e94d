// An upcoming interview as its user sees it before and after the start, and the time zone a new
// account starts in.
import { randomUUID } from 'node:crypto';
import { utcToZonedLocal } from '@/lib/domain/time';
import { expect, test, type Page } from './support/accessibility';
import { TIME_ZONE, submitSignUp } from './support/accounts';
import { baseUrl, watchPageErrors } from './support/browser';

test.describe.configure({ timeout: 120_000 });
test.use({ timezoneId: TIME_ZONE });

/** The date and HH:MM in a zone of an instant `offsetMinutes` from now. */
function localParts(offsetMinutes: number, timeZone = TIME_ZONE): { date: string; time: string } {
  const [date = '', time = ''] = utcToZonedLocal(new Date(Date.now() + offsetMinutes * 60_000), timeZone).split('T');
  return { date, time };
}

async function signUp(page: Page): Promise<void> {
  await submitSignUp(page, `upcoming-${randomUUID()}@example.test`, 'a long enough password');
  await page.waitForURL(`${baseUrl}/dashboard`);
}

/** Adds an in-person interview starting `offsetMinutes` from now (an hour long, ending by 23:59). */
async function addInterviewAt(page: Page, company: string, offsetMinutes: number): Promise<void> {
  const start = localParts(offsetMinutes);
  const [hour = 0, minute = 0] = start.time.split(':').map(Number);
  const endMinutes = Math.min(hour * 60 + minute + 60, 23 * 60 + 59);
  const end = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
  await page.goto(`${baseUrl}/interviews/new`);
  await page.getByLabel('Company').fill(company);
  await page.getByLabel('Role').fill('Data Engineer');
  await page.getByLabel('Date').fill(start.date);
  await page.getByLabel('Starts').fill(start.time);
  await page.getByLabel('Ends').fill(end);
  await page.getByLabel('Address').fill('1 Canada Square, London');
  await page.getByLabel('Travel time (minutes)').fill('40');
  await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
  await page.getByRole('button', { name: 'Add interview' }).click();
  await page.waitForURL(/\/interviews\/[a-z0-9]{20,}$/);
}

test.describe('an upcoming interview', () => {
  test('offers preparation and running late before the slot, and the check-in with Missed once it has started', async ({
    page,
  }) => {
    await signUp(page);
    const errors = watchPageErrors(page);

    await addInterviewAt(page, 'Northwind', 2 * 24 * 60);
    const actions = page.getByRole('region', { name: 'Actions' });
    await actions.getByRole('link', { name: 'Running late / can’t make it' }).waitFor();
    await actions.getByRole('link', { name: 'Go to preparation' }).waitFor();
    expect(await page.getByRole('link', { name: /missed/i }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /missed/i }).count()).toBe(0);
    // Its reminders: one more an hour before, then that one silenced…
    const reminders = page.getByRole('region', { name: 'Reminders' });
    await reminders.getByRole('button', { name: 'Remind me again an hour before' }).click();
    await reminders.getByRole('button', { name: 'Silence: An hour before' }).click();
    await reminders.getByText('Silenced', { exact: true }).waitFor();
    await reminders.getByRole('button', { name: 'Remind me again an hour before' }).waitFor();
    // …and turned back on.
    await reminders.getByRole('button', { name: 'Turn back on: An hour before' }).click();
    await reminders.getByRole('button', { name: 'Silence: An hour before' }).waitFor();
    expect(await reminders.getByText('Silenced', { exact: true }).count()).toBe(0);

    await addInterviewAt(page, 'Contoso', -1);
    const checkIn = page.getByRole('region', { name: 'Actions' }).getByRole('group', { name: 'How did it go?' });
    await checkIn.getByRole('button', { name: 'Attended' }).waitFor();
    expect(await checkIn.getByRole('link', { name: 'Missed' }).getAttribute('href')).toMatch(/\/recover\?kind=MISSED$/);
    expect(await page.getByRole('link', { name: 'Running late / can’t make it' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('suggests a contact phone for an in-person interview without blocking the form', async ({ page }) => {
    await signUp(page);
    await page.goto(`${baseUrl}/interviews/new`);
    const hint = page.getByText(/Add their phone number/);
    await hint.waitFor();
    await page.getByLabel('Phone (optional)').fill('020 7946 0000');
    await hint.waitFor({ state: 'detached' });
    await page.getByLabel('Phone (optional)').fill('');
    await addInterviewAt(page, 'Fabrikam', 3 * 24 * 60);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Data Engineer at Fabrikam');
  });
});

test.describe('a new account', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('starts in the browser’s time zone, and offers to follow the browser when it moves', async ({
    browser,
    page,
  }) => {
    const email = `zone-${randomUUID()}@example.test`;
    const password = 'a long enough password';
    await submitSignUp(page, email, password);
    await page.waitForURL(`${baseUrl}/dashboard`);
    await page.getByText('Times are shown in America/New York').waitFor();
    await page.goto(`${baseUrl}/account`);
    expect(await page.getByLabel('Time zone').inputValue()).toBe('America/New_York');
    await page
      .getByText(/New York time/)
      .first()
      .waitFor();
    // Same zone as the browser: nothing to offer.
    expect(await page.getByRole('button', { name: /^Use .* time$/ }).count()).toBe(0);

    const travelling = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
    const tokyo = await travelling.newPage();
    await tokyo.goto(`${baseUrl}/sign-in`);
    await tokyo.getByLabel('Email').fill(email);
    await tokyo.getByLabel('Password').fill(password);
    await tokyo.getByRole('button', { name: 'Sign in' }).click();
    await tokyo.waitForURL(`${baseUrl}/dashboard`);
    const banner = tokyo.getByRole('region', { name: 'Browser zone' });
    await banner.getByText(/Your browser is on Tokyo time/).waitFor();
    await banner.getByRole('button', { name: 'Use Tokyo time' }).click();
    await banner.waitFor({ state: 'detached' });
    await tokyo.getByText('Times are shown in Asia/Tokyo').waitFor();
    await tokyo.goto(`${baseUrl}/account`);
    expect(await tokyo.getByLabel('Time zone').inputValue()).toBe('Asia/Tokyo');
    await travelling.close();
  });
});
