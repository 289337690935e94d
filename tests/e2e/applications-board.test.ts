// The applications board in Chromium: an application made by adding two interviews, its card
// moved by keyboard (with the live announcements), undone, moved by mouse, and the move kept
// after a reload; on a 390 px phone the board scrolls column by column inside itself, the page
// never sideways, and a card moves by touch. Every page is audited with axe as it is reached.
import { expect, expectAccessible, test, type Locator, type Page } from './support/accessibility';
import { TIME_ZONE, localDate, signUpNewUser } from './support/accounts';
import { baseUrl, watchPageErrors } from './support/browser';
import { addInterviewThroughForm } from './support/interview-form';

test.describe.configure({ timeout: 240_000 });
test.use({ timezoneId: TIME_ZONE });

const CARD = 'Northwind · Data Engineer';

function column(page: Page, stage: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${stage}\\b`) });
}

function card(page: Page): Locator {
  return page.getByRole('article', { name: CARD });
}

/** An account with one application (Northwind, Data Engineer) of two rounds, on its board. */
async function openBoardWithTwoRounds(page: Page): Promise<void> {
  await signUpNewUser(page);
  await page.goto(`${baseUrl}/applications`);
  await expect(page.getByRole('heading', { name: 'No applications yet' })).toBeVisible();
  await expectAccessible(page);
  await addInterviewThroughForm(page, { company: 'Northwind', date: localDate(3) });
  await addInterviewThroughForm(page, { company: 'Northwind', date: localDate(10) });
  await page.goto(`${baseUrl}/applications`);
  await expect(column(page, 'Interviewing').getByRole('article', { name: CARD })).toBeVisible();
  // The server's HTML shows the card before the board is hydrated; dnd-kit's live region is added
  // once it is, and only then does a drag do anything.
  await page.locator('[id^="DndLiveRegion"]').waitFor({ state: 'attached' });
}

/** The page is no wider than the screen. */
async function pageWidth(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

test.describe('the applications board', () => {
  test('a card moves by keyboard with announcements, is undone once, moves by mouse, and stays moved', async ({
    page,
  }) => {
    const errors = watchPageErrors(page);
    await openBoardWithTwoRounds(page);
    await expect(column(page, 'Interviewing')).toContainText('1 application');
    await expect(card(page)).toContainText('Next round');
    await expect(card(page)).toContainText('In this stage since today');
    await expectAccessible(page);

    // Keyboard: the handle takes focus, Space picks up, the right arrow goes to Offer, Space drops.
    const liveRegion = page.locator('[id^="DndLiveRegion"]');
    await card(page)
      .getByRole('button', { name: `Drag ${CARD} to another stage` })
      .focus();
    await page.keyboard.press('Space');
    await expect(liveRegion).toContainText(`Picked up ${CARD}, in Interviewing.`);
    await page.keyboard.press('ArrowRight');
    await expect(liveRegion).toContainText(`${CARD} is over Offer.`);
    await page.keyboard.press('Space');
    await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toContainText(`Moved ${CARD} to Offer.`);
    await expect(column(page, 'Offer').getByRole('article', { name: CARD })).toBeVisible();
    await expect(column(page, 'Interviewing')).toContainText('0 applications');
    // Focus follows the card, so the keyboard user can go on from it.
    await expect(card(page).getByRole('button', { name: `Drag ${CARD} to another stage` })).toBeFocused();

    // Undo, once.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toContainText(
      `Moved ${CARD} back to Interviewing.`,
    );
    await expect(column(page, 'Interviewing').getByRole('article', { name: CARD })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);

    // Mouse: drag the handle onto Screening, the column to the left.
    const handle = card(page).getByRole('button', { name: `Drag ${CARD} to another stage` });
    const from = await handle.boundingBox();
    const to = await column(page, 'Screening').boundingBox();
    if (!from || !to) throw new Error('the handle or the column is not on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 - 20, from.y + from.height / 2, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 10 });
    // Where Screening is now, in case the board moved under the drag: the card goes where the pointer is.
    const settled = await column(page, 'Screening').boundingBox();
    if (!settled) throw new Error('the Screening column left the screen during the drag');
    await page.mouse.move(settled.x + settled.width / 2, settled.y + 60, { steps: 2 });
    await page.mouse.up();
    await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toContainText(`Moved ${CARD} to Screening.`);
    await expect(column(page, 'Screening').getByRole('article', { name: CARD })).toBeVisible();
    await expectAccessible(page);

    // The server kept it: after a reload the card is still in Screening.
    await page.reload();
    await expect(column(page, 'Screening').getByRole('article', { name: CARD })).toBeVisible();
    await expect(column(page, 'Screening')).toContainText('1 application');
    expect(errors).toEqual([]);
  });
});

test.describe('the applications board on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });

  test('scrolls column by column inside itself, never the page, and a card moves by touch', async ({ page }) => {
    await openBoardWithTwoRounds(page);
    const board = page.getByRole('region', { name: 'Applications board' });

    const width = await pageWidth(page);
    expect(width.scrollWidth).toBeLessThanOrEqual(width.clientWidth);
    const scroller = await board.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      snap: getComputedStyle(element).scrollSnapType,
    }));
    expect(scroller.scrollWidth).toBeGreaterThan(scroller.clientWidth);
    expect(scroller.snap).toContain('x');
    // One column is most of the screen: the next one only peeks in.
    const applied = await column(page, 'Applied').boundingBox();
    expect(applied?.width ?? 0).toBeGreaterThan(390 * 0.7);

    // A long press on the handle picks the card up; sliding the finger right drops it in the
    // column that peeks in at the screen's edge.
    const handle = card(page).getByRole('button', { name: `Drag ${CARD} to another stage` });
    await handle.scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    if (!box) throw new Error('the handle is not on screen');
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await touch('touchStart', start.x, start.y);
    await page.waitForTimeout(400);
    const end = Math.min(385, start.x + 340);
    for (let step = 1; step <= 10; step += 1)
      await touch('touchMove', start.x + ((end - start.x) * step) / 10, start.y);
    await touch('touchEnd', end, start.y);
    await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toContainText(`Moved ${CARD} to `);
    await expect(column(page, 'Interviewing')).toContainText('0 applications');

    // The Move to menu, tapped, does the same without dragging.
    await card(page).getByText('Move to…').tap();
    await card(page)
      .getByRole('button', { name: `Move ${CARD} to Saved` })
      .tap();
    await expect(page.getByRole('status').filter({ hasText: 'Moved' })).toContainText(`Moved ${CARD} to Saved.`);
    await expect(column(page, 'Saved').getByRole('article', { name: CARD })).toBeVisible();
    const after = await pageWidth(page);
    expect(after.scrollWidth).toBeLessThanOrEqual(after.clientWidth);
  });
});
