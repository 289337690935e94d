import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import EditApplicationPage from '@/app/(app)/applications/[id]/edit/page';
import ApplicationPage from '@/app/(app)/applications/[id]/page';
import ApplicationsTablePage from '@/app/(app)/applications/table/page';
import { getDb } from '@/lib/db';
import { addApplicationContact } from '@/lib/server/applications/add-application-contact';
import { createApplication } from '@/lib/server/applications/create-application';
import { moveApplication } from '@/lib/server/applications/move-application';
import { applicationFormSchema } from '@/lib/validation/application';
import { createTestUser, ensureTestStages } from './support/factories';
import { signInAs } from './support/session';

// The application pages rendered as Next.js renders them: text the user typed comes out as text
// (never markup), the edit form carries the saved values in the server's HTML, and another
// user's application is the segment's 404.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/navigation', () => ({
  ...jest.requireActual('next/navigation'),
  useRouter: () => ({ push: jest.fn(), refresh: jest.fn(), replace: jest.fn(), back: jest.fn(), prefetch: jest.fn() }),
}));
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

// A first render compiles the page's modules; the machine may be shared.
jest.setTimeout(30_000);

const db = getDb();
afterAll(() => db.$disconnect());

const render = async (page: Promise<ReactElement> | ReactElement) => renderToStaticMarkup(await page);
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const HOSTILE = '<img src=x onerror=alert(1)>';

async function seedHostileApplication(userId: string) {
  const { id } = await createApplication(
    userId,
    applicationFormSchema.parse({
      company: `Acme ${HOSTILE}`,
      roleTitle: `Role ${HOSTILE}`,
      notes: `Notes ${HOSTILE}`,
      location: `Town ${HOSTILE}`,
      source: 'OTHER',
      sourceDetail: `Board ${HOSTILE}`,
      salaryMin: '1000',
      salaryCurrency: 'gbp',
      salaryPeriod: 'MONTH',
    }),
  );
  await addApplicationContact(userId, id, { name: `Dana ${HOSTILE}`, email: 'dana@acme.test', role: 'RECRUITER' });
  const screening = (await ensureTestStages(userId)).find((stage) => stage.systemKey === 'SCREENING')!;
  await moveApplication(userId, id, screening.id, { note: `Note ${HOSTILE}` });
  return id;
}

describe('the application pages', () => {
  it('render what the user typed as text, everywhere it shows', async () => {
    const user = signInAs(await createTestUser());
    const id = await seedHostileApplication(user.id);
    const page = await render(ApplicationPage(params(id)));
    expect(page).not.toContain(HOSTILE);
    for (const label of ['Acme', 'Role', 'Notes', 'Town', 'Board', 'Dana', 'Note'])
      expect(page).toContain(`${label} &lt;img src=x onerror=alert(1)&gt;`);
    expect(page).toContain('£1,000 per month');
    expect(page).toContain('Applied → Screening');
    expect(page).toContain('href="mailto:dana@acme.test"');
    expect(page).toContain(`href="/interviews/new?application=${id}"`);

    const table = await render(ApplicationsTablePage({ searchParams: Promise.resolve({}) }));
    expect(table).not.toContain(HOSTILE);
    expect(table).toContain('Acme &lt;img src=x onerror=alert(1)&gt;');
  });

  it('the edit form carries the saved values in the server’s HTML, blanks for what was not recorded', async () => {
    const user = signInAs(await createTestUser());
    const id = await seedHostileApplication(user.id);
    const html = await render(EditApplicationPage(params(id)));
    expect(html).toContain('value="Acme &lt;img src=x onerror=alert(1)&gt;"');
    expect(html).toContain('value="1000"');
    expect(html).toContain('value="GBP"');
    expect(html).toMatch(/<input type="date" id="appliedOn"[^>]* value=""/);
  });

  it('another user’s application is the 404, on the page and its edit form', async () => {
    const owner = await createTestUser();
    const id = await seedHostileApplication(owner.id);
    signInAs(await createTestUser());
    const notFound = { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' };
    await expect(ApplicationPage(params(id))).rejects.toMatchObject(notFound);
    await expect(EditApplicationPage(params(id))).rejects.toMatchObject(notFound);
    await expect(ApplicationPage(params('not a real id'))).rejects.toMatchObject(notFound);
  });
});
