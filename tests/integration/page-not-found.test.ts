// Every page of one record answers the segment's not-found page (through orNotFound) for an id
// that is made up, malformed or another user's, exactly alike; any other failure goes on.
import { randomUUID } from 'node:crypto';
import { orNotFound } from '@/app/(app)/or-not-found';
import CheckInPage from '@/app/(app)/check-in/[token]/page';
import IncidentPage from '@/app/(app)/incidents/[id]/page';
import EditInterviewPage from '@/app/(app)/interviews/[id]/edit/page';
import InterviewPage from '@/app/(app)/interviews/[id]/page';
import RecoverPage from '@/app/(app)/interviews/[id]/recover/page';
import EditLessonPage from '@/app/(app)/lessons/[lessonId]/edit/page';
import CalendarImportReviewPage from '@/app/(app)/imports/calendar/[id]/page';
import { createCalendarImport } from '@/lib/server/imports/create-calendar-import';
import { getDb } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { createCheckInToken } from '@/lib/server/notifications/check-in-tokens';
import { createTestInterview, createTestUser } from './support/factories';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);

const db = getDb();
afterAll(() => db.$disconnect());

const NOT_FOUND = { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' };
const noSearch = Promise.resolve({});

type Pages = {
  interview: (id: string) => Promise<unknown>;
  'interview edit': (id: string) => Promise<unknown>;
  'interview recover': (id: string) => Promise<unknown>;
  incident: (id: string) => Promise<unknown>;
  'lesson edit': (id: string) => Promise<unknown>;
  'check-in': (token: string) => Promise<unknown>;
  'calendar import': (id: string) => Promise<unknown>;
};

const pages: Pages = {
  interview: (id) => InterviewPage({ params: Promise.resolve({ id }), searchParams: noSearch }),
  'interview edit': (id) => EditInterviewPage({ params: Promise.resolve({ id }) }),
  'interview recover': (id) => RecoverPage({ params: Promise.resolve({ id }), searchParams: noSearch }),
  incident: (id) => IncidentPage({ params: Promise.resolve({ id }) }),
  'lesson edit': (lessonId) => EditLessonPage({ params: Promise.resolve({ lessonId }), searchParams: noSearch }),
  'check-in': (token) => CheckInPage({ params: Promise.resolve({ token }), searchParams: noSearch }),
  'calendar import': (id) => CalendarImportReviewPage({ params: Promise.resolve({ id }), searchParams: noSearch }),
};

describe('a page of one record', () => {
  let others: Record<keyof Pages, string>;

  beforeAll(async () => {
    const other = await createTestUser();
    const interview = await createTestInterview(other.id);
    const incident = await db.missedIncident.create({
      data: { userId: other.id, interviewId: interview.id, reason: 'FORGOT', recoveryState: 'CALL' },
    });
    const lesson = await db.lesson.create({
      data: { userId: other.id, rootCause: 'FORGOT', whatHappened: 'Not mine' },
    });
    const token = await createCheckInToken(db, other.id, interview.id, new Date());
    const invitation = await createCalendarImport(other.id, {
      fileName: 'invite.ics',
      bytes: Buffer.from(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:not-mine@example.test\r\nDTSTART:20270412T150000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      ),
    });
    if (!invitation.ok) throw new Error(invitation.message);
    others = {
      interview: interview.id,
      'interview edit': interview.id,
      'interview recover': interview.id,
      incident: incident.id,
      'lesson edit': lesson.id,
      'check-in': token,
      'calendar import': invitation.id,
    };
    signInAs(await createTestUser());
  });

  it.each(Object.keys(pages) as (keyof Pages)[])(
    '%s: another user’s, a made-up and a malformed id all answer not found',
    async (name) => {
      const open = pages[name];
      await expect(open(others[name])).rejects.toMatchObject(NOT_FOUND);
      await expect(open(name === 'check-in' ? 'a'.repeat(32) : randomUUID())).rejects.toMatchObject(NOT_FOUND);
      await expect(open('not an id')).rejects.toMatchObject(NOT_FOUND);
    },
  );
});

describe('orNotFound', () => {
  it('passes the value through, turns NotFoundError into not found and rethrows anything else', async () => {
    await expect(orNotFound(Promise.resolve(42))).resolves.toBe(42);
    await expect(orNotFound(Promise.reject(new NotFoundError('interview')))).rejects.toMatchObject(NOT_FOUND);
    const failure = new Error('the disk is on fire');
    await expect(orNotFound(Promise.reject(failure))).rejects.toBe(failure);
  });
});
