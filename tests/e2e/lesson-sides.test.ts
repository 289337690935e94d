// Lessons on either side: a lesson about the employer's side written by hand, found again by the
// side filter, brought back on the next interview with that company, and the patterns page
// counting the candidate's side and the employer's side apart.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from './support/accessibility';
import { TIME_ZONE, localDate, signUpNewUser } from './support/accounts';
import { queryAppDatabase } from './support/app-database';
import { baseUrl, watchPageErrors } from './support/browser';
import { addInterviewThroughForm } from './support/interview-form';

test.describe.configure({ timeout: 180_000 });
// Interviews are 09:00–10:00 on whole days away from today, so the time of the run does not matter.
test.use({ timezoneId: TIME_ZONE });

async function writeLesson(
  page: Page,
  lesson: { side: 'mine' | 'employer'; company?: string; cause: string; whatHappened: string; action: string },
): Promise<void> {
  await page.goto(`${baseUrl}/lessons/new`);
  const side = page.getByRole('group', { name: 'Whose side' });
  await side
    .getByRole('radio', {
      name: lesson.side === 'employer' ? /What I’ll do about the employer’s side/ : /What I’ll do differently/,
    })
    .check();
  if (lesson.company !== undefined) await page.getByLabel('Company').fill(lesson.company);
  await page.getByLabel('Root cause').selectOption({ label: lesson.cause });
  await page.getByLabel('What happened').fill(lesson.whatHappened);
  await page.getByLabel('Action 1', { exact: true }).fill(lesson.action);
}

/** An incident written straight into the app's database: the employer's no-show has no screen of its own yet. */
async function recordIncident(interviewId: string, kind: 'MISSED' | 'EMPLOYER_NO_SHOW'): Promise<void> {
  await queryAppDatabase(
    `INSERT INTO "MissedIncident" ("id", "userId", "interviewId", "kind", "reason", "updatedAt")
     SELECT $1, i."userId", i."id", $3::"IncidentKind", 'OTHER', now() FROM "Interview" i WHERE i."id" = $2`,
    [`e2e${randomUUID().replaceAll('-', '')}`, interviewId, kind],
  );
}

async function recordEmployerMove(interviewId: string): Promise<void> {
  await queryAppDatabase(
    `INSERT INTO "InterviewTimeChange" ("id", "userId", "interviewId", "requestedBy", "fromStart", "toStart",
       "fromDurationMinutes", "toDurationMinutes", "fromTimeZone", "toTimeZone")
     SELECT $1, i."userId", i."id", 'EMPLOYER', i."scheduledStart" - interval '1 day', i."scheduledStart", 60, 60,
            i."timeZone", i."timeZone"
     FROM "Interview" i WHERE i."id" = $2`,
    [`e2e${randomUUID().replaceAll('-', '')}`, interviewId],
  );
}

test('an employer-side lesson is filtered, shown before the next interview with that company, and counted apart', async ({
  page,
}) => {
  await signUpNewUser(page);
  const errors = watchPageErrors(page);
  const pastFabrikam = await addInterviewThroughForm(page, { company: 'Fabrikam', date: localDate(-3) });
  const pastContoso = await addInterviewThroughForm(page, { company: 'Contoso', date: localDate(-2) });
  const nextFabrikam = await addInterviewThroughForm(page, { company: 'FABRIKAM', date: localDate(3) });

  // A lesson of the candidate's own, then one about the employer's side.
  await writeLesson(page, {
    side: 'mine',
    cause: 'Traffic or transport',
    whatHappened: 'The bus was cancelled.',
    action: 'Leave half an hour earlier',
  });
  await page.getByRole('button', { name: 'Save lesson' }).click();
  await page.waitForURL(`${baseUrl}/lessons`);

  await writeLesson(page, {
    side: 'employer',
    cause: 'Other',
    whatHappened: 'Nobody came down to reception for twenty minutes.',
    action: 'Ask for a direct phone number',
  });
  // The employer's side has only the causes that can be theirs.
  expect(await page.getByLabel('Root cause').locator('option').allTextContents()).toEqual([
    'Schedule mix-up',
    'Time-zone mistake',
    'Technical problem',
    'Other',
  ]);
  // Without the company it is refused, and what was typed stays.
  await page.getByRole('button', { name: 'Save lesson' }).click();
  await expect(
    page.getByText('Name the employer, so the lesson comes back before your next interview with them.'),
  ).toBeVisible();
  await expect(page.getByLabel('What happened')).toHaveValue('Nobody came down to reception for twenty minutes.');
  await page.getByLabel('Company').fill('  fabrikam ');
  await page.getByRole('button', { name: 'Save lesson' }).click();
  await page.waitForURL(`${baseUrl}/lessons`);

  // Filtered by side, the list shows the employer's one alone, marked as such.
  await page.getByLabel('Whose side').selectOption({ label: 'Employer’s side' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.waitForURL(/\/lessons\?.*side=EMPLOYER/);
  const cards = page.getByRole('article');
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByRole('heading', { name: 'fabrikam' })).toBeVisible();
  await expect(cards.first().getByText('Employer’s side', { exact: true })).toBeVisible();
  await expect(cards.first().getByText('What I will do about the employer’s side')).toBeVisible();
  await expect(page.getByText('The bus was cancelled.')).toHaveCount(0);

  // The next interview with Fabrikam, however it is spelt, brings it back.
  await page.goto(`${baseUrl}/interviews/${nextFabrikam}`);
  const hints = page.getByRole('region', { name: 'From your lessons' });
  await expect(hints).toContainText('The employer’s side');
  await expect(hints).toContainText(
    'Last time something went wrong on FABRIKAM’s side: confirm the time, the address and whom to ask for at reception the day before.',
  );
  await expect(hints).toContainText('Ask for a direct phone number');

  // The patterns page: the candidate's miss on one side, the employer's no-show and move on the other.
  await recordIncident(pastContoso, 'MISSED');
  await recordIncident(pastFabrikam, 'EMPLOYER_NO_SHOW');
  await recordEmployerMove(nextFabrikam);
  await page.goto(`${baseUrl}/lessons/patterns`);
  await expect(
    page.getByText(/Your side: 1 incident and 1 near miss\. The employer’s side: 1 no-show and 1 reschedule\./),
  ).toBeVisible();
  const yours = page.getByRole('table', { name: 'Your side: misses and reschedule requests by company' });
  await expect(yours.getByRole('row')).toHaveCount(2);
  await expect(
    yours
      .getByRole('row', { name: /Contoso/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('1');
  const theirs = page.getByRole('table', { name: 'The employer’s side: no-shows and reschedules by company' });
  await expect(theirs.getByRole('row')).toHaveCount(2);
  await expect(theirs.getByRole('row', { name: /Fabrikam/i }).getByRole('cell')).toHaveText(['1', '1']);
  await expect(page.getByRole('region', { name: 'Misses by root cause', exact: true })).toContainText(
    'Your side only.',
  );

  // On a phone the two tables fit the screen (they scroll inside their own box if they must).
  await page.setViewportSize({ width: 390, height: 844 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(width).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});
