// The recovery flow as a user walks it, in Chromium against the production build. The e2e app
// runs with a real SMTP peer beside it (playwright.config.ts), so sending delivers the message and
// the test reads what arrived. The outbox branch (no SMTP: a mailto: link, then "I sent it")
// is covered by tests/integration/recovery-sending.test.ts.
import { expect, expectAccessible, test, type Page } from './support/accessibility';
import { TIME_ZONE, localDate, signUpNewUser } from './support/accounts';
import { waitForMailTo } from './support/mailbox';
import { baseUrl, watchPageErrors } from './support/browser';

test.describe.configure({ timeout: 180_000 });
test.use({ timezoneId: TIME_ZONE });

const CONTACT_EMAIL = 'priya.shah@northwind.example';

const EDITED_APOLOGY = [
  'Dear Priya,',
  'I am sorry that I missed our interview yesterday. It was my mistake: I did not leave enough time for the journey.',
  'I am still very interested in the role. Would it be possible to reschedule at a time that suits you?',
  'Thank you for considering my request.',
  'Sam Candidate',
].join('\n\n');

/** Adds an in-person interview yesterday (so the dashboard asks how it went) and returns its id. */
async function addMissableInterview(page: Page, company: string, options: { phone?: string } = {}): Promise<string> {
  await page.goto(`${baseUrl}/interviews/new`);
  await page.getByLabel('Company').fill(company);
  await page.getByLabel('Role').fill('Data Engineer');
  await page.getByLabel('Date').fill(localDate(-1));
  await page.getByLabel('Starts').fill('09:00');
  await page.getByLabel('Ends').fill('10:00');
  await page.getByLabel('Address').fill('1 Canada Square, London');
  await page.getByLabel('Travel time (minutes)').fill('40');
  await page.getByLabel('Extra buffer (minutes)').fill('20');
  await page.getByLabel('Name', { exact: true }).fill('Priya Shah');
  await page.getByLabel('Email', { exact: true }).fill(CONTACT_EMAIL);
  if (options.phone) await page.getByLabel('Phone (optional)').fill(options.phone);
  await page.getByRole('button', { name: 'Add interview' }).click();
  await page.waitForURL(/\/interviews\/[a-z0-9]{20,}$/);
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

/** From the dashboard check-in to the incident page, through the "mark as missed" form. */
async function markMissedFromDashboard(
  page: Page,
  company: string,
  reason: string,
  explanation: string,
): Promise<string> {
  await page.goto(`${baseUrl}/dashboard`);
  const checkIn = page.getByRole('region', { name: 'Needs an answer' });
  const item = checkIn.getByRole('listitem').filter({ hasText: company });
  await item.getByRole('link', { name: 'Missed' }).click();
  await page.waitForURL(/\/recover\?kind=MISSED$/);
  await page.getByLabel('What happened?').selectOption({ label: reason });
  await page.getByLabel('Short explanation (optional)').fill(explanation);
  await page.getByRole('button', { name: 'Start the recovery' }).click();
  await page.waitForURL(/\/incidents\/[a-z0-9]{20,}$/);
  return page.url();
}

function currentStep(page: Page, name: string) {
  return page.getByRole('region', { name });
}

/** The send step: confirm, and the message reaches the SMTP server once; returns what arrived. */
async function sendThroughSmtp(page: Page, contactEmail: string) {
  const before = (await waitForMailTo(contactEmail, 0)).length;
  const send = currentStep(page, 'Send it');
  await send.getByRole('button', { name: 'Send…' }).click();
  await send.getByText(`Send to ${contactEmail}?`).waitFor();
  // A double click must not send twice.
  await send.getByRole('button', { name: 'Yes, send it' }).dblclick();
  await waitForMailTo(contactEmail, before + 1);
  await currentStep(page, 'Record their answer').waitFor();
  const received = await waitForMailTo(contactEmail, before + 1);
  expect(received).toHaveLength(before + 1);
  return received.at(-1)!;
}

const FINISHED_STEPS = [
  'Call the employer',
  'Write the apology',
  'Send it',
  'Record their answer',
  'Prepare for the second chance',
  'Keep the lesson',
];

/** Closed with the thank-you unsent: its Send is the first thing on the page, and no step is told twice. */
async function expectClosedPageLeadsWithTheThankYou(page: Page) {
  const thankYou = page.getByRole('region', { name: 'Still to send: thank them for the second chance' });
  const send = thankYou.getByRole('button', { name: 'Send…' });
  await send.waitFor();
  // Measured as the page opens, from the top: "above the fold" is about a fresh visit.
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await page.locator('main button:visible').first().textContent()).toBe('Send…');
  const sendBox = await send.boundingBox();
  const closedBox = await page.getByRole('region', { name: 'Recovery closed' }).boundingBox();
  const viewport = page.viewportSize();
  expect(sendBox && closedBox && viewport).toBeTruthy();
  expect(sendBox!.y + sendBox!.height).toBeLessThanOrEqual(viewport!.height);
  expect(sendBox!.y).toBeLessThan(closedBox!.y);
  // Each finished step is one line of the stepper and nothing else on the page.
  for (const title of FINISHED_STEPS) {
    expect(await page.getByText(title, { exact: true }).count(), title).toBe(1);
  }
  expect(await page.getByRole('navigation', { name: 'Recovery steps' }).locator('li[data-status="done"]').count()).toBe(
    FINISHED_STEPS.length,
  );
}

