import { GET as exportApplicationsGet } from '@/app/api/applications/export/route';
import { GET as proofCsvGet } from '@/app/api/applications/proof/route';
import { getDb } from '@/lib/db';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import type { ApplicationCloseReason, ApplicationSource, ContactRole } from '@/lib/generated/prisma/enums';
import { listProofOfSearch } from '@/lib/server/applications/list-proof-of-search';
import { streamApplicationsCsv } from '@/lib/server/applications/stream-applications-csv';
import { streamProofOfSearchCsv } from '@/lib/server/applications/stream-proof-of-search-csv';
import { PROOF_INVERTED_MESSAGE, PROOF_TOO_LONG_MESSAGE } from '@/lib/validation/proof';
import { csvRows } from './support/csv';
import { createTestUser, ensureTestStages } from './support/factories';
import { signInAs } from './support/session';

// Route handlers read the session through getCurrentUser; each test says who is signed in.
jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.setTimeout(30_000);

const db = getDb();
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const PROOF_URL = `http://test/api/applications/proof?from=${OCTOBER.from}&to=${OCTOBER.to}`;

afterAll(() => db.$disconnect());

type Spec = {
  company: string;
  roleTitle?: string;
  source?: ApplicationSource;
  sourceDetail?: string;
  appliedOn: string | null;
  createdAt: string;
  stage: string;
  closeReason?: ApplicationCloseReason;
  contacts?: { name: string; email?: string; phone?: string; role: ContactRole }[];
  moves?: { from?: string; to: string; at: string }[];
};

async function createApplication(userId: string, spec: Spec) {
  const stages = await ensureTestStages(userId);
  const idOf = (key: string) => stages.find((stage) => stage.systemKey === key)?.id ?? '';
  const nameOf = (key: string) => stages.find((stage) => stage.systemKey === key)?.name ?? '';
  const roleTitle = spec.roleTitle ?? 'Engineer';
  const application = await db.application.create({
    data: {
      userId,
      company: spec.company,
      roleTitle,
      matchKey: applicationMatchKey(spec.company, roleTitle),
      source: spec.source ?? null,
      sourceDetail: spec.sourceDetail ?? null,
      appliedOn: spec.appliedOn ? new Date(`${spec.appliedOn}T00:00:00Z`) : null,
      createdAt: new Date(spec.createdAt),
      stageId: idOf(spec.stage),
      closeReason: spec.closeReason ?? null,
      closedAt: spec.closeReason ? new Date(spec.createdAt) : null,
      contacts: { create: (spec.contacts ?? []).map((contact) => ({ ...contact, userId })) },
    },
  });
  await db.stageChange.createMany({
    data: (spec.moves ?? []).map((move) => ({
      userId,
      applicationId: application.id,
      fromStageId: move.from ? idOf(move.from) : null,
      fromStageName: move.from ? nameOf(move.from) : null,
      toStageId: idOf(move.to),
      toStageName: nameOf(move.to),
      changedAt: new Date(move.at),
      cause: 'USER' as const,
    })),
  });
  return application;
}

