// Running late in one tap: from the interview page (and the dashboard's chips), the drafted
// notice goes to the contact by email exactly once and lands on the timeline.
import { randomUUID } from 'node:crypto';
import { smsHref } from '@/lib/domain/late-notice';
import { utcToZonedLocal } from '@/lib/domain/time';
import { expect, test, type Page } from './support/accessibility';
import { TIME_ZONE, signUpNewUser } from './support/accounts';
import { baseUrl, watchPageErrors } from './support/browser';
import { waitForMailTo } from './support/mailbox';

test.describe.configure({ timeout: 180_000 });
test.use({ timezoneId: TIME_ZONE });

const PHONE = '+44 20 7946 0000';

/**
 * The interview's zone: one whose clock is far from midnight now, so an interview starting in 20
 * minutes ends the same local day whenever the test runs (the form keeps both on one day).
 */
function pickZone(instant: Date): string {
  for (const zone of [TIME_ZONE, 'Asia/Tokyo', 'America/New_York', 'Australia/Sydney']) {
    const hour = Number(utcToZonedLocal(instant, zone).slice(11, 13));
    if (hour >= 1 && hour <= 21) return zone;
  }
  return 'UTC';
}

/** An in-person interview starting about 20 minutes from now, 40 minutes long, with 30 minutes of travel. */
async function addInterviewSoon(page: Page, contactEmail: string): Promise<void> {
  const start = new Date(Math.ceil((Date.now() + 20 * 60_000) / 60_000) * 60_000);
  const zone = pickZone(start);
  const [date = '', from = ''] = utcToZonedLocal(start, zone).split('T');
  const to = utcToZonedLocal(new Date(start.getTime() + 40 * 60_000), zone).slice(11, 16);
  await page.goto(`${baseUrl}/interviews/new`);
  await page.getByLabel('Company').fill('Northwind');
  await page.getByLabel('Role').fill('Data Engineer');
  await page.getByLabel('Date').fill(date);
  await page.getByLabel('Time zone').selectOption(zone);
  await page.getByLabel('Starts').fill(from.slice(0, 5));
  await page.getByLabel('Ends').fill(to);
  await page.getByLabel('Address').fill('1 Canada Square, London');
  await page.getByLabel('Travel time (minutes)').fill('30');
  await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
  await page.getByLabel('Email', { exact: true }).fill(contactEmail);
  await page.getByLabel('Phone (optional)').fill(PHONE);
  await page.getByRole('button', { name: 'Add interview' }).click();
  await page.waitForURL(/\/interviews\/[a-z0-9]{20,}$/);
}

test.describe('running late', () => {
  test('emails the drafted notice once from the interview page, and the timeline shows it', async ({ page }) => {
    await signUpNewUser(page, { name: 'Sam Candidate' });
    const errors = watchPageErrors(page);
    const contact = `priya-${randomUUID()}@example.test`;
    await addInterviewSoon(page, contact);
    const interviewUrl = page.url();

    const card = page.getByRole('region', { name: 'Running late?' });
    // The leave-by time (start − 30 travel − 15 early) passed about 25 minutes ago: 30 is picked.
    expect(await card.getByRole('radio', { name: '30 min', exact: true }).isChecked()).toBe(true);
    // A long delay: call first, with advice to offer a reschedule, and the full flow a link away.
    await card.getByText(/offer to reschedule/).waitFor();
    const actions = await card.getByRole('link').evaluateAll((links) => links.map((link) => link.textContent));
    expect(actions[0]).toBe('Call Priya Shah');
    expect(await card.getByRole('link', { name: /can’t make it/ }).getAttribute('href')).toMatch(
      /\/recover\?kind=RUNNING_LATE$/,
    );

    await card.getByText('10 min', { exact: true }).click();
    expect(await card.getByRole('radio', { name: '10 min', exact: true }).isChecked()).toBe(true);
    await card.getByText(/offer to reschedule/).waitFor({ state: 'detached' });
    const draft = card.getByTestId('late-notice-draft');
    await expect(draft).toContainText('running about 10 minutes late');
    const body = (await draft.textContent()) ?? '';
    expect(body.split('\n')).toHaveLength(2);
    expect(await card.getByRole('link', { name: 'Text it' }).getAttribute('href')).toBe(smsHref(PHONE, body));
    expect(await card.getByRole('link', { name: 'Call Priya Shah' }).getAttribute('href')).toBe('tel:+442079460000');

    // A double tap sends one email.
    await card.getByRole('button', { name: 'Email it to Priya Shah' }).dblclick();
    await card.getByText(`Emailed to ${contact}`).waitFor();
    const mails = await waitForMailTo(contact, 1);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toMatch(
      /^Sam Candidate: running about 10 minutes late for our \d\d:\d\d interview$/,
    );
    expect(mails[0]!.parsed.text?.trim()).toBe(body);

    await page.reload();
    await card.getByText(/^You told them you’d be ~10 minutes late at \d\d:\d\d\.$/).waitFor();
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText('Told them by email you’d be about 10 minutes late', { exact: false })
      .waitFor();
    expect(await waitForMailTo(contact, 2, 0)).toHaveLength(1);

    // The dashboard's next-interview card: one tap on a delay opens the page with it chosen.
    await page.goto(`${baseUrl}/dashboard`);
    await page
      .getByRole('navigation', { name: 'Running late?' })
      .getByRole('link', { name: 'I’ll be 5 minutes late' })
      .click();
    await page.waitForURL(`${interviewUrl}?late=5#running-late`);
    expect(await card.getByRole('radio', { name: '5 min', exact: true }).isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });
});