/** The answer's line in the steps list links the new interview and unfolds the note they left. */
async function expectAnswerLineLinksTheNewInterview(page: Page) {
  const line = page.getByRole('navigation', { name: 'Recovery steps' }).locator('#record-OUTCOME');
  expect(await line.getByRole('link', { name: /^They agreed: new interview/ }).getAttribute('href')).toMatch(
    /^\/interviews\/[a-z0-9]{20,}$/,
  );
  const note = line.getByText('Note: Priya asked me to bring my passport.');
  await expect(note).toBeHidden();
  await line.locator('summary').click();
  await expect(note).toBeVisible();
  await line.locator('summary').click();
}

/** The dashboard keeps asking for the unsent thank-you until it is dismissed. */
async function expectUnsentOnDashboardUntilDismissed(page: Page, incidentUrl: string) {
  await page.goto(`${baseUrl}/dashboard`);
  const card = page.getByRole('region', { name: 'Still to send' });
  const link = card.getByRole('link', { name: 'Thank-you for the second chance' });
  expect(await link.getAttribute('href')).toBe(new URL(incidentUrl).pathname);
  await card.getByRole('button', { name: /^Dismiss thank-you for the second chance/ }).click();
  await card.waitFor({ state: 'detached' });
  await page.goto(incidentUrl);
  await page.getByRole('region', { name: 'Recovery closed' }).waitFor();
  expect(await page.getByRole('region', { name: 'Still to send: thank them for the second chance' }).count()).toBe(0);
  await page
    .getByRole('region', { name: 'Other messages' })
    .getByText(/Draft, not to be sent/)
    .waitFor();
}

