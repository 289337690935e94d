import { randomUUID } from 'node:crypto';
import { GET } from '@/app/api/lessons/export/route';
import { getDb } from '@/lib/db';
import { renderLessonsCsv, renderLessonsMarkdown } from '@/lib/domain/lesson-export';
import type { User } from '@/lib/generated/prisma/client';
import { exportLessons } from '@/lib/server/lessons/export-lessons';
import { lessonSelect } from '@/lib/server/lessons/lesson-select';
import { signInAs } from './support/session';
import { createTestApplication } from './support/factories';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);

const db = getDb();

beforeEach(() => {
  signInAs(null);
});

afterAll(() => db.$disconnect());

let owner: User;
let other: User;
const ownerLessonIds: string[] = [];
let otherLessonId = '';

async function createUser(): Promise<User> {
  return db.user.create({
    data: { email: `export-${randomUUID()}@example.test`, name: 'Ex Port', timeZone: 'Europe/London' },
  });
}

beforeAll(async () => {
  [owner, other] = await Promise.all([createUser(), createUser()]);
  const interview = await db.interview.create({
    data: {
      userId: owner.id,
      applicationId: (await createTestApplication(owner.id)).id,
      company: '=HYPERLINK("http://evil.example","Acme")',
      roleTitle: 'Engineer',
      scheduledStart: new Date('2026-03-01T09:00:00Z'),
      timeZone: 'Europe/London',
      format: 'IN_PERSON',
      status: 'MISSED',
    },
  });
  const incident = await db.missedIncident.create({
    data: {
      userId: owner.id,
      interviewId: interview.id,
      reason: 'TRAFFIC_TRANSPORT',
      recordedAt: new Date('2026-03-01T09:30:00Z'),
    },
  });
  const fromIncident = await db.lesson.create({
    data: {
      userId: owner.id,
      incidentId: incident.id,
      rootCause: 'TRAFFIC_TRANSPORT',
      whatHappened: '+cmd|" /C calc"!A0',
      actions: {
        create: [
          { text: '@SUM(1+1)', position: 0 },
          { text: 'Plan the route', position: 1 },
        ],
      },
    },
  });
  const nearMiss = await db.lesson.create({
    data: {
      userId: owner.id,
      rootCause: 'FORGOT',
      whatHappened: '-Nearly forgot',
      createdAt: new Date('2026-04-10T10:00:00Z'),
    },
  });
  ownerLessonIds.push(fromIncident.id, nearMiss.id);
  otherLessonId = (
    await db.lesson.create({
      data: { userId: other.id, rootCause: 'FORGOT', whatHappened: 'Secret of the other user' },
    })
  ).id;
});

const request = (query: string) => GET(new Request(`http://test/api/lessons/export${query}`));

describe('GET /api/lessons/export', () => {
  it('answers 401 without a signed-in user', async () => {
    const response = await request('?format=csv');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'Sign in to export your lessons.' });
  });

  it('exports CSV as an attachment with only the user’s lessons and formula prefixes neutralised', async () => {
    signInAs(owner);
    const response = await request('?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rebound-lessons-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const csv = await response.text();
    for (const id of ownerLessonIds) expect(csv).toContain(id);
    expect(csv).not.toContain(otherLessonId);
    expect(csv).not.toContain('Secret of the other user');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Acme"")"`);
    expect(csv).toContain(`"'+cmd|"" /C calc""!A0"`);
    expect(csv).toContain(`"'@SUM(1+1)\nPlan the route"`);
    expect(csv).toContain(`'-Nearly forgot`);
    // No cell anywhere starts with a formula trigger.
    expect(csv).not.toMatch(/(^|,|\r\n|")[=+@-][^-]/);
  });

  it('exports Markdown by default', async () => {
    signInAs(owner);
    const response = await request('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rebound-lessons-\d{4}-\d{2}-\d{2}\.md"$/,
    );
    const markdown = await response.text();
    expect(markdown).toContain('# My interview lessons');
    expect(markdown).toContain('2 lessons');
    expect(markdown).toContain('## Forgot: Near miss');
    expect(markdown).toContain('- [ ] @SUM(1+1)');
    expect(markdown).not.toContain('Secret of the other user');
  });

  it('applies the list filters, ignoring ones that do not parse', async () => {
    signInAs(owner);
    const forgot = await (await request('?format=csv&cause=FORGOT')).text();
    expect(forgot).toContain(ownerLessonIds[1]);
    expect(forgot).not.toContain(ownerLessonIds[0]);
    const march = await (await request('?format=md&from=2026-03-01&to=2026-03-31')).text();
    expect(march).toContain('1 lesson.');
    const junk = await (await request('?format=csv&cause=ALIENS&from=2026-99-99')).text();
    for (const id of ownerLessonIds) expect(junk).toContain(id);
  });

  it('refuses an unknown format with 400', async () => {
    signInAs(owner);
    const response = await request('?format=xlsx');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'Choose format=md (Markdown) or format=csv (spreadsheet).' });
  });

  it('gives the other user only their own lesson', async () => {
    signInAs(other);
    const csv = await (await request('?format=csv')).text();
    expect(csv).toContain(otherLessonId);
    for (const id of ownerLessonIds) expect(csv).not.toContain(id);
  });
});

describe('exportLessons in batches', () => {
  it('streams each format in several chunks, the same file as rendering every lesson at once, with filters applied', async () => {
    const user = await createUser();
    const sameInstant = new Date('2026-05-01T08:00:00Z');
    // Seven lessons, four created at the same instant so equal keys straddle a batch boundary,
    // and one that the filter leaves out.
    await db.lesson.createMany({
      data: Array.from({ length: 8 }, (_, index) => ({
        userId: user.id,
        rootCause: index === 7 ? ('OTHER' as const) : ('FORGOT' as const),
        whatHappened: `Lesson ${index}, "quoted"\nsecond line`,
        createdAt: index < 4 ? sameInstant : new Date(sameInstant.getTime() + index * 60_000),
      })),
    });
    const filters = { cause: 'FORGOT' as const };
    const expected = await db.lesson.findMany({
      where: { userId: user.id, rootCause: 'FORGOT' },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: lessonSelect,
    });
    expect(expected).toHaveLength(7);
    const now = new Date('2026-06-01T12:00:00Z');

    for (const [format, whole] of [
      ['csv', renderLessonsCsv(expected, 'Europe/London')],
      ['md', renderLessonsMarkdown(expected, 'Europe/London', now)],
    ] as const) {
      const file = await exportLessons(user.id, { format, filters, timeZone: 'Europe/London', now, batchSize: 3 });
      const reader = file.body.getReader();
      const chunks: Uint8Array[] = [];
      for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
      // The heading, then batches of three: 3 + 3 + 1.
      expect(chunks).toHaveLength(4);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(whole);
    }
  });
});
