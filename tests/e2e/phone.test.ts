// The main flows on a phone, as Rebound is used once installed: an iPhone-sized screen with touch,
// as Playwright's device descriptors set it. Every page reached must fit the screen's width (no
// sideways scrolling), and the header's links, Sign out included, are one tap on Menu away.
import { expect, test, type Locator, type Page } from './support/accessibility';
import { TIME_ZONE, localDate, signUpNewUser } from './support/accounts';
import { runDispatchNow } from './support/app-database';
import { baseUrl, watchPageErrors } from './support/browser';
import { addInterviewThroughForm } from './support/interview-form';
import { waitForMailTo } from './support/mailbox';

test.describe.configure({ timeout: 180_000 });
test.use({
  timezoneId: TIME_ZONE,
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
});

/** The page as it is now is no wider than the screen; on failure, names what sticks out and goes on, so one run lists every such page. */
async function expectFitsTheScreen(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  const { scrollWidth, clientWidth, overflowing } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticking = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(
            element.getAttribute('class') ?? '',
          )
            .split(' ')
            .slice(0, 4)
            .join('.')}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, overflowing: sticking };
  });
  expect
    .soft(scrollWidth, `${new URL(page.url()).pathname} is wider than the screen: ${overflowing.join(', ')}`)
    .toBeLessThanOrEqual(clientWidth);
}

function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

/** Opens the header's menu with a tap; it says it is open and shows its links. */
async function openMenu(page: Page): Promise<Locator> {
  const nav = mainNav(page);
  const button = nav.getByRole('button', { name: 'Menu' });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.tap();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const menu = page.locator(`[id="${await button.getAttribute('aria-controls')}"]`);
  await expect(menu).toBeVisible();
  return menu;
}

