import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import AccountPage from '@/app/(app)/account/page';
import EditInterviewPage from '@/app/(app)/interviews/[id]/edit/page';
import EditLessonPage from '@/app/(app)/lessons/[lessonId]/edit/page';
import NotificationPreferencesPage from '@/app/(app)/notifications/preferences/page';
import { LessonStep } from '@/components/recovery/lesson-step';
import { saveNotificationPreferencesAction } from '@/lib/actions/notifications';
import { getDb } from '@/lib/db';
import { REMINDER_KINDS } from '@/lib/domain/reminders';
import type { NotificationPreferencesInput } from '@/lib/validation/notifications';
import { createTestApplication, createTestUser } from './support/factories';
import { signInAs } from './support/session';

// A form that edits saved data shows the saved values in the server's HTML: before scripts run
// (a slow connection, a reload) its fields read what is stored, not empty until hydration.
// Pages are rendered as Next.js renders them (see lessons-pages.test.ts).
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/navigation', () => ({
  ...jest.requireActual('next/navigation'),
  useRouter: () => ({ push: jest.fn(), refresh: jest.fn(), replace: jest.fn(), back: jest.fn(), prefetch: jest.fn() }),
}));
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();
afterAll(() => db.$disconnect());

const render = async (page: Promise<ReactElement> | ReactElement) => renderToStaticMarkup(await page);

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The opening tag of the one input, select or textarea carrying `attribute` (e.g. id="company"). */
function tagWith(html: string, attribute: string): string {
  const tags =
    html.match(new RegExp(`<(?:input|select|textarea)\\b[^>]*\\s${escapeForPattern(attribute)}[^>]*>`, 'g')) ?? [];
  if (tags.length !== 1) throw new Error(`${tags.length} controls with ${attribute}`);
  return tags[0]!;
}

/** What a text input shows before scripts run: its value attribute ('' when it has none). */
function inputValue(html: string, id: string): string {
  return tagWith(html, `id="${id}"`).match(/\svalue="([^"]*)"/)?.[1] ?? '';
}

function isChecked(html: string, attribute: string): boolean {
  return /\schecked=""/.test(tagWith(html, attribute));
}

/** The option a select shows before scripts run: the one marked selected, else its first. */
function selectedOption(html: string, id: string): string {
  const select = html.match(
    new RegExp(`<select\\b[^>]*\\sid="${escapeForPattern(id)}"[^>]*>([\\s\\S]*?)</select>`),
  )?.[1];
  if (select === undefined) throw new Error(`no select with id="${id}"`);
  const options = [...select.matchAll(/<option\b([^>]*)>/g)].map(([, attributes = '']) => attributes);
  const shown = options.find((attributes) => /\sselected=""/.test(attributes)) ?? options[0] ?? '';
  return shown.match(/\svalue="([^"]*)"/)?.[1] ?? '';
}

function textareaText(html: string, id: string): string {
  const text = html.match(
    new RegExp(`<textarea\\b[^>]*\\sid="${escapeForPattern(id)}"[^>]*>([\\s\\S]*?)</textarea>`),
  )?.[1];
  if (text === undefined) throw new Error(`no textarea with id="${id}"`);
  return text;
}

