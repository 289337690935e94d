// The whole recovery, from the dashboard check-in to a closed recovery, with the keyboard alone:
// Tab / Shift+Tab to move, Enter and Space to press, arrow keys for radios and selects, and
// keyboard.type for text. No clicks, no fill(). Elements are found by role and accessible name,
// and reached by tabbing until they have focus, so the test does not depend on the page's layout.
import { randomUUID } from 'node:crypto';
import { expect, test, type Locator, type Page } from './support/accessibility';
import { TIME_ZONE, localDate, signUpNewUser } from './support/accounts';
import { waitForMailTo } from './support/mailbox';
import { baseUrl } from './support/browser';
import { addInterviewThroughForm } from './support/interview-form';

test.describe.configure({ timeout: 180_000 });
test.use({ timezoneId: TIME_ZONE });

// More than any page has focusable elements before the one wanted, even when a re-render drops
// focus back to the top of the document.
const MAX_TABS = 150;

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails naming what had focus instead. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press(key);
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing');
  throw new Error(`${MAX_TABS} presses of ${key} never reached ${target}; focus is on ${focused}`);
}

/** Tabs to `target` and presses Enter: a link or a button. */
async function activate(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** Tabs into `radio`'s group (Tab lands on one radio of it) and moves to `radio` with the arrow keys. */
async function chooseRadio(page: Page, radio: Locator): Promise<void> {
  await radio.waitFor();
  const name = await radio.getAttribute('name');
  const group = page.locator(`input[type="radio"][name="${name}"]`);
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (
      await page.evaluate((groupName) => (document.activeElement as HTMLInputElement | null)?.name === groupName, name)
    )
      break;
    await page.keyboard.press('Tab');
  }
  const size = await group.count();
  for (let presses = 0; presses <= size && !(await isFocused(radio)); presses += 1)
    await page.keyboard.press('ArrowDown');
  // Arrow keys check the radio they move to; Space checks the one Tab landed on.
  await page.keyboard.press('Space');
  expect(await radio.isChecked()).toBe(true);
}

/** Tabs to a select and moves through its options with the arrow keys until `label` is chosen. */
async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  await tabTo(page, select);
  const optionCount = await select.locator('option').count();
  for (let presses = 0; presses <= optionCount; presses += 1) {
    if (
      (await select.evaluate((element: HTMLSelectElement) => element.selectedOptions[0]?.textContent ?? '')) === label
    )
      return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the select never showed ${label}`);
}

/** Tabs to a text field and types into it. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

test.describe('keyboard only', () => {
  test('closes a recovery from the check-in to the lesson without a mouse', async ({ page }) => {
    const contactEmail = `keyboard-${randomUUID()}@northwind.example`;
    await signUpNewUser(page);
    // Setup, not under test: an interview yesterday, so the dashboard asks how it went.
    await addInterviewThroughForm(page, {
      company: 'Fabrikam',
      date: localDate(-1),
      contactEmail,
      phone: '020 7946 0000',
    });

    // Everything below is keyboard only.
    await page.goto(`${baseUrl}/dashboard`);
    const checkIn = page
      .getByRole('region', { name: 'Needs an answer' })
      .getByRole('listitem')
      .filter({ hasText: 'Fabrikam' });
    await activate(page, checkIn.getByRole('link', { name: 'Missed' }));
    await page.waitForURL(/\/recover\?kind=MISSED$/);
    await chooseOption(page, page.getByLabel('What happened?'), 'Forgot');
    await typeInto(page, page.getByLabel('Short explanation (optional)'), 'It was not in my calendar.');
    await activate(page, page.getByRole('button', { name: 'Start the recovery' }));
    await page.waitForURL(/\/incidents\/[a-z0-9]{20,}$/);

    const call = page.getByRole('region', { name: 'Call the employer' });
    await chooseRadio(page, call.getByRole('radio', { name: 'I reached them' }));
    await chooseRadio(page, call.getByRole('radio', { name: 'They will get back to me' }));
    await typeInto(page, call.getByLabel('Notes from the call (optional)'), 'Spoke to Priya; she will ask the team.');
    await activate(page, call.getByRole('button', { name: 'Save the call' }));

    const apology = page.getByRole('region', { name: 'Write the apology' });
    await activate(page, apology.getByRole('button', { name: 'Looks good' }));

    const send = page.getByRole('region', { name: 'Send it' });
    await activate(page, send.getByRole('button', { name: 'Send…' }));
    await send.getByText(`Send to ${contactEmail}?`).waitFor();
    await activate(page, send.getByRole('button', { name: 'Yes, send it' }));
    const outcome = page.getByRole('region', { name: 'Record their answer' });
    await outcome.waitFor();
    expect(await waitForMailTo(contactEmail)).toHaveLength(1);

    await chooseRadio(page, outcome.getByRole('radio', { name: /They declined/ }));
    await activate(page, outcome.getByRole('button', { name: 'Save their answer' }));

    const lesson = page.getByRole('region', { name: 'Keep the lesson' });
    await typeInto(page, lesson.getByLabel('What happened'), ' I never put it in my calendar.');
    await typeInto(
      page,
      lesson.getByLabel('Action 1', { exact: true }),
      'Put every interview in the calendar the day it is booked',
    );
    // Back up to check the cause the recovery prefilled, then on to saving.
    await tabTo(page, lesson.getByLabel('Root cause'), 'Shift+Tab');
    expect(await lesson.getByLabel('Root cause').inputValue()).toBe('FORGOT');
    await activate(page, lesson.getByRole('button', { name: 'Save the lesson and close' }));

    const closed = page.getByRole('region', { name: 'Recovery closed' });
    await closed.waitFor();
    await closed
      .getByText(/declined/i)
      .first()
      .waitFor();
  });
});