/** Follows one of the menu's links and checks the page it leads to. */
async function goThroughMenu(page: Page, label: string, path: string): Promise<void> {
  const menu = await openMenu(page);
  await menu.getByRole('link', { name: label, exact: true }).tap();
  await page.waitForURL(`${baseUrl}${path}`);
  await expect(mainNav(page).getByRole('link', { name: label, exact: true, includeHidden: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // Reaching the page closes the menu.
  await expect(mainNav(page).getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  await expectFitsTheScreen(page);
}

test.describe('on a phone', () => {
  test('the header folds into a menu that reaches every page and Sign out, and each page fits the screen', async ({
    page,
  }) => {
    const errors = watchPageErrors(page);
    await page.goto(baseUrl);
    await expectFitsTheScreen(page);
    await page.goto(`${baseUrl}/sign-up`);
    await expectFitsTheScreen(page);
    const { email, password } = await signUpNewUser(page);
    await expectFitsTheScreen(page);

    // Folded: only the Menu button shows, and nothing of what it holds.
    const nav = mainNav(page);
    const button = nav.getByRole('button', { name: 'Menu' });
    await expect(nav.getByRole('link', { name: 'Interviews', includeHidden: true })).toBeHidden();
    await expect(nav.getByRole('button', { name: 'Sign out', includeHidden: true })).toBeHidden();

    // Escape closes it and gives the focus back to the button; so does a tap outside it.
    const menu = await openMenu(page);
    await expect(menu.getByText('Signed in as Sam Candidate')).toBeVisible();
    await expect(menu.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
    await menu.getByRole('link', { name: 'Interviews' }).focus();
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();
    await openMenu(page);
    // Near the bottom of the screen, well below the open panel.
    await page.touchscreen.tap(195, 800);
    await expect(button).toHaveAttribute('aria-expanded', 'false');

    // The keyboard opens it too, and Tab goes from the button into its links.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(menu.getByRole('link', { name: 'Dashboard' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(button).toBeFocused();

    await goThroughMenu(page, 'Interviews', '/interviews');
    await page.goto(`${baseUrl}/interviews/new`);
    await expectFitsTheScreen(page);
    await goThroughMenu(page, 'Lessons', '/lessons');
    await page.goto(`${baseUrl}/lessons/patterns`);
    await expectFitsTheScreen(page);
    await goThroughMenu(page, 'Notifications', '/notifications');
    await page.goto(`${baseUrl}/notifications/preferences`);
    await expectFitsTheScreen(page);
    await goThroughMenu(page, 'Account', '/account');
    await goThroughMenu(page, 'Dashboard', '/dashboard');

    await (await openMenu(page)).getByRole('button', { name: 'Sign out' }).tap();
    await page.waitForURL(`${baseUrl}/`);
    await expect(mainNav(page).getByRole('link', { name: 'Sign in' })).toBeVisible();

    await mainNav(page).getByRole('link', { name: 'Sign in' }).tap();
    await page.waitForURL(`${baseUrl}/sign-in`);
    await expectFitsTheScreen(page);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).tap();
    await page.waitForURL(`${baseUrl}/dashboard`);
    await expectFitsTheScreen(page);
    expect(errors).toEqual([]);
  });

  test('running late on the way: from the interview to the call script', async ({ page }) => {
    await signUpNewUser(page);
    const errors = watchPageErrors(page);
    const interviewId = await addInterviewThroughForm(page, {
      company: 'Northwind',
      date: localDate(1),
      contactEmail: 'priya.shah@northwind.example',
      phone: '020 7946 0000',
    });
    await expectFitsTheScreen(page);
    await page.goto(`${baseUrl}/dashboard`);
    const next = page
      .getByRole('region', { name: 'Next interview' })
      .getByRole('link', { name: 'Data Engineer at Northwind' });
    await next.waitFor();
    await expectFitsTheScreen(page);

    await next.tap();
    await page.waitForURL(`${baseUrl}/interviews/${interviewId}`);
    await expectFitsTheScreen(page);
    await page
      .getByRole('region', { name: 'Actions' })
      .getByRole('link', { name: 'Running late / can’t make it' })
      .tap();
    await page.waitForURL(/\/recover\?kind=RUNNING_LATE$/);
    await expectFitsTheScreen(page);
    expect(await page.getByRole('link', { name: 'Call Priya Shah on 020 7946 0000' }).getAttribute('href')).toBe(
      'tel:02079460000',
    );
    await page.getByLabel('What is holding you up?').selectOption({ label: 'Traffic or transport' });
    await page.getByLabel('Short explanation (optional)').fill('My train is stuck outside the station.');
    await page.getByRole('button', { name: 'Get my call script' }).tap();
    await page.waitForURL(/\/incidents\/[a-z0-9]{20,}$/);
    await page.getByRole('region', { name: 'Call ahead now' }).waitFor();
    await expectFitsTheScreen(page);
    expect(errors).toEqual([]);
  });

  test('a missed interview: from the check-in email’s link to the recovery', async ({ page }) => {
    const { email } = await signUpNewUser(page);
    const errors = watchPageErrors(page);
    // Yesterday's interview is past its check-in time: the app's worker emails the link on its
    // once-a-minute dispatch, here asked for at once.
    await addInterviewThroughForm(page, {
      company: 'Contoso',
      date: localDate(-1),
      contactEmail: 'priya.shah@contoso.example',
    });
    await page.goto(`${baseUrl}/dashboard`);
    await page.getByRole('region', { name: 'Needs an answer' }).getByRole('link', { name: 'Missed' }).waitFor();
    await expectFitsTheScreen(page);

    await runDispatchNow();
    const [mail] = await waitForMailTo(email, 1);
    const link = mail?.parsed.text?.match(/https?:\/\/\S+\/check-in\/\S+\?answer=missed/)?.[0];
    expect(link, mail?.parsed.text).toBeTruthy();
    await page.goto(link!);
    await page.getByRole('heading', { name: 'Did it happen?' }).waitFor();
    await expectFitsTheScreen(page);
    await page.getByRole('button', { name: 'No, I missed it' }).tap();
    await page.waitForURL(/\/recover\?kind=MISSED$/);
    await expectFitsTheScreen(page);
    await page.getByLabel('What happened?').selectOption({ label: 'Forgot' });
    await page.getByRole('button', { name: 'Start the recovery' }).tap();
    await page.waitForURL(/\/incidents\/[a-z0-9]{20,}$/);
    await page.getByRole('region', { name: 'Call the employer' }).waitFor();
    await expectFitsTheScreen(page);
    expect(errors).toEqual([]);
  });

  test('without JavaScript the header’s links wrap under it instead of hiding behind the menu', async ({
    browser,
    page,
  }) => {
    await signUpNewUser(page);
    const context = await browser.newContext({
      javaScriptEnabled: false,
      timezoneId: TIME_ZONE,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    });
    await context.addCookies(await page.context().cookies());
    const plain = await context.newPage();
    await plain.goto(`${baseUrl}/lessons`);
    const nav = mainNav(plain);
    await expect(nav.getByRole('button', { name: 'Menu', includeHidden: true })).toBeHidden();
    for (const label of ['Dashboard', 'Applications', 'Interviews', 'Lessons', 'Notifications', 'Account'])
      await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Lessons', exact: true })).toHaveAttribute('aria-current', 'page');
    await expectFitsTheScreen(plain);
    await nav.getByRole('link', { name: 'Account', exact: true }).tap();
    await plain.waitForURL(`${baseUrl}/account`);
    await expectFitsTheScreen(plain);
    await context.close();
  });

  test('pages with data fit the screen too: lists, a recovery, a lesson and its patterns, reminders', async ({
    page,
  }) => {
    await signUpNewUser(page);
    const missedId = await addInterviewThroughForm(page, {
      company: 'Northwind',
      date: localDate(-1),
      contactEmail: 'priya.shah.recruitment.team@northwind-international.example',
      phone: '020 7946 0000',
    });
    await addInterviewThroughForm(page, { company: 'Contoso', date: localDate(4) });
    await page.goto(`${baseUrl}/interviews/${missedId}/recover?kind=MISSED`);
    await page.getByLabel('What happened?').selectOption({ label: 'Traffic or transport' });
    await page.getByRole('button', { name: 'Start the recovery' }).tap();
    await page.waitForURL(/\/incidents\/[a-z0-9]{20,}$/);
    await page.getByRole('region', { name: 'Call the employer' }).waitFor();
    await expectFitsTheScreen(page);

    await page.goto(`${baseUrl}/lessons/new`);
    await page.getByLabel('Root cause').selectOption({ label: 'Forgot' });
    await page.getByLabel('What happened').fill('Nearly forgot a phone screen.');
    if ((await page.getByLabel('Action 1', { exact: true }).count()) === 0)
      await page.getByRole('button', { name: 'Add an action' }).tap();
    await page.getByLabel('Action 1', { exact: true }).fill('Put every interview in the calendar');
    await page.getByRole('button', { name: 'Save lesson' }).tap();
    await page.waitForURL(/\/lessons$/);
    await expectFitsTheScreen(page);
    const editHref = (await page.getByRole('link', { name: 'Edit' }).first().getAttribute('href')) ?? '';

    for (const path of [
      '/dashboard',
      '/interviews',
      '/interviews?view=past',
      `/interviews/${missedId}`,
      `/interviews/${missedId}/edit`,
      editHref,
      '/lessons/review',
      '/lessons/patterns',
      '/notifications',
      '/account',
      '/applications',
      '/applications/table',
      '/applications/new',
      '/applications/stages',
      '/applications/proof',
      '/imports',
      '/imports/calendar',
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectFitsTheScreen(page);
    }
  });
});