describe('saved values in the server’s HTML', () => {
  it('the notification preferences: the times and every checkbox as saved', async () => {
    signInAs(await createTestUser({ timeZone: 'Europe/London' }));
    const channels = Object.fromEntries(
      REMINDER_KINDS.map((kind) => [kind, { EMAIL: true, PUSH: false, IN_APP: true }]),
    ) as NotificationPreferencesInput['channels'];
    channels.LEAVE_BY = { EMAIL: false, PUSH: true, IN_APP: false };
    const saved = await saveNotificationPreferencesAction({
      allOff: true,
      eveningBeforeTime: '19:00',
      quietHoursStart: '22:30',
      quietHoursEnd: '06:45',
      channels,
    });
    expect(saved).toEqual({ ok: true, data: undefined });

    const html = await render(NotificationPreferencesPage());
    expect(inputValue(html, 'prefs-evening')).toBe('19:00');
    expect(inputValue(html, 'prefs-quiet-start')).toBe('22:30');
    expect(inputValue(html, 'prefs-quiet-end')).toBe('06:45');
    expect(isChecked(html, 'name="allOff"')).toBe(true);
    expect(isChecked(html, 'aria-label="Time to leave: Email"')).toBe(false);
    expect(isChecked(html, 'aria-label="Time to leave: Push"')).toBe(true);
    expect(isChecked(html, 'aria-label="The evening before: Email"')).toBe(true);
    expect(isChecked(html, 'aria-label="The evening before: Push"')).toBe(false);
  });

  it('the profile: the name and the zone', async () => {
    signInAs(await createTestUser({ name: 'Morgan Saved', timeZone: 'Asia/Tokyo' }));
    const html = await render(AccountPage());
    expect(inputValue(html, 'profile-name')).toBe('Morgan Saved');
    expect(selectedOption(html, 'profile-timeZone')).toBe('Asia/Tokyo');
  });

  it('the interview edit form: every field as saved', async () => {
    const user = signInAs(await createTestUser({ timeZone: 'Europe/London' }));
    const interview = await db.interview.create({
      data: {
        userId: user.id,
        applicationId: (await createTestApplication(user.id, { company: 'Initech', roleTitle: 'Platform Engineer' }))
          .id,
        company: 'Initech',
        roleTitle: 'Platform Engineer',
        roundLabel: 'Final',
        // 15 March 2027, 10:30 to 11:15 in New York (EDT).
        scheduledStart: new Date('2027-03-15T14:30:00Z'),
        durationMinutes: 45,
        timeZone: 'America/New_York',
        format: 'IN_PERSON',
        location: '1 Main Street',
        travelMinutes: 35,
        bufferMinutes: 10,
        contactName: 'Dana Recruiter',
        contactEmail: 'dana@initech.example',
        contactPhone: '+1 212 555 0100',
        notes: 'Bring the portfolio',
      },
    });
    const html = await render(EditInterviewPage({ params: Promise.resolve({ id: interview.id }) }));
    expect({
      company: inputValue(html, 'company'),
      roleTitle: inputValue(html, 'roleTitle'),
      roundLabel: inputValue(html, 'roundLabel'),
      date: inputValue(html, 'date'),
      startTime: inputValue(html, 'startTime'),
      endTime: inputValue(html, 'endTime'),
      timeZone: selectedOption(html, 'timeZone'),
      format: selectedOption(html, 'format'),
      location: inputValue(html, 'location'),
      travelMinutes: inputValue(html, 'travelMinutes'),
      bufferMinutes: inputValue(html, 'bufferMinutes'),
      contactName: inputValue(html, 'contactName'),
      contactEmail: inputValue(html, 'contactEmail'),
      contactPhone: inputValue(html, 'contactPhone'),
      notes: textareaText(html, 'notes'),
    }).toEqual({
      company: 'Initech',
      roleTitle: 'Platform Engineer',
      roundLabel: 'Final',
      date: '2027-03-15',
      startTime: '10:30',
      endTime: '11:15',
      timeZone: 'America/New_York',
      format: 'IN_PERSON',
      location: '1 Main Street',
      travelMinutes: '35',
      bufferMinutes: '10',
      contactName: 'Dana Recruiter',
      contactEmail: 'dana@initech.example',
      contactPhone: '+1 212 555 0100',
      notes: 'Bring the portfolio',
    });
  });

  it('the lesson edit form: the cause, what happened and each action', async () => {
    const user = signInAs(await createTestUser());
    const lesson = await db.lesson.create({
      data: {
        userId: user.id,
        rootCause: 'TIMEZONE_ERROR',
        whatHappened: 'I read the time in the wrong zone',
        actions: { create: [{ text: 'Write both zones in the calendar', position: 0 }] },
      },
    });
    const html = await render(
      EditLessonPage({ params: Promise.resolve({ lessonId: lesson.id }), searchParams: Promise.resolve({}) }),
    );
    expect(selectedOption(html, 'lesson-rootCause')).toBe('TIMEZONE_ERROR');
    expect(textareaText(html, 'lesson-whatHappened')).toBe('I read the time in the wrong zone');
    expect(inputValue(html, 'lesson-action-0')).toBe('Write both zones in the calendar');
  });

  it('the recovery’s lesson step: the cause and the explanation given when the recovery started', async () => {
    const html = await render(
      <LessonStep
        incidentId="incident"
        reason="SCHEDULE_MIXUP"
        explanation="I wrote down the wrong day"
        needsOutcome={false}
      />,
    );
    expect(selectedOption(html, 'lesson-rootCause')).toBe('SCHEDULE_MIXUP');
    expect(textareaText(html, 'lesson-whatHappened')).toBe('I wrote down the wrong day');
  });
});