/** A candidate in London with five applications around October, and another user's in it. */
async function seed() {
  const user = await createTestUser({ name: 'Sam Candidate', timeZone: 'Europe/London' });
  // Hostile text where a spreadsheet would read a formula.
  await createApplication(user.id, {
    company: '=HYPERLINK("http://evil.test","Acme")',
    roleTitle: '+Engineer',
    source: 'JOB_BOARD',
    sourceDetail: '-Indeed',
    appliedOn: '2026-10-05',
    createdAt: '2026-10-05T08:00:00Z',
    stage: 'SCREENING',
    contacts: [
      { name: '@Dana Reyes', email: 'dana@acme.test', phone: '+44 20 7946 0000', role: 'RECRUITER' },
      { name: 'Lee, "the boss"', role: 'HIRING_MANAGER' },
    ],
    moves: [
      { to: 'APPLIED', at: '2026-10-05T09:00:00Z' },
      { from: 'APPLIED', to: 'SCREENING', at: '2026-10-12T09:00:00Z' },
    ],
  });
  // Applied in September, rejected in October: activity in the period.
  await createApplication(user.id, {
    company: 'Globex',
    source: 'REFERRAL',
    appliedOn: '2026-09-01',
    createdAt: '2026-09-01T08:00:00Z',
    stage: 'REJECTED',
    closeReason: 'REJECTED',
    moves: [
      { to: 'APPLIED', at: '2026-09-01T09:00:00Z' },
      { from: 'APPLIED', to: 'REJECTED', at: '2026-10-20T09:00:00Z' },
    ],
  });
  // Applied in September and quiet since: not in October's report.
  await createApplication(user.id, {
    company: 'Quiet Ltd',
    appliedOn: '2026-09-02',
    createdAt: '2026-09-02T08:00:00Z',
    stage: 'APPLIED',
  });
  // No applied date: dated by its first activity, the last evening of October in London.
  await createApplication(user.id, {
    company: 'Initech',
    appliedOn: null,
    createdAt: '2026-10-31T23:30:00Z',
    stage: 'APPLIED',
  });
  // Applied the day after the period.
  await createApplication(user.id, {
    company: 'November Co',
    appliedOn: '2026-11-01',
    createdAt: '2026-11-01T08:00:00Z',
    stage: 'APPLIED',
  });
  const other = await createTestUser();
  await createApplication(other.id, {
    company: 'Victim Corp',
    appliedOn: '2026-10-10',
    createdAt: '2026-10-10T08:00:00Z',
    stage: 'APPLIED',
    contacts: [{ name: 'Victim Contact', email: 'victim@corp.test', role: 'RECRUITER' }],
    moves: [{ to: 'APPLIED', at: '2026-10-10T09:00:00Z' }],
  });
  return user;
}

