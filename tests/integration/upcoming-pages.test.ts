import { randomUUID } from 'node:crypto';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import AccountPage from '@/app/(app)/account/page';
import DashboardPage from '@/app/(app)/dashboard/page';
import EditInterviewPage from '@/app/(app)/interviews/[id]/edit/page';
import InterviewPage from '@/app/(app)/interviews/[id]/page';
import NewInterviewPage from '@/app/(app)/interviews/new/page';
import { updateTimeZoneAction } from '@/lib/actions/account';
import { createInterviewAction } from '@/lib/actions/interviews';
import { getDb } from '@/lib/db';
import type { Interview, User } from '@/lib/generated/prisma/client';
import { signInAs } from './support/session';
import { createTestApplication } from './support/factories';

// The pages of an upcoming interview, rendered as Next.js renders them (see lessons-pages.test.ts).
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/navigation', () => ({
  ...jest.requireActual('next/navigation'),
  useRouter: () => ({ push: jest.fn(), refresh: jest.fn(), replace: jest.fn(), back: jest.fn(), prefetch: jest.fn() }),
}));
// Outside a request revalidatePath throws; the action's revalidation is not what is tested here.
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();
const DAY_MS = 86_400_000;
// Thursday 14 January 2027, 09:00 in New York (EST), 14:00 in London (GMT).
const SECOND_CHANCE_START = new Date('2027-01-14T14:00:00Z');
const ADDRESS = '350 Fifth Avenue, New York, NY 10118';

let user: User;
let missed: Interview;
let secondChance: Interview;

