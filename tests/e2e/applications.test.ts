// The applications table, the application page and its form, in Chromium: an application made
// through the form (and a second one for the same role, warned about and saved anyway), a contact
// added, a stage change with its note in the timeline; axe on each page, and each fits a phone.
import { expect, expectAccessible, test, type Page } from './support/accessibility';
import { TIME_ZONE, localDate, signUpNewUser } from './support/accounts';
import { baseUrl } from './support/browser';

test.describe.configure({ timeout: 240_000 });
test.use({ timezoneId: TIME_ZONE });

/** Fills the new application form and submits it; returns nothing, the caller waits for what follows. */
async function fillApplicationForm(page: Page, values: { company: string; role: string }): Promise<void> {
  await page.goto(`${baseUrl}/applications/new`);
  await page.getByRole('heading', { level: 1, name: 'Add an application' }).waitFor();
  await page.getByLabel('Company').fill(values.company);
  await page.getByLabel('Role', { exact: true }).fill(values.role);
  await page.getByLabel('Applied on (optional)').fill(localDate(-3));
  await page.getByRole('button', { name: 'Add application' }).click();
}

async function addApplication(page: Page, values: { company: string; role: string }): Promise<string> {
  await fillApplicationForm(page, values);
  await page.waitForURL(/\/applications\/[a-z0-9]{20,}$/);
  return new URL(page.url()).pathname;
}

/** The page is no wider than the screen: nothing scrolls it sideways. */
async function expectFitsTheScreen(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect.soft(scrollWidth, `${new URL(page.url()).pathname} is wider than the screen`).toBeLessThanOrEqual(clientWidth);
}

test.describe('applications', () => {
  test('an application through the form, a contact, a stage change in the timeline, and a warned duplicate saved anyway', async ({
    page,
  }) => {
    await signUpNewUser(page);
    await page.goto(`${baseUrl}/applications/new`);
    await page.getByRole('heading', { level: 1, name: 'Add an application' }).waitFor();
    await expectAccessible(page);

    // Hostile text is kept as typed and shown as text.
    const path = await addApplication(page, { company: 'Northwind <b>Labs</b>', role: 'Data Analyst' });
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Northwind <b>Labs</b>');
    await expect(page.getByText('Started in Applied')).toBeVisible();
    await expectAccessible(page);

    const contactForm = page.getByRole('form', { name: 'Add a contact' });
    await contactForm.getByLabel('Name').fill('Priya Shah');
    await contactForm.getByLabel('Email (optional)').fill('priya@northwind.example');
    await contactForm.getByRole('button', { name: 'Add contact' }).click();
    await expect(page.getByRole('link', { name: 'priya@northwind.example' })).toHaveAttribute(
      'href',
      'mailto:priya@northwind.example',
    );

    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Screening' });
    await page.getByLabel('Note for the timeline (optional)').fill('Recruiter called back');
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByText('Recruiter called back')).toBeVisible();
    await expect(timeline).toContainText('Applied → Screening');

    // The same company and role, typed differently: warned, with a link to the first, then saved anyway.
    await fillApplicationForm(page, { company: '  northwind <b>labs</b> ', role: 'DATA analyst' });
    await expect(page.getByText('You already have this role at this company')).toBeVisible();
    await expect(page.getByRole('link', { name: /Northwind <b>Labs<\/b> — Data Analyst/ })).toHaveAttribute(
      'href',
      path,
    );
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save anyway' }).click();
    await page.waitForURL(/\/applications\/[a-z0-9]{20,}$/);
    expect(new URL(page.url()).pathname).not.toBe(path);

    await page.goto(`${baseUrl}/applications/table`);
    await page.getByRole('heading', { level: 1, name: 'Applications' }).waitFor();
    await expect(page.getByRole('link', { name: 'Northwind <b>Labs</b>', exact: true })).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'northwind <b>labs</b>', exact: true })).toHaveCount(1);
    await expectAccessible(page);
    await page.getByLabel('Search company or role').fill('analyst');
    await page.getByLabel('Stage').selectOption({ label: 'Screening' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/stage=/);
    await expect(page.getByRole('cell', { name: 'Screening', exact: true })).toHaveCount(1);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test('the form, the application page and the table fit a 390 px screen', async ({ page }) => {
      await signUpNewUser(page);
      await page.goto(`${baseUrl}/applications/new`);
      await page.getByRole('heading', { level: 1, name: 'Add an application' }).waitFor();
      await expectFitsTheScreen(page);
      await addApplication(page, {
        company: 'A company with a rather long name that goes on and on Incorporated',
        role: 'Principal platform reliability engineering lead',
      });
      await expectFitsTheScreen(page);
      await page.goto(`${baseUrl}/applications/table`);
      await page.getByRole('heading', { level: 1, name: 'Applications' }).waitFor();
      await expectFitsTheScreen(page);
    });
  });
});
