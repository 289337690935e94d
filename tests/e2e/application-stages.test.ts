// The stages page in Chromium on a phone-sized screen: rename, reorder with the keyboard, remove a
// stage that holds an application by moving it elsewhere; and a quiet application's nudge
// reaching the notification list once the clock has moved on (its last change dated 20 days back
// in the app's database, as the "after moving the clock" allows).
import { randomUUID } from 'node:crypto';
import { expect, expectAccessible, test, type Page } from './support/accessibility';
import { TIME_ZONE, localDate, signUpNewUser } from './support/accounts';
import { queryAppDatabase, runDispatchNow } from './support/app-database';
import { baseUrl, watchPageErrors } from './support/browser';
import { addInterviewThroughForm } from './support/interview-form';

test.describe.configure({ timeout: 240_000 });
test.use({ timezoneId: TIME_ZONE, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** A stage's own button: its visible verb, then the stage's name for screen readers ("Edit: Screening"). */
function stageButton(page: Page, verb: string, stage: string) {
  return page.getByRole('button', { name: new RegExp(`^${verb}\\s?: ${stage}$`) });
}

/** The open stages' names, top to bottom, as the page lists them. */
async function openStageNames(page: Page): Promise<string[]> {
  const section = page.getByRole('region', { name: 'Open stages' });
  return section.getByRole('heading', { level: 3 }).allTextContents();
}

test.describe('application stages', () => {
  test('rename, reorder by keyboard, and remove a stage by moving what it holds', async ({ page }) => {
    const errors = watchPageErrors(page);
    await signUpNewUser(page);
    // An interview puts its application in Interviewing.
    await addInterviewThroughForm(page, { company: 'Northwind', date: localDate(5) });

    await page.goto(`${baseUrl}/applications/stages`);
    await page.getByRole('heading', { level: 1, name: 'Stages' }).waitFor();
    expect(await openStageNames(page)).toEqual(['Saved', 'Applied', 'Screening', 'Interviewing', 'Offer']);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);

    // Rename, with a clash refused first.
    await stageButton(page, 'Edit', 'Screening').click();
    const name = page.getByLabel('Name').first();
    await name.fill('offer');
    await page.getByRole('button', { name: 'Save stage' }).click();
    await expect(page.getByText('You already have a stage called “Offer”. Choose another name.').first()).toBeVisible();
    await expect(name).toHaveValue('offer');
    await name.fill('Phone screen');
    await page.getByRole('button', { name: 'Save stage' }).click();
    await expect(page.getByRole('heading', { level: 3, name: 'Phone screen' })).toBeVisible();

    // Reorder with the keyboard: focus stays with the stage as it moves.
    await stageButton(page, 'Move up', 'Phone screen').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => openStageNames(page))
      .toEqual(['Saved', 'Phone screen', 'Applied', 'Interviewing', 'Offer']);
    await expect(stageButton(page, 'Move up', 'Phone screen')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => openStageNames(page))
      .toEqual(['Phone screen', 'Saved', 'Applied', 'Interviewing', 'Offer']);
    // At the top, Move up is disabled, so focus went to Move down.
    await expect(stageButton(page, 'Move down', 'Phone screen')).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Phone screen is now 1 of 5.' })).toBeAttached();

    // Remove Interviewing, which holds the application: choose where it goes.
    await stageButton(page, 'Remove', 'Interviewing').click();
    await expect(
      page.getByText(
        'Interviewing holds 1 application. Move them to another stage first, or choose a stage to move them to:',
      ),
    ).toBeVisible();
    await page.getByLabel('Move them to').selectOption({ label: 'Offer' });
    await page.getByRole('button', { name: 'Move them and remove Interviewing' }).click();
    await expect.poll(() => openStageNames(page)).toEqual(['Phone screen', 'Saved', 'Applied', 'Offer']);
    await expect(page.getByRole('article', { name: 'Offer' })).toContainText('1 application');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  test('a quiet application is nudged with a drafted follow-up once the clock has moved on', async ({ page }) => {
    const { email } = await signUpNewUser(page);
    const company = `Quiet Co ${randomUUID().slice(0, 6)}`;
    const applicationId = `e2eghost${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    // An application in Applied (14 days without a reply) whose last change was 20 days ago.
    await queryAppDatabase(
      `WITH u AS (SELECT "id" FROM "User" WHERE "email" = $1),
            s AS (SELECT st."id", st."name" FROM "ApplicationStage" st JOIN u ON st."userId" = u."id" WHERE st."systemKey" = 'APPLIED'),
            a AS (INSERT INTO "Application" ("id", "userId", "company", "roleTitle", "matchKey", "stageId", "updatedAt")
                  SELECT $2, u."id", $3, 'Data Analyst', lower($3) || chr(31) || 'data analyst', s."id", now() FROM u, s
                  RETURNING "id", "userId", "stageId")
       INSERT INTO "StageChange" ("id", "userId", "applicationId", "toStageId", "toStageName", "changedAt", "cause")
       SELECT $2 || 'sc', a."userId", a."id", s."id", s."name", now() - interval '20 days', 'USER' FROM a, s`,
      [email, applicationId, company],
    );

    // The app's worker plans and sends nudges on its once-a-minute dispatch; one run is asked for now.
    await runDispatchNow();
    await page.goto(`${baseUrl}/notifications`);
    const link = page.getByRole('link', { name: `Time for a friendly follow-up with ${company}` });
    await expect(link).toHaveAttribute('href', new RegExp(`/applications/${applicationId}$`));
    await expect(page.getByText('An application has gone quiet').first()).toBeVisible();
    await expectAccessible(page);

    // The board flags the card in words, and the application page says since when.
    await page.goto(`${baseUrl}/applications`);
    const card = page.getByRole('article').filter({ hasText: company });
    await expect(card).toContainText('No reply for 20 days');
    await page.goto(`${baseUrl}/applications/${applicationId}`);
    await expect(page.getByText(/No reply since/)).toBeVisible();
    // A reply recorded starts the clock again: the flag goes from the page and the board.
    await page.getByRole('button', { name: 'Record a reply' }).click();
    await expect(page.getByText(/Last reply:/)).toBeVisible();
    await expect(page.getByText(/No reply since/)).toBeHidden();
    await page.goto(`${baseUrl}/applications`);
    await expect(page.getByRole('article').filter({ hasText: company })).not.toContainText('No reply');
  });
});