const render = async (page: Promise<ReactElement>) => renderToStaticMarkup(await page);
/** What a reader sees: the text without tags, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replaceAll('&#x27;', "'")
    .replaceAll('&quot;', '"')
    .replace(/\s+/g, ' ');
const renderInterview = (id: string) =>
  render(InterviewPage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) }));

beforeAll(async () => {
  user = signInAs(
    await db.user.create({
      data: { email: `upcoming-${randomUUID()}@example.test`, name: 'Sam Candidate', timeZone: 'Europe/London' },
    }),
  );
  const shared = {
    userId: user.id,
    applicationId: (await createTestApplication(user.id, { company: 'Northwind', roleTitle: 'Data Engineer' })).id,
    company: 'Northwind',
    roleTitle: 'Data Engineer',
    timeZone: 'America/New_York',
    format: 'IN_PERSON' as const,
    location: ADDRESS,
    contactName: 'Priya Shah',
    contactPhone: '+1 212 555 0100',
    travelMinutes: 40,
    bufferMinutes: 20,
  };
  missed = await db.interview.create({
    data: { ...shared, scheduledStart: new Date(Date.now() - 5 * DAY_MS), status: 'RESCHEDULED' },
  });
  const incident = await db.missedIncident.create({
    data: {
      userId: user.id,
      interviewId: missed.id,
      reason: 'TRAFFIC_TRANSPORT',
      recoveryState: 'CLOSED',
      closedAt: new Date(),
      outcome: 'RESCHEDULED',
    },
  });
  secondChance = await db.interview.create({
    data: { ...shared, scheduledStart: SECOND_CHANCE_START, rescheduledFromId: missed.id },
  });
  await db.lesson.create({
    data: {
      userId: user.id,
      incidentId: incident.id,
      rootCause: 'TRAFFIC_TRANSPORT',
      whatHappened: 'The train was cancelled.',
      reviewedAt: new Date(),
      actions: { create: [{ text: 'Add 30 minutes of buffer to every journey', position: 0 }] },
    },
  });
});

afterAll(() => db.$disconnect());

describe('the second chance after a miss', () => {
  it('its page prepares positively and never brings up the miss', async () => {
    const text = textOf(await renderInterview(secondChance.id));
    expect(text).toContain('Data Engineer at Northwind');
    expect(text).not.toMatch(/\bmiss/i);
    expect(text).not.toMatch(/second.chance/i);
    expect(text).toContain('Arrive at least 15 minutes early');
    expect(text).toContain('Thank them for the opportunity');
    expect(text).toContain('Keep the focus on the role');
  });

  it('its edit page and its dashboard card do not bring it up either', async () => {
    expect(textOf(await render(EditInterviewPage({ params: Promise.resolve({ id: secondChance.id }) })))).not.toMatch(
      /\bmiss/i,
    );
    expect(textOf(await render(DashboardPage()))).not.toMatch(/\bmiss/i);
  });

  it('the missed interview itself still leads to its recovery', async () => {
    expect(await renderInterview(missed.id)).toContain('View the recovery');
  });
});

describe('the leave-by time', () => {
  // 09:00 − 15 min early − 20 min buffer − 30 min from the traffic lesson − 40 min travel.
  const LEAVE_BY = 'Leave by 07:15 (New York time, EST)';

  it('is shown once on the interview page, with the lesson’s extra time in it and both zones', async () => {
    const text = textOf(await renderInterview(secondChance.id));
    expect(text.match(/leave by/gi)).toHaveLength(1);
    expect(text).toContain(LEAVE_BY);
    expect(text).toContain('12:15 your time (London time, GMT)');
    expect(text).toMatch(/includes 30 min extra from your lesson \(traffic or transport\)/);
    expect(text).not.toMatch(/GMT[+-]\d/);
  });

  it('is the same single time on the dashboard’s next-interview card', async () => {
    const text = textOf(await render(DashboardPage()));
    expect(text.match(/leave by/gi)).toHaveLength(1);
    expect(text).toContain(LEAVE_BY);
    expect(text).toContain('12:15 your time (London time, GMT)');
    expect(text).toMatch(/includes 30 min extra from your lesson/);
    expect(text).not.toMatch(/GMT[+-]\d/);
  });
});

describe('the start time', () => {
  it('names both zones the way people read them', async () => {
    const text = textOf(await renderInterview(secondChance.id));
    expect(text).toContain('Thu, 14 Jan 2027, 09:00 (New York time, EST)');
    expect(text).toContain('Thu, 14 Jan 2027, 14:00 your time (London time, GMT)');
  });
});

describe('the timeline', () => {
  it('records a new interview’s time with its zone named the way people read it', async () => {
    const created = await createInterviewAction({
      company: 'Contoso',
      roleTitle: 'Analyst',
      date: '2027-02-01',
      startTime: '10:00',
      endTime: '11:00',
      timeZone: 'America/New_York',
      format: 'VIDEO',
      meetingUrl: 'https://meet.example.com/contoso',
    });
    if (!created.ok) throw new Error(created.message);
    if (!created.data.saved) throw new Error('not saved');
    const event = await db.activityEvent.findFirstOrThrow({ where: { interviewId: created.data.id, type: 'CREATED' } });
    expect(event.summary).toBe('Interview added for Mon, 1 Feb 2027, 10:00 (New York time, EST)');
    await db.interview.delete({ where: { id: created.data.id } });
  });
});

describe('the dashboard’s next interview', () => {
  it('carries the address with a map link, the contact’s number and the calendar file', async () => {
    const html = await render(DashboardPage());
    expect(html).toContain(`href="https://www.google.com/maps/search/?api=1&amp;query=${encodeURIComponent(ADDRESS)}"`);
    expect(textOf(html)).toContain(ADDRESS);
    expect(html).toContain('href="tel:+12125550100"');
    expect(html).toContain(`href="/api/interviews/${secondChance.id}/ics"`);
  });
});

describe('an interview’s page', () => {
  it('names the application it is a round of, with its stage, and links to it', async () => {
    const html = await renderInterview(secondChance.id);
    expect(html).toContain(`href="/applications/${secondChance.applicationId}">Northwind · Data Engineer</a>`);
    expect(textOf(html)).toContain('A round of your application Northwind · Data Engineer (Interviewing).');
  });
});

describe('the dashboard’s pipeline', () => {
  it('counts the applications in each open stage, each count opening the table for its stage', async () => {
    const stages = await db.applicationStage.findMany({ where: { userId: user.id }, orderBy: { position: 'asc' } });
    const interviewing = stages.find((stage) => stage.systemKey === 'INTERVIEWING');
    const counts = await db.application.groupBy({ by: ['stageId'], where: { userId: user.id }, _count: true });
    const inInterviewing = counts.find((row) => row.stageId === interviewing?.id)?._count ?? 0;
    expect(inInterviewing).toBeGreaterThan(0);

    const html = await render(DashboardPage());

    expect(html).toContain(
      `href="/applications/table?stage=${interviewing?.id}"><span class="block text-2xl font-semibold text-brand-900">${inInterviewing}</span>`,
    );
    expect(textOf(html)).toMatch(new RegExp(`Pipeline ${inInterviewing} active applications?\\.`));
  });
});

describe('the interview form', () => {
  it('suggests a contact phone for an in-person interview, as a hint and not an error', async () => {
    const html = await render(NewInterviewPage({ searchParams: Promise.resolve({}) }));
    expect(textOf(html)).toMatch(/Add their phone number/);
    expect(html).not.toMatch(/role="alert"[^>]*>[^<]*phone/i);
  });

  it('offers the open applications, and typing a company suggests the ones there are', async () => {
    const html = await render(NewInterviewPage({ searchParams: Promise.resolve({}) }));
    expect(textOf(html)).toContain('Northwind · Data Engineer (Interviewing)');
    expect(html).toMatch(
      /<datalist id="company-suggestions">(<option value="\w+"><\/option>)*<option value="Northwind">/,
    );
  });

  it('opened for an application ("Add a round"), is prefilled from it and its latest round, with its contacts', async () => {
    const contact = await db.applicationContact.create({
      data: { userId: user.id, applicationId: secondChance.applicationId, name: 'Priya Shah', email: 'priya@nw.test' },
    });
    const html = await render(
      NewInterviewPage({ searchParams: Promise.resolve({ application: secondChance.applicationId }) }),
    );
    expect(textOf(html)).toContain('Add a round: Data Engineer at Northwind');
    expect(html).toMatch(new RegExp(`<option value="${secondChance.applicationId}" selected="">`));
    expect(html).toMatch(/<option value="America\/New_York" selected="">/);
    expect(html).toContain('value="Round 3"');
    expect(html).toContain(`<option value="${contact.id}">Priya Shah (priya@nw.test)</option>`);
  });

  it("answers another user's application, or a malformed id, like a missing page", async () => {
    const other = await createTestApplication(
      (await db.user.create({ data: { email: `other-${randomUUID()}@example.test`, name: 'Other' } })).id,
    );
    await expect(
      render(NewInterviewPage({ searchParams: Promise.resolve({ application: other.id }) })),
    ).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    const html = await render(NewInterviewPage({ searchParams: Promise.resolve({ application: '../../etc' }) }));
    expect(textOf(html)).toContain('Add an interview');
  });
});

describe('the account’s time zone', () => {
  it('is shown on the account page the way people read it, to confirm or change', async () => {
    expect(textOf(await render(AccountPage()))).toMatch(/Times are shown in London time, (GMT|BST) \(Europe\/London\)/);
  });

  it('is the selected zone in the server’s HTML of the account and interview forms, not UTC until scripts load', async () => {
    expect(await render(AccountPage())).toMatch(/<option value="Europe\/London" selected="">/);
    expect(await render(EditInterviewPage({ params: Promise.resolve({ id: secondChance.id }) }))).toMatch(
      /<option value="America\/New_York" selected="">/,
    );
  });

  it('follows the browser through the banner’s action, which keeps only a known zone', async () => {
    const traveller = signInAs(
      await db.user.create({
        data: { email: `traveller-${randomUUID()}@example.test`, name: 'Tess', timeZone: 'UTC' },
      }),
    );
    try {
      expect(await updateTimeZoneAction({ timeZone: 'Mars/Olympus_Mons' })).toMatchObject({
        ok: false,
        fieldErrors: { timeZone: expect.stringMatching(/does not exist/) },
      });
      expect(await db.user.findUniqueOrThrow({ where: { id: traveller.id } })).toMatchObject({ timeZone: 'UTC' });
      expect(await updateTimeZoneAction({ timeZone: 'Asia/Tokyo' })).toEqual({ ok: true, data: undefined });
      expect(await db.user.findUniqueOrThrow({ where: { id: traveller.id } })).toMatchObject({
        timeZone: 'Asia/Tokyo',
        name: 'Tess',
      });
    } finally {
      signInAs(user);
    }
  });
});