/** The body's text with its byte order mark kept, and whether it had one. */
async function readCsv(body: Response | ReadableStream<Uint8Array>) {
  const bytes = new Uint8Array(await (body instanceof Response ? body : new Response(body)).arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { hasBom: text.startsWith('\uFEFF'), text: text.replace(/^\uFEFF/, '') };
}

describe('the proof of job search', () => {
  it('lists the applications of the range, and earlier ones that moved in it, with their history', async () => {
    const user = await seed();
    const { rows, isTruncated } = await listProofOfSearch(user.id, user.timeZone, OCTOBER);
    expect(isTruncated).toBe(false);
    expect(rows.map((row) => [row.date, row.company, row.isAppliedDate])).toEqual([
      ['2026-09-01', 'Globex', true],
      ['2026-10-05', '=HYPERLINK("http://evil.test","Acme")', true],
      ['2026-10-31', 'Initech', false],
    ]);
    const acme = rows[1];
    expect(acme?.history).toEqual([
      { on: '2026-10-05', fromStageName: null, toStageName: 'Applied' },
      { on: '2026-10-12', fromStageName: 'Applied', toStageName: 'Screening' },
    ]);
    expect(acme?.contacts.map((contact) => contact.name)).toEqual(['@Dana Reyes', 'Lee, "the boss"']);
    expect(rows[0]).toMatchObject({ stageName: 'Rejected', stageKind: 'CLOSED', closeReason: 'REJECTED' });
    // One day either side changes what is in it.
    const september = await listProofOfSearch(user.id, user.timeZone, { from: '2026-09-02', to: '2026-09-30' });
    expect(september.rows.map((row) => row.company)).toEqual(['Quiet Ltd']);
  });

  it('downloads the same rows as CSV, with a BOM, a filename naming the range and formulas neutralised', async () => {
    const user = signInAs(await seed());
    const response = await proofCsvGet(new Request(PROOF_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="rebound-proof-of-search-2026-10-01-to-2026-10-31.csv"',
    );
    const { hasBom, text } = await readCsv(response);
    expect(hasBom).toBe(true);
    expect(text).not.toContain('Victim');
    const rows = csvRows(text);
    expect(rows.map((row) => row.Employer)).toEqual(['Globex', `'=HYPERLINK("http://evil.test","Acme")`, 'Initech']);
    expect(rows[1]).toMatchObject({
      Date: '2026-10-05',
      'Date is': 'Applied',
      Position: "'+Engineer",
      'How applied': 'Job board: -Indeed',
      Contact: `'@Dana Reyes (recruiter)\nLee, "the boss" (hiring manager)`,
      'Contact email': 'dana@acme.test',
      'Contact phone': "'+44 20 7946 0000",
      Result: 'Screening (open)',
      'Stage history': '2026-10-05 Applied → 2026-10-12 Screening',
    });
    expect(rows[0]?.Result).toBe('Rejected (closed: rejected)');
    expect(rows[2]?.['Date is']).toBe('First activity');

    // Batches of two give the same file as one batch.
    const batched = await readCsv(await streamProofOfSearchCsv(user.id, user.timeZone, OCTOBER, { batchSize: 2 }));
    expect(batched.text).toBe(text);
  });

  it('refuses an inverted range, one over two years, and anyone signed out', async () => {
    signInAs(await createTestUser());
    const inverted = await proofCsvGet(new Request('http://test/api/applications/proof?from=2026-10-31&to=2026-10-01'));
    expect(inverted.status).toBe(400);
    expect(await inverted.json()).toEqual({ error: PROOF_INVERTED_MESSAGE });
    const tooLong = await proofCsvGet(new Request('http://test/api/applications/proof?from=2024-01-01&to=2026-01-02'));
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toEqual({ error: PROOF_TOO_LONG_MESSAGE });
    const impossible = await proofCsvGet(new Request('http://test/api/applications/proof?from=2026-02-30'));
    expect(impossible.status).toBe(400);
    const twoYears = await proofCsvGet(new Request('http://test/api/applications/proof?from=2024-01-01&to=2026-01-01'));
    expect(twoYears.status).toBe(200);
    await twoYears.body?.cancel();

    signInAs(null);
    const signedOut = await proofCsvGet(new Request(PROOF_URL));
    expect(signedOut.status).toBe(401);
  });
});

describe('the applications CSV export', () => {
  it('has every application of the user with its stage, contacts and stage history, nobody else’s', async () => {
    const user = signInAs(await seed());
    const response = await exportApplicationsGet(new Request('http://test/api/applications/export'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rebound-applications-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const { hasBom, text } = await readCsv(response);
    expect(hasBom).toBe(true);
    expect(text).not.toContain('Victim');
    const rows = csvRows(text);
    // In the order they were added.
    expect(rows.map((row) => row.Company)).toEqual([
      'Globex',
      'Quiet Ltd',
      `'=HYPERLINK("http://evil.test","Acme")`,
      'Initech',
      'November Co',
    ]);
    expect(rows[2]).toMatchObject({
      Role: "'+Engineer",
      Stage: 'Screening',
      Source: 'Job board',
      'Source detail': "'-Indeed",
      'Applied on': '2026-10-05',
      Contacts: `'@Dana Reyes (recruiter), dana@acme.test, +44 20 7946 0000\nLee, "the boss" (hiring manager)`,
      'Stage history': '2026-10-05 Applied → 2026-10-12 Screening',
    });
    expect(rows[0]).toMatchObject({ Stage: 'Rejected', 'Close reason': 'Rejected' });

    const batched = await readCsv(await streamApplicationsCsv(user.id, user.timeZone, { batchSize: 2 }));
    expect(batched.text).toBe(text);
  });

  it('refuses anyone signed out', async () => {
    signInAs(null);
    const response = await exportApplicationsGet(new Request('http://test/api/applications/export'));
    expect(response.status).toBe(401);
  });
});
