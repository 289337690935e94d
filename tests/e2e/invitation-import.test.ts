// An employer's invitation (.ics) chosen on /imports/calendar with a refused one beside it, the
// interview confirmed from its prefilled form, and then on the dashboard in both zones.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/accessibility';
import { TIME_ZONE, localDate, signUpNewUser } from './support/accounts';
import { baseUrl, watchPageErrors } from './support/browser';

test.describe.configure({ timeout: 60_000 });
test.use({ timezoneId: TIME_ZONE });

/** An Outlook invitation in a Windows zone name, three days ahead at 09:00 Pacific time. */
function outlookInvitation(): string {
  const day = localDate(3).replaceAll('-', '');
  return [
    'BEGIN:VCALENDAR',
    'METHOD:REQUEST',
    'PRODID:Microsoft Exchange Server 2010',
    'VERSION:2.0',
    'BEGIN:VTIMEZONE',
    'TZID:Pacific Standard Time',
    'BEGIN:STANDARD',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:-0700',
    'TZOFFSETTO:-0800',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11',
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010101T020000',
    'TZOFFSETFROM:-0800',
    'TZOFFSETTO:-0700',
    'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    'ORGANIZER;CN=Riley Chen:mailto:riley.chen@contoso-labs.com',
    `UID:e2e-${Date.now()}@contoso-labs.com`,
    'SUMMARY:Contoso Labs - Platform Engineer interview',
    `DTSTART;TZID=Pacific Standard Time:${day}T090000`,
    `DTEND;TZID=Pacific Standard Time:${day}T100000`,
    'SEQUENCE:0',
    'LOCATION:Microsoft Teams Meeting',
    'X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_e2e%40thread.v2/0',
    'DTSTAMP:20261201T090000Z',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

test('an invitation becomes an interview shown in its zone and the user’s', async ({ page }) => {
  await signUpNewUser(page);
  const errors = watchPageErrors(page);

  await page.goto(`${baseUrl}/interviews`);
  await page.getByRole('link', { name: 'From an invitation' }).click();
  await page.waitForURL(`${baseUrl}/imports/calendar`);
  await page.getByLabel('Choose invitation files').setInputFiles([
    { name: 'contoso.ics', mimeType: 'text/calendar', buffer: Buffer.from(outlookInvitation()) },
    {
      name: 'weekly.ics',
      mimeType: 'text/calendar',
      buffer: readFileSync(path.join(__dirname, '..', 'fixtures', 'ics', 'written', 'refuse-recurring.ics')),
    },
  ]);
  const refused = page.getByRole('listitem').filter({ hasText: 'weekly.ics' });
  await expect(refused.getByRole('alert')).toContainText('repeats (RRULE)');
  await page.getByRole('link', { name: 'Review the interview' }).click();
  await page.waitForURL(/\/imports\/calendar\/[a-z0-9]{20,}$/);

  await expect(page.getByLabel('Company')).toHaveValue('Contoso Labs');
  await expect(page.getByLabel('Starts')).toHaveValue('09:00');
  await expect(page.getByLabel('Time zone')).toHaveValue('America/Los_Angeles');
  await expect(page.getByText('No open application matches this invitation')).toBeVisible();
  await page.getByRole('button', { name: 'Add interview' }).click();
  await page.waitForURL(/\/interviews\/[a-z0-9]{20,}$/);

  await page.goto(`${baseUrl}/dashboard`);
  const next = page.getByRole('main');
  await expect(next).toContainText('Los Angeles time');
  await expect(next).toContainText('your time (London time');
  // The refused file's 422 is the browser's one expected console line.
  expect(errors.filter((error) => !error.includes('status of 422') || !error.includes('name=weekly.ics'))).toEqual([]);
});
