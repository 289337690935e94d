// The employer's no-show, from the dashboard's card through the checks and the wait to a
// recorded reschedule, and the new time on the interview with its time change.
import { randomUUID } from 'node:crypto';
import { utcToZonedLocal } from '@/lib/domain/time';
import { expect, test, type Page } from './support/accessibility';
import { TIME_ZONE, submitSignUp } from './support/accounts';
import { baseUrl, watchPageErrors } from './support/browser';
import { waitForMailTo } from './support/mailbox';

test.describe.configure({ timeout: 180_000 });
test.use({ timezoneId: TIME_ZONE });

/** The date and HH:MM in the test zone of an instant `offsetMinutes` from now. */
function localParts(offsetMinutes: number): { date: string; time: string } {
  const [date = '', time = ''] = utcToZonedLocal(new Date(Date.now() + offsetMinutes * 60_000), TIME_ZONE).split('T');
  return { date, time };
}

/** A video interview that started ten minutes ago, an hour long but ending by 23:59 on its own day. */
async function addStartedInterview(page: Page, contactEmail: string): Promise<void> {
  const start = localParts(-10);
  const [hour = 0, minute = 0] = start.time.split(':').map(Number);
  const endMinutes = Math.min(hour * 60 + minute + 60, 23 * 60 + 59);
  const end = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
  await page.goto(`${baseUrl}/interviews/new`);
  await page.getByLabel('Company').fill('Tailspin');
  await page.getByLabel('Role').fill('Platform Engineer');
  await page.getByLabel('Date').fill(start.date);
  await page.getByLabel('Starts').fill(start.time);
  await page.getByLabel('Ends').fill(end);
  await page.getByLabel('Format').selectOption('VIDEO');
  await page.getByLabel('Meeting link').fill('https://meet.example/tailspin');
  await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
  await page.getByLabel('Email', { exact: true }).fill(contactEmail);
  await page.getByLabel('Phone (optional)').fill('020 7946 0000');
  await page.getByRole('button', { name: 'Add interview' }).click();
  await page.waitForURL(/\/interviews\/[a-z0-9]{20,}$/);
}

test('an employer no-show from the dashboard card through the checks and the wait to a recorded reschedule', async ({
  page,
}) => {
  await submitSignUp(page, `no-show-${randomUUID()}@example.test`, 'a long enough password');
  await page.waitForURL(`${baseUrl}/dashboard`);
  const errors = watchPageErrors(page);
  const contactEmail = `priya-${randomUUID()}@tailspin.test`;
  await addStartedInterview(page, contactEmail);
  // The interview page offers it too.
  await page
    .getByRole('region', { name: 'Nobody there?' })
    .getByRole('button', { name: 'They didn’t show up' })
    .waitFor();

  await page.goto(`${baseUrl}/dashboard`);
  const card = page.getByRole('region', { name: 'Started: is everyone there?' });
  await card.getByRole('link', { name: 'Platform Engineer at Tailspin' }).waitFor();
  // A double click opens one incident.
  await card.getByRole('button', { name: 'They didn’t show up' }).dblclick();
  await page.waitForURL(/\/incidents\/[a-z0-9]{20,}$/);
  const incidentUrl = page.url();

  // The checks: the time in both zones, the link and the number as saved.
  const checks = page.getByRole('region', { name: 'Check your side first' });
  await checks.getByText('https://meet.example/tailspin').waitFor();
  await checks.getByText('Priya Shah · 020 7946 0000').waitFor();
  await checks.getByRole('button', { name: /Everything matches/ }).click();

  // The wait: a call, and the note with its checklist, sent through SMTP.
  const wait = page.getByRole('region', { name: 'Wait, call and write' });
  expect(await wait.getByRole('link', { name: /Call Priya Shah/ }).getAttribute('href')).toBe('tel:02079460000');
  const body = wait.getByLabel('Message');
  expect(await body.inputValue()).toMatch(/happy to wait.*reschedule/s);
  expect(await body.inputValue()).not.toMatch(/sorry|apolog/i);
  await wait.getByText('5 of 5', { exact: false }).waitFor();
  await wait.getByRole('button', { name: 'Send…' }).click();
  await wait.getByRole('button', { name: 'Yes, send it' }).click();
  const mail = await waitForMailTo(contactEmail, 1);
  expect(mail).toHaveLength(1);

  // The outcome: they set a new time.
  const newDate = utcToZonedLocal(new Date(Date.now() + 3 * 24 * 3_600_000), TIME_ZONE).slice(0, 10);
  await wait.getByLabel('They set a new time').check();
  await wait.getByLabel('New date').fill(newDate);
  await wait.getByLabel('New start time').fill('11:30');
  await wait.getByRole('button', { name: 'Save what happened' }).click();
  await page.getByRole('region', { name: 'Prepare for the second chance' }).waitFor();

  // Only one incident was opened for this interview.
  await page.goto(`${baseUrl}/dashboard`);
  expect(await page.getByRole('region', { name: 'Started: is everyone there?' }).count()).toBe(0);

  // The new interview shows its time and where it came from.
  await page.goto(incidentUrl);
  await page.getByRole('link', { name: /Your new interview:/ }).click();
  await page.waitForURL(/\/interviews\/[a-z0-9]{20,}$/);
  const changes = page.getByRole('region', { name: 'Time changes' });
  await changes.getByText(/Moved by the employer \(They didn't show up\) from/).waitFor();
  expect(await changes.textContent()).toContain('11:30');
  expect(errors).toEqual([]);
});
