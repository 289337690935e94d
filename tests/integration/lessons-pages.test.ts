import { randomUUID } from 'node:crypto';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import EditLessonPage from '@/app/(app)/lessons/[lessonId]/edit/page';
import NewLessonPage from '@/app/(app)/lessons/new/page';
import LessonsPage from '@/app/(app)/lessons/page';
import PatternsPage from '@/app/(app)/lessons/patterns/page';
import ReviewLessonsPage from '@/app/(app)/lessons/review/page';
import { getDb } from '@/lib/db';
import type { User } from '@/lib/generated/prisma/client';
import { signInAs } from './support/session';
import { createTestApplication } from './support/factories';

// Pages are async server components: call them as Next.js would, then render the tree they
// return (plain and client components) to HTML. Client hooks get a stand-in router.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/navigation', () => ({
  ...jest.requireActual('next/navigation'),
  useRouter: () => ({ push: jest.fn(), refresh: jest.fn(), replace: jest.fn(), back: jest.fn(), prefetch: jest.fn() }),
}));

const db = getDb();
let user: User;
let lessonId = '';

beforeAll(async () => {
  user = await db.user.create({
    data: { email: `pages-${randomUUID()}@example.test`, name: 'Page Tester', timeZone: 'Europe/London' },
  });
  signInAs(user);
  const interview = await db.interview.create({
    data: {
      userId: user.id,
      applicationId: (await createTestApplication(user.id, { company: 'Globex', roleTitle: 'Analyst' })).id,
      company: 'Globex',
      roleTitle: 'Analyst',
      scheduledStart: new Date(Date.now() - 3 * 86_400_000),
      timeZone: 'Europe/London',
      format: 'IN_PERSON',
      status: 'MISSED',
    },
  });
  const incident = await db.missedIncident.create({
    data: { userId: user.id, interviewId: interview.id, reason: 'TRAFFIC_TRANSPORT' },
  });
  // Reaction times run from the interview's start, not from when the miss was recorded.
  await db.recoveryStep.create({
    data: {
      userId: user.id,
      incidentId: incident.id,
      step: 'CALL',
      status: 'DONE',
      completedAt: new Date(interview.scheduledStart.getTime() + 12 * 60_000),
    },
  });
  const lesson = await db.lesson.create({
    data: {
      userId: user.id,
      incidentId: incident.id,
      rootCause: 'TRAFFIC_TRANSPORT',
      whatHappened: 'The ring road was closed.',
      // Older than the first review interval, so both lessons are due.
      createdAt: new Date(Date.now() - 8 * 86_400_000),
      actions: {
        create: [
          { text: 'Check the roads before leaving', position: 0 },
          { text: 'Visit the office beforehand', position: 1, retiredAt: new Date() },
        ],
      },
    },
  });
  lessonId = lesson.id;
  await db.lesson.create({
    data: {
      userId: user.id,
      rootCause: 'FORGOT',
      whatHappened: 'Almost forgot a phone screen.',
      createdAt: new Date(Date.now() - 8 * 86_400_000),
    },
  });
});

afterAll(() => db.$disconnect());

const render = async (page: Promise<ReactElement>) => renderToStaticMarkup(await page);

describe('lessons pages', () => {
  it('lists lessons with their interview, cause and actions', async () => {
    const html = await render(LessonsPage({ searchParams: Promise.resolve({}) }));
    expect(html).toContain('Globex · Analyst');
    expect(html).toContain('Traffic or transport');
    expect(html).toContain('Check the roads before leaving');
    expect(html).toContain('Now habits (1)');
    expect(html).toContain('Near miss (added by hand)');
    expect(html).toContain('href="/api/lessons/export?format=csv"');
  });

  it('ignores an unknown cause and an impossible date in the URL', async () => {
    const html = await render(
      LessonsPage({ searchParams: Promise.resolve({ cause: 'ALIENS', from: '2026-02-31', to: ['a', 'b'] }) }),
    );
    expect(html).toContain('Globex · Analyst');
    expect(html).toContain('Almost forgot a phone screen.');
    expect(html).not.toContain('Clear filters');
  });

  it('filters by cause from the URL and keeps the filter in the export links', async () => {
    const html = await render(LessonsPage({ searchParams: Promise.resolve({ cause: 'FORGOT' }) }));
    expect(html).not.toContain('Globex');
    expect(html).toContain('Almost forgot a phone screen.');
    expect(html).toContain('href="/api/lessons/export?cause=FORGOT&amp;format=md"');
  });

  it('walks the review one lesson at a time', async () => {
    const html = await render(ReviewLessonsPage({ searchParams: Promise.resolve({}) }));
    expect(html).toMatch(/Lesson <!-- -->1<!-- --> of <!-- -->2<!-- --> due|Lesson 1 of 2 due/);
    expect(html).toContain('Mark as reviewed');
    expect(html).toContain('Now a habit');
    expect(html).toContain('Skip for now');
  });

  it('draws the patterns with a table beside each chart', async () => {
    const html = await render(PatternsPage());
    expect(html).toContain('Misses by root cause');
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4);
    expect(html.match(/<caption/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('12 min');
    expect(html).not.toContain('NaN');
  });

  it('renders the add and edit forms, the edit form with the active actions only', async () => {
    expect(await render(NewLessonPage())).toContain('Save lesson');
    const html = await render(
      EditLessonPage({ params: Promise.resolve({ lessonId }), searchParams: Promise.resolve({ from: 'review' }) }),
    );
    expect(html).toContain('The ring road was closed.');
    expect(html).toContain('value="Check the roads before leaving"');
    expect(html).not.toContain('value="Visit the office beforehand"');
    expect(html).toContain(`href="/lessons/review?lesson=${lessonId}"`);
  });
});
