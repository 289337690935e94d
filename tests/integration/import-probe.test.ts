import { POST as uploadInvitation } from '@/app/api/imports/calendar/route';
import { POST as uploadCsv } from '@/app/api/imports/csv/route';
import { getDb } from '@/lib/db';
import { createTestUser, ensureTestStages } from './support/factories';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);

// Inputs found by probing the running app from outside, each of which once answered 500.

const db = getDb();
const ORIGIN = 'http://rebound.test';

afterAll(() => db.$disconnect());

function upload(kind: 'csv' | 'calendar', body: Uint8Array | string, name: string, type: string) {
  return new Request(`${ORIGIN}/api/imports/${kind}?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': type },
    body: body as BodyInit,
  });
}

async function signedInUser() {
  const user = await createTestUser({ timeZone: 'Europe/Berlin' });
  await ensureTestStages(user.id);
  return signInAs(user);
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

const INVITATION = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Probe//EN',
  'BEGIN:VEVENT',
  'UID:probe-1@example.com',
  'DTSTAMP:20261201T100000Z',
  'DTSTART:20261210T100000Z',
  'DTEND:20261210T110000Z',
  'SUMMARY:Interview',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('NUL characters, which PostgreSQL cannot store in text', () => {
  it('refuse a CSV with a NUL past the first 64 KB with the binary-file message, writing nothing', async () => {
    const user = await signedInUser();
    const csv = 'Company,Role\n' + 'Acme,Dev\n'.repeat(9000) + 'X\u0000,Y\n';
    const response = await uploadCsv(upload('csv', csv, 'jobs.csv', 'text/csv'));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toMatch(/binary data/);
    expect(await db.importJob.count({ where: { userId: user.id } })).toBe(0);
  });

  it('refuse a UTF-16 CSV holding a NUL character, writing nothing', async () => {
    const user = await signedInUser();
    const response = await uploadCsv(upload('csv', utf16le('Company\tRole\nA\u0000c\tDev\n'), 'jobs.csv', 'text/csv'));
    expect(response.status).toBe(422);
    expect(await db.importJob.count({ where: { userId: user.id } })).toBe(0);
  });

  it('are dropped from a file name, with the other control characters, for a CSV and an invitation', async () => {
    const user = await signedInUser();
    const csv = await uploadCsv(upload('csv', 'Company,Role\nAcme,Dev\n', 'a\u0000b\u0007.csv', 'text/csv'));
    expect(csv.status).toBe(201);
    const ics = await uploadInvitation(upload('calendar', INVITATION, 'in\u0000vite.ics', 'text/calendar'));
    expect(ics.status).toBe(201);
    const form = new FormData();
    form.append('file', new File(['Company,Role\nAcme,Dev\n'], 'part\u0000.csv', { type: 'text/csv' }));
    const part = await uploadCsv(
      new Request(`${ORIGIN}/api/imports/csv`, { method: 'POST', headers: { origin: ORIGIN }, body: form }),
    );
    expect(part.status).toBe(201);
    const names = await db.importJob.findMany({ where: { userId: user.id }, select: { fileName: true } });
    expect(names.map((job) => job.fileName).sort()).toEqual(['ab.csv', 'invite.ics', 'part.csv']);
  });
});

describe('an invitation that lasts longer than a day', () => {
  // Its minutes once went straight into a later update of the interview: ten years moved it to
  // a five-million-minute round, and year 1 to 9999 overflowed the column and answered 500.
  it.each([
    ['ten years', 'DTEND:20361210T100000Z'],
    ['year 1 to 9999', 'DTEND:99991231T100000Z'],
    ['a DURATION of two days', 'DURATION:P2D'],
  ])('is refused with its reason when it lasts %s, writing nothing', async (_, end) => {
    const user = await signedInUser();
    const ics = INVITATION.replace('DTEND:20261210T110000Z', end).replace(
      end.startsWith('DTEND:9999') ? 'DTSTART:20261210T100000Z' : '\u0000',
      'DTSTART:00010101T100000Z',
    );
    const response = await uploadInvitation(upload('calendar', ics, 'long.ics', 'text/calendar'));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toBe(
      'This event lasts longer than a day, which no interview does: ask the employer for a corrected invitation, or add the interview by hand.',
    );
    expect(await db.importJob.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe('an invitation with a date or time that is not on the calendar', () => {
  // ical.js rolls such a value over, so month 13, day 99 once read as an interview in April 2027.
  it.each([
    ['a 13th month', 'DTSTART:20261399T100000Z', 'DTEND:20261399T110000Z', '2026-13-99T10:00:00Z'],
    ['30 February', 'DTSTART:20260230T100000Z', 'DTEND:20260230T110000Z', '2026-02-30T10:00:00Z'],
    ['hour 25', 'DTSTART:20261210T100000Z', 'DTEND:20261210T250000Z', '2026-12-10T25:00:00Z'],
  ])('is refused with its reason when it has %s, writing nothing', async (_, start, end, shown) => {
    const user = await signedInUser();
    const ics = INVITATION.replace('DTSTART:20261210T100000Z', start).replace('DTEND:20261210T110000Z', end);
    const response = await uploadInvitation(upload('calendar', ics, 'bad-date.ics', 'text/calendar'));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toBe(
      `This event has a date or time that is not on the calendar (${shown}): ask the employer for a corrected invitation.`,
    );
    expect(await db.importJob.count({ where: { userId: user.id } })).toBe(0);
  });
});
