import { expect, test } from './support/accessibility';
import { signUpNewUser, TIME_ZONE } from './support/accounts';
import { runDispatchNow } from './support/app-database';
import { baseUrl, watchPageErrors } from './support/browser';
import { waitForMailTo } from './support/mailbox';

test.describe.configure({ timeout: 180_000 });
test.use({ timezoneId: TIME_ZONE });

/** Date and HH:MM of an instant on the browser's clock (Europe/London). */
function localParts(instant: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The opening tag of the one input in `html` carrying `attribute`. */
function controlTag(html: string, attribute: string): string {
  const tags = html.match(/<input\b[^>]*>/g)?.filter((tag) => tag.includes(` ${attribute}`)) ?? [];
  expect(tags).toHaveLength(1);
  return tags[0] ?? '';
}

test.describe('notifications', () => {
  test('preferences keep what was typed on bad input, and the app’s own worker emails a due reminder once', async ({
    page,
  }) => {
    const { email } = await signUpNewUser(page);
    const errors = watchPageErrors(page);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
    await page.waitForURL(`${baseUrl}/notifications`);
    await page.getByText(/No reminders yet/).waitFor();

    await page.getByRole('link', { name: 'Preferences' }).click();
    await page.waitForURL(`${baseUrl}/notifications/preferences`);
    const evening = page.getByLabel('Evening-before time');
    await evening.fill('25:00');
    await page.getByLabel('Time to leave: Email').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Enter a time like 18:00 (24-hour clock).').waitFor();
    expect(await evening.inputValue()).toBe('25:00');
    expect(await page.getByLabel('Time to leave: Email').isChecked()).toBe(true);

    await evening.fill('19:00');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText(/^Saved\./).waitFor();
    await page.reload();
    expect(await page.getByLabel('Evening-before time').inputValue()).toBe('19:00');
    expect(await page.getByLabel('Time to leave: Email').isChecked()).toBe(true);
    // The saved choices are in the server's HTML, so the page shows them before its scripts run.
    const html = await (await page.request.get(`${baseUrl}/notifications/preferences`)).text();
    expect(controlTag(html, 'id="prefs-evening"')).toMatch(/\svalue="19:00"/);
    expect(controlTag(html, 'aria-label="Time to leave: Email"')).toMatch(/\schecked=""/);

    // A video interview 20 minutes away: its reminder (30 minutes before) is due at once.
    const start = new Date(Math.ceil((Date.now() + 20 * 60_000) / 60_000) * 60_000);
    const from = localParts(start);
    const to = localParts(new Date(start.getTime() + 30 * 60_000));
    test.skip(to.date !== from.date, 'the interview would cross midnight');
    await page.goto(`${baseUrl}/interviews/new`);
    await page.getByLabel('Company').fill('Fabrikam');
    await page.getByLabel('Role').fill('Site Reliability Engineer');
    await page.getByLabel('Date').fill(from.date);
    await page.getByLabel('Starts').fill(from.time);
    await page.getByLabel('Ends').fill(to.time);
    await page.getByLabel('Format').selectOption('VIDEO');
    await page.getByLabel('Meeting link').fill('https://meet.example/fabrikam');
    await page.getByRole('button', { name: 'Add interview' }).click();
    await page.waitForURL(/\/interviews\/[a-z0-9]{20,}$/);

    // The dispatcher runs once a minute in the app's own worker.
    const mails = await waitForMailTo(email, 1, 100_000);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!.parsed;
    expect(mail.subject).toBe(`Starts at ${from.time}: Site Reliability Engineer interview at Fabrikam`);
    expect(
      mail.headerLines.some(
        (line) => line.key === 'list-unsubscribe-post' && /List-Unsubscribe=One-Click/.test(line.line),
      ),
    ).toBe(true);

    await page.goto(`${baseUrl}/notifications`);
    await page.getByRole('link', { name: /Site Reliability Engineer interview at Fabrikam/ }).waitFor();
    await page.getByText('Email: sent').waitFor();

    const health = await (await page.request.get(`${baseUrl}/api/health`)).json();
    expect(health.worker).toMatchObject({ running: true, status: 'running' });
    // The next run (asked for now rather than waited a minute for) finds nothing more to send.
    await runDispatchNow();
    expect(await waitForMailTo(email, 2, 0)).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