test.describe('recovery after a missed interview', () => {
  test('walks from the check-in through call, apology, sending, a new time, prep and the lesson', async ({ page }) => {
    const { email } = await signUpNewUser(page);
    const errors = watchPageErrors(page);
    const missedId = await addMissableInterview(page, 'Northwind', { phone: '020 7946 0000' });

    const incidentUrl = await markMissedFromDashboard(
      page,
      'Northwind',
      'Traffic or transport',
      'My train was cancelled and I had not left enough time.',
    );

    // Call now: the script names the contact, and the number is one tap away.
    const call = currentStep(page, 'Call the employer');
    await call.getByText(/Could I speak to Priya Shah, please\?/).waitFor();
    expect(await call.getByRole('link', { name: 'Call 020 7946 0000' }).getAttribute('href')).toBe('tel:02079460000');
    await call.getByLabel('I reached them').check();
    await call.getByLabel('They will get back to me').check();
    await call.getByRole('button', { name: 'Save the call' }).click();
    // The call's line keeps what they said, not just that someone answered.
    const stepper = page.getByRole('navigation', { name: 'Recovery steps' });
    await stepper.getByText('I reached them · They will get back to me').waitFor();

    // The apology: the checklist reacts to the text as it is typed, and autosave keeps it.
    const apology = currentStep(page, 'Write the apology');
    const body = apology.getByLabel('Message');
    await body.fill('Sorry, the traffic was terrible.');
    await apology.getByText(/Leave out “the traffic was terrible”/).waitFor();
    // Half-written text is stored too; waiting for it makes the next save the one that matters.
    await apology.getByText(/Saved at \d{2}:\d{2}/).waitFor();
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url() === incidentUrl,
    );
    await body.fill(EDITED_APOLOGY);
    await apology.getByText('7 of 7', { exact: false }).waitFor();
    await saved;
    await apology.getByText(/Saved at \d{2}:\d{2}/).waitFor();
    await page.reload();
    expect(await currentStep(page, 'Write the apology').getByLabel('Message').inputValue()).toBe(EDITED_APOLOGY);
    // The stepper keeps the finished call with its time.
    expect(
      await page
        .getByRole('navigation', { name: 'Recovery steps' })
        .getByRole('listitem')
        .first()
        .getAttribute('data-status'),
    ).toBe('done');
    await currentStep(page, 'Write the apology').getByRole('button', { name: 'Looks good' }).click();

    const delivered = await sendThroughSmtp(page, CONTACT_EMAIL);
    expect(delivered.rcptTo).toEqual([CONTACT_EMAIL]);
    expect(delivered.parsed.subject).toMatch(/^Apology/);
    expect(delivered.parsed.text?.trim()).toBe(EDITED_APOLOGY.trim());
    expect(delivered.parsed.replyTo?.text).toContain(email);
    expect(delivered.parsed.messageId).toMatch(/^<recovery-.+@rebound\.test>$/);

    // Outcome: a time in the past is refused where it was typed; the real one makes a new interview.
    const outcome = currentStep(page, 'Record their answer');
    await outcome.getByLabel('They agreed to a new time').check();
    await outcome.getByLabel('New date').fill(localDate(-2));
    await outcome.getByLabel('New start time').fill('10:00');
    await outcome.getByRole('button', { name: 'Save their answer' }).click();
    await outcome.getByText(/The new time is in the past/).waitFor();
    await outcome.getByLabel('New date').fill(localDate(3));
    await outcome.getByLabel('Note (optional)').fill('Priya asked me to bring my passport.');
    await outcome.getByRole('button', { name: 'Save their answer' }).click();

    const prep = currentStep(page, 'Prepare for the second chance');
    const newInterviewLink = prep.getByRole('link', { name: /Your new interview:/ });
    await newInterviewLink.waitFor();
    // Each step after the answer comes with the page unchanged (no navigation, so no automatic
    // audit), and from here on the answer's line has a link and a note to unfold.
    await expectAccessible(page);
    await expectAnswerLineLinksTheNewInterview(page);
    const newInterviewHref = (await newInterviewLink.getAttribute('href')) ?? '';
    expect(newInterviewHref).toMatch(/^\/interviews\/[a-z0-9]{20,}$/);
    // The leave-by time lives on the new interview's page only, where lessons add to it.
    expect(await prep.getByRole('link', { name: 'Open the new interview' }).getAttribute('href')).toBe(
      newInterviewHref,
    );
    await expect(prep.getByText(/Leave by/)).toHaveCount(0);
    await prep
      .getByRole('region', { name: 'Thank them for the second chance' })
      .getByText(/Thank you for giving me a second chance/)
      .first()
      .waitFor();

    // Finishing before the checklist is ticked is refused with the server's reason.
    await prep.getByRole('button', { name: 'I am ready for the second chance' }).click();
    await prep.getByText(/Tick every item before moving on/).waitFor();
    const boxes = prep.getByRole('checkbox');
    const count = await boxes.count();
    expect(count).toBe(5);
    for (let index = 0; index < count; index += 1) {
      await boxes.nth(index).check();
      await prep
        .getByText(/^Ticked /)
        .nth(index)
        .waitFor();
    }
    await prep.getByRole('button', { name: 'I am ready for the second chance' }).click();

    const lesson = currentStep(page, 'Keep the lesson');
    expect(await lesson.getByLabel('Root cause').inputValue()).toBe('TRAFFIC_TRANSPORT');
    await expectAccessible(page);
    await lesson.getByLabel('What happened').fill('I trusted one train and left no margin for a cancellation.');
    await lesson.getByLabel('Action 1', { exact: true }).fill('Visit the place the day before');
    await lesson.getByRole('button', { name: 'Add an action' }).click();
    await lesson.getByLabel('Action 2', { exact: true }).fill('Add 30 minutes of buffer to every journey');
    await lesson.getByRole('button', { name: 'Save the lesson and close' }).click();

    const closed = page.getByRole('region', { name: 'Recovery closed' });
    await closed.getByText('Rescheduled: they agreed to a new time').waitFor();
    await expectAccessible(page);
    await expectAnswerLineLinksTheNewInterview(page);
    expect(await closed.getByRole('link', { name: 'Review your lessons' }).getAttribute('href')).toBe('/lessons');
    await stepper.getByText(`Sent by email to ${CONTACT_EMAIL}`).waitFor();
    await expectClosedPageLeadsWithTheThankYou(page);
    await expectUnsentOnDashboardUntilDismissed(page, incidentUrl);

    // The old interview is rescheduled and leads to the new one, which links back.
    await page.goto(`${baseUrl}/interviews/${missedId}`);
    await page.getByText('Rescheduled', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'View the recovery' }).waitFor();
    await page.goto(`${baseUrl}${newInterviewHref}`);
    await page.getByText(/^Rescheduled from/).waitFor();
    expect(
      await page
        .getByText(/^Rescheduled from/)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe(`/interviews/${missedId}`);
    // The lesson now protects the next in-person interview: a larger buffer is suggested.
    const hints = page.getByRole('region', { name: 'From your lessons' });
    await hints.getByText('More time for the journey').waitFor();
    await hints.getByText('Add 30 minutes of buffer to every journey').waitFor();
    // One leave-by time, the lesson's 30 minutes in it: 10:00 − 15 early − 20 buffer − 40 travel − 30.
    const leaveBy = page.getByText(/^Leave by/);
    await expect(leaveBy).toHaveCount(1);
    await expect(leaveBy).toContainText('08:15');
    await expect(leaveBy).toContainText('includes 30 min extra from your lesson');

    // The lesson is listed, and the patterns chart and its table count the miss by its cause.
    await page.goto(`${baseUrl}/lessons`);
    await page.getByText('I trusted one train and left no margin for a cancellation.').waitFor();
    await page.goto(`${baseUrl}/lessons/patterns`);
    const byCause = page.getByRole('table', { name: 'Misses by root cause' });
    const trafficRow = byCause.getByRole('row', { name: /Traffic or transport/ });
    expect(await trafficRow.getByRole('cell').allTextContents()).toContain('1');
    expect(await page.getByRole('img', { name: /root cause/i }).count()).toBeGreaterThan(0);

    await page.goto(incidentUrl);
    await page.getByRole('region', { name: 'Recovery closed' }).waitFor();
    expect(errors).toEqual([]);
  });

  test('after a refusal, drafts the thank-you for their consideration and opens the lesson', async ({ page }) => {
    await signUpNewUser(page);
    const errors = watchPageErrors(page);
    await addMissableInterview(page, 'Contoso');
    await markMissedFromDashboard(page, 'Contoso', 'Forgot', '');

    // No number to call: the step is skipped, and the reason stays visible in the stepper.
    const call = currentStep(page, 'Call the employer');
    await call.getByText('Skip this step').click();
    await call.getByRole('button', { name: 'Skip with this reason' }).click();
    await call.getByText('Say why you are skipping this step.').waitFor();
    await call.getByLabel(/Why are you skipping/).fill('No phone number in the invitation');
    await call.getByRole('button', { name: 'Skip with this reason' }).click();
    await currentStep(page, 'Write the apology').getByRole('button', { name: 'Looks good' }).click();
    const stepper = page.getByRole('navigation', { name: 'Recovery steps' });
    await stepper.getByText('No phone number in the invitation').waitFor();

    await sendThroughSmtp(page, CONTACT_EMAIL);

    const outcome = currentStep(page, 'Record their answer');
    await outcome.getByLabel('They declined').check();
    await outcome.getByRole('button', { name: 'Save their answer' }).click();

    const lesson = currentStep(page, 'Keep the lesson');
    await expectAccessible(page);
    const lastMessage = lesson.getByRole('region', {
      name: /apologise once more and thank them for their consideration/,
    });
    await lastMessage
      .getByText(/I apologise once more/)
      .first()
      .waitFor();
    await lastMessage
      .getByText(/Thank you for your consideration/)
      .first()
      .waitFor();
    expect(await lesson.getByLabel('Root cause').inputValue()).toBe('FORGOT');
    // Preparing for a second chance does not apply and says why instead of leaving a gap.
    await stepper.getByText('Not needed: they declined to reschedule.').waitFor();
    expect(errors).toEqual([]);
  });
});
