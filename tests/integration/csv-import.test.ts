import CsvImportPage from '@/app/(app)/imports/csv/[id]/page';
import { GET as skippedRowsGet } from '@/app/api/imports/csv/[id]/skipped/route';
import { confirmCsvImportAction, saveCsvImportOptionsAction } from '@/lib/actions/imports';
import { getDb } from '@/lib/db';
import type { CsvImportOptions } from '@/lib/domain/csv-import';
import { applicationMatchKey } from '@/lib/domain/application-stages';
import { readImportReport } from '@/lib/domain/import-report';
import { utcToZonedLocal, zonedLocalToUtc } from '@/lib/domain/time';
import { NotFoundError } from '@/lib/errors';
import type { User } from '@/lib/generated/prisma/client';
import { streamApplicationsCsv } from '@/lib/server/applications/stream-applications-csv';
import { createCsvImport } from '@/lib/server/imports/create-csv-import';
import { runCsvImport, STALE_RUN_MS } from '@/lib/server/imports/run-csv-import';
import { streamInterviewsCsv } from '@/lib/server/interviews/stream-interviews-csv';
import { startReminderWorker } from '@/lib/server/jobs/reminder-worker';
import { loadCsvImportPage } from '@/lib/server/pages/imports-csv';
import { csvRows } from './support/csv';
import { createTestUser, ensureTestStages } from './support/factories';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);
jest.mock('next/cache', () => ({ revalidatePath: jest.fn(), revalidateTag: jest.fn() }));

const db = getDb();
const ZONE = 'Europe/Berlin';
const DAY_MS = 86_400_000;

// Two exports and four imports on a real database: more than jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

afterAll(() => db.$disconnect());

async function newUser() {
  const user = await createTestUser({ timeZone: ZONE });
  await ensureTestStages(user.id);
  return user;
}

const streamText = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

/** Uploads the text as the route does (after its checks) and answers the import's id. */
async function upload(user: User, text: string, fileName = 'import.csv') {
  const created = await createCsvImport(user, { fileName, bytes: new TextEncoder().encode(text) });
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

/**
 * Confirms and runs an import the way the worker would, without a worker: QUEUED as the confirm
 * action leaves it (its job send is pg-boss's), then the job function itself.
 */
async function runImport(id: string, batchSize?: number) {
  await db.importJob.update({ where: { id }, data: { status: 'QUEUED' } });
  await runCsvImport(id, { batchSize });
  return db.importJob.findUniqueOrThrow({ where: { id } });
}

const localDay = (instant: Date) => utcToZonedLocal(instant, ZONE).slice(0, 10);
const at = (local: string, zone = ZONE) => zonedLocalToUtc(local, zone).instant;

/** The owner's applications, rounds, contacts and histories, by what a user sees (no ids). */
async function readAccount(userId: string) {
  const applications = await db.application.findMany({
    where: { userId },
    orderBy: { company: 'asc' },
    include: {
      stage: { select: { name: true } },
      contacts: { orderBy: { name: 'asc' } },
      stageChanges: { orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] },
      interviews: { orderBy: { scheduledStart: 'asc' } },
    },
  });
  return applications.map((application) => ({
    company: application.company,
    roleTitle: application.roleTitle,
    matchKey: application.matchKey,
    stage: application.stage.name,
    source: application.source,
    sourceDetail: application.sourceDetail,
    postingUrl: application.postingUrl,
    location: application.location,
    isRemote: application.isRemote,
    salary: [application.salaryMin, application.salaryMax, application.salaryCurrency, application.salaryPeriod],
    appliedOn: application.appliedOn,
    notes: application.notes,
    closed: application.closedAt !== null,
    closeReason: application.closeReason,
    contacts: application.contacts.map(({ name, email, phone, role }) => ({ name, email, phone, role })),
    history: application.stageChanges.map((change) => [
      localDay(change.changedAt),
      change.fromStageName,
      change.toStageName,
    ]),
    rounds: application.interviews.map((interview) => ({
      roundLabel: interview.roundLabel,
      scheduledStart: interview.scheduledStart,
      timeZone: interview.timeZone,
      durationMinutes: interview.durationMinutes,
      format: interview.format,
      location: interview.location,
      meetingUrl: interview.meetingUrl,
      status: interview.status,
      contactName: interview.contactName,
    })),
  }));
}

/** A user with three applications: one in Interviewing with two rounds and two contacts, one rejected, one just applied. */
async function seedSource(now: Date) {
  const user = await newUser();
  const stages = await ensureTestStages(user.id);
  const stage = (key: string) => {
    const found = stages.find((candidate) => candidate.systemKey === key);
    if (!found) throw new Error(key);
    return found;
  };
  const change = (applicationId: string, on: string, from: string | null, to: string) => ({
    userId: user.id,
    applicationId,
    fromStageId: from ? stage(from).id : null,
    fromStageName: from ? stage(from).name : null,
    toStageId: stage(to).id,
    toStageName: stage(to).name,
    changedAt: at(`${on}T12:00`),
    cause: 'USER' as const,
  });
  const acme = await db.application.create({
    data: {
      userId: user.id,
      company: 'Acme Ltd',
      roleTitle: 'Backend Engineer',
      matchKey: applicationMatchKey('Acme Ltd', 'Backend Engineer'),
      stageId: stage('INTERVIEWING').id,
      source: 'REFERRAL',
      sourceDetail: 'Sam from the meetup',
      postingUrl: 'https://jobs.acme.test/123',
      location: 'Berlin',
      isRemote: true,
      salaryMin: 60000,
      salaryMax: 70000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'YEAR',
      appliedOn: new Date('2026-10-01T00:00:00Z'),
      notes: '=HYPERLINK("http://evil.test") is what the posting said\nsecond line',
      createdAt: at('2026-10-01T09:00'),
    },
  });
  const globex = await db.application.create({
    data: {
      userId: user.id,
      company: 'Globex',
      roleTitle: 'Data Analyst',
      matchKey: applicationMatchKey('Globex', 'Data Analyst'),
      stageId: stage('REJECTED').id,
      closedAt: at('2026-11-02T12:00'),
      closeReason: 'REJECTED',
      source: 'JOB_BOARD',
      appliedOn: new Date('2026-10-20T00:00:00Z'),
      notes: '-5 points for the take-home',
      createdAt: at('2026-10-20T09:00'),
    },
  });
  const initech = await db.application.create({
    data: {
      userId: user.id,
      company: 'Initech',
      roleTitle: 'Site Reliability Engineer',
      matchKey: applicationMatchKey('Initech', 'Site Reliability Engineer'),
      stageId: stage('APPLIED').id,
      createdAt: at('2026-11-10T09:00'),
    },
  });
  await db.stageChange.createMany({
    data: [
      change(acme.id, '2026-10-01', null, 'APPLIED'),
      change(acme.id, '2026-10-05', 'APPLIED', 'SCREENING'),
      change(acme.id, '2026-10-10', 'SCREENING', 'INTERVIEWING'),
      change(globex.id, '2026-10-20', null, 'APPLIED'),
      change(globex.id, '2026-11-02', 'APPLIED', 'REJECTED'),
      change(initech.id, '2026-11-10', null, 'APPLIED'),
    ],
  });
  await db.applicationContact.createMany({
    data: [
      {
        userId: user.id,
        applicationId: acme.id,
        name: 'Dana Recruiter',
        email: 'dana@acme.test',
        phone: '+49 30 1234',
        role: 'RECRUITER',
        createdAt: at('2026-10-02T09:00'),
      },
      {
        userId: user.id,
        applicationId: acme.id,
        name: 'Lee Manager',
        role: 'HIRING_MANAGER',
        createdAt: at('2026-10-03T09:00'),
      },
    ],
  });
  const futureDay = utcToZonedLocal(new Date(now.getTime() + 30 * DAY_MS), 'America/New_York').slice(0, 10);
  // Each round added on a day of its own, as the form adds them: the interviews export tells
  // rounds apart by company, role and when each was added.
  await db.interview.createMany({
    data: [
      {
        userId: user.id,
        applicationId: acme.id,
        company: 'Acme Ltd',
        roleTitle: 'Backend Engineer',
        roundLabel: 'Phone screen',
        createdAt: at('2026-10-06T09:00'),
        scheduledStart: at('2026-10-07T10:00'),
        durationMinutes: 30,
        timeZone: ZONE,
        format: 'PHONE',
        status: 'COMPLETED',
        contactName: 'Dana Recruiter',
      },
      {
        userId: user.id,
        applicationId: acme.id,
        company: 'Acme Ltd',
        roleTitle: 'Backend Engineer',
        roundLabel: 'Onsite',
        createdAt: at('2026-10-12T09:00'),
        scheduledStart: at(`${futureDay}T14:00`, 'America/New_York'),
        durationMinutes: 90,
        timeZone: 'America/New_York',
        format: 'VIDEO',
        meetingUrl: 'https://meet.acme.test/onsite',
        status: 'SCHEDULED',
        contactName: 'Lee Manager',
      },
      {
        userId: user.id,
        applicationId: globex.id,
        company: 'Globex',
        roleTitle: 'Data Analyst',
        roundLabel: 'Take-home review',
        createdAt: at('2026-10-25T09:00'),
        scheduledStart: at('2026-10-28T16:30'),
        durationMinutes: 60,
        timeZone: ZONE,
        format: 'IN_PERSON',
        location: 'Globex HQ, Friedrichstraße 1, Berlin',
        status: 'CANCELLED',
      },
    ],
  });
  return user;
}

describe('a Rebound export imported into a new account', () => {
  it('reproduces its applications, rounds, contacts and stage history, and importing it again creates nothing', async () => {
    const now = new Date();
    const source = await seedSource(now);
    const applicationsCsv = await streamText(await streamApplicationsCsv(source.id, ZONE));
    const interviewsCsv = await streamText(await streamInterviewsCsv(source.id));
    // The export itself neutralises the formula-looking notes.
    expect(csvRows(applicationsCsv.replace(/^\uFEFF/, '')).map((row) => row.Notes)).toContain(
      `'=HYPERLINK("http://evil.test") is what the posting said\nsecond line`,
    );

    const target = await newUser();
    const applicationsImport = await upload(target, applicationsCsv, 'rebound-applications.csv');
    const page = await loadCsvImportPage(target, applicationsImport);
    if (page.status !== 'PREVIEW') throw new Error('expected the mapping step');
    expect(page.mapping.presetLabel).toBeTruthy();
    expect(page.dryRun).toMatchObject({ rows: 3, skippedCount: 0 });
    expect(page.dryRun.created).toMatchObject({ applications: 3, contacts: 2, stageChanges: 6 });
    expect(await db.application.count({ where: { userId: target.id } })).toBe(0);

    const applicationsJob = await runImport(applicationsImport);
    expect(applicationsJob).toMatchObject({ status: 'DONE', content: null, processedRows: 3 });
    // The dry run planned what the import wrote: the same code decides both.
    const report = readImportReport(applicationsJob.report);
    expect(report.created).toEqual(page.dryRun.created);

    const interviewsImport = await upload(target, interviewsCsv, 'rebound-interviews.csv');
    expect(await runImport(interviewsImport)).toMatchObject({ status: 'DONE' });

    const expected = await readAccount(source.id);
    expect(await readAccount(target.id)).toEqual(expected);
    expect(expected[0]?.rounds).toHaveLength(2);
    // The round still to come has its reminders; the one past has none.
    const onsite = await db.interview.findFirstOrThrow({ where: { userId: target.id, roundLabel: 'Onsite' } });
    expect(await db.reminder.count({ where: { interviewId: onsite.id } })).toBeGreaterThan(0);

    const counts = async () => ({
      applications: await db.application.count({ where: { userId: target.id } }),
      interviews: await db.interview.count({ where: { userId: target.id } }),
      contacts: await db.applicationContact.count({ where: { userId: target.id } }),
      stageChanges: await db.stageChange.count({ where: { userId: target.id } }),
    });
    const before = await counts();
    const again = await runImport(await upload(target, applicationsCsv));
    const againInterviews = await runImport(await upload(target, interviewsCsv));
    expect(await counts()).toEqual(before);
    expect(readImportReport(again.report)).toMatchObject({
      created: { applications: 0, interviews: 0, contacts: 0, stageChanges: 0 },
      unchanged: 3,
    });
    expect(readImportReport(againInterviews.report).created.interviews).toBe(0);
  });
});

describe('a larger file', () => {
  it('goes in 250 rows at a time, every batch in the report, and the progress reaches the total', async () => {
    const user = await newUser();
    const rows = Array.from(
      { length: 1_000 },
      (_, index) => `Company ${index},Engineer ${index % 7},Applied,2026-0${1 + (index % 9)}-1${index % 10}`,
    );
    const id = await upload(user, `Company,Role,Status,Date Applied\n${rows.join('\n')}\n`);
    const job = await runImport(id);
    expect(job).toMatchObject({ status: 'DONE', totalRows: 1_000, processedRows: 1_000 });
    const report = readImportReport(job.report);
    expect(
      report.batches.map(({ firstRow, lastRow, rows: count, state }) => [firstRow, lastRow, count, state]),
    ).toEqual([
      [2, 251, 250, 'written'],
      [252, 501, 250, 'written'],
      [502, 751, 250, 'written'],
      [752, 1001, 250, 'written'],
    ]);
    expect(report.created).toEqual({ applications: 1_000, interviews: 0, contacts: 0, stageChanges: 1_000 });
    expect(await db.application.count({ where: { userId: user.id, importKey: { not: null } } })).toBe(1_000);
  });
});

describe('a batch that fails', () => {
  it('leaves the batches before it written and nothing of its own, and the report says which rows went in', async () => {
    const user = await newUser();
    const companies = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Boom Ltd', 'Foxtrot', 'Golf'];
    const text = `Company,Role\n${companies.map((company) => `${company},Engineer`).join('\n')}\n`;
    const id = await upload(user, text);
    // A genuine constraint violation in the database, for the fifth data row only (batch 2 of 3).
    await db.$executeRawUnsafe(
      `ALTER TABLE "Application" ADD CONSTRAINT csv_import_test_no_boom CHECK (company <> 'Boom Ltd') NOT VALID`,
    );
    let job;
    try {
      job = await runImport(id, 3);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "Application" DROP CONSTRAINT csv_import_test_no_boom`);
    }
    expect(job.status).toBe('FAILED');
    const written = await db.application.findMany({ where: { userId: user.id }, orderBy: { company: 'asc' } });
    expect(written.map((application) => application.company)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await db.stageChange.count({ where: { userId: user.id } })).toBe(3);
    const report = readImportReport(job.report);
    expect(report.batches.map(({ firstRow, lastRow, state }) => [firstRow, lastRow, state])).toEqual([
      [2, 4, 'written'],
      [5, 7, 'failed'],
      [8, 8, 'not-run'],
    ]);
    expect(report.created.applications).toBe(3);
    expect(report.failure).toMatch(/^Batch 2 \(rows 5–7\) could not be written, so none of its rows went in: /);
    expect(job.error).toBe(report.failure);
    expect(job.processedRows).toBe(3);
  });
});

describe('a run whose worker was killed', () => {
  it('is taken over where its report stopped once it has gone quiet, and never while it is still writing', async () => {
    const user = await newUser();
    const companies = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf'];
    const text = `Company,Role\n${companies.map((company) => `${company},Engineer`).join('\n')}\n`;
    const id = await upload(user, text);
    // Leaves the database as a run killed after its first batch would: batch 1 written and in the
    // report, the import still RUNNING. (Batch 2 fails here only to stop the run at that point.)
    await db.$executeRawUnsafe(
      `ALTER TABLE "Application" ADD CONSTRAINT csv_import_test_stop CHECK (company <> 'Delta') NOT VALID`,
    );
    try {
      await runImport(id, 3);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "Application" DROP CONSTRAINT csv_import_test_stop`);
    }
    const stopped = readImportReport((await db.importJob.findUniqueOrThrow({ where: { id } })).report);
    const killed = {
      ...stopped,
      failure: null,
      batches: stopped.batches.map((batch) =>
        batch.state === 'failed' ? { ...batch, state: 'not-run' as const } : batch,
      ),
    };
    await db.importJob.update({ where: { id }, data: { status: 'RUNNING', error: null, report: killed } });

    // Still writing, as far as anyone can tell: another run leaves it alone.
    await runCsvImport(id, { batchSize: 3 });
    expect(await db.importJob.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({
      status: 'RUNNING',
    });
    expect(await db.application.count({ where: { userId: user.id } })).toBe(3);

    // Quiet for longer than any batch may take: the retry takes it over.
    await runCsvImport(id, { batchSize: 3, now: new Date(Date.now() + STALE_RUN_MS + 60_000) });
    const job = await db.importJob.findUniqueOrThrow({ where: { id } });
    expect(job.status).toBe('DONE');
    const written = await db.application.findMany({ where: { userId: user.id }, orderBy: { company: 'asc' } });
    expect(written.map((application) => application.company)).toEqual(companies);
    expect(await db.stageChange.count({ where: { userId: user.id } })).toBe(companies.length);
    const report = readImportReport(job.report);
    expect(report.batches.map(({ state }) => state)).toEqual(['written', 'written', 'written']);
    expect(report.created.applications).toBe(companies.length);
    expect(report.unchanged).toBe(0);
  });
});

describe('the mapping step', () => {
  const choices = (options: CsvImportOptions) => ({
    columns: options.columns,
    stages: Object.entries(options.stageMap).map(([value, stageId]) => ({ value, stageId })),
    dateOrder: options.dateOrder,
    timeZone: options.timeZone,
  });

  it('refuses a field on two columns and a stage that is not the user’s, saving nothing, and saves a remap', async () => {
    const user = signInAs(await newUser());
    const id = await upload(user, 'Company,Role,Status,Notes\nAcme Ltd,Engineer,Phone screen,hello\n');
    const stored = (await db.importJob.findUniqueOrThrow({ where: { id } })).options as CsvImportOptions;
    expect(stored.columns.slice(0, 2)).toEqual(['company', 'roleTitle']);

    const twice = await saveCsvImportOptionsAction({
      id,
      values: { ...choices(stored), columns: ['company', 'company', 'stage', 'notes'] },
    });
    expect(twice).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(twice.ok === false && twice.fieldErrors?.['columns.1']).toMatch(/Company is already column 1/);

    const stranger = await newUser();
    const foreignStage = await db.applicationStage.findFirstOrThrow({ where: { userId: stranger.id } });
    const unknownStage = await saveCsvImportOptionsAction({
      id,
      values: { ...choices(stored), stages: [{ value: 'Phone screen', stageId: foreignStage.id }] },
    });
    expect(unknownStage).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(unknownStage.ok === false && unknownStage.fieldErrors?.['stages.0.stageId']).toBe(
      'That stage no longer exists. Choose another one.',
    );
    expect((await db.importJob.findUniqueOrThrow({ where: { id } })).options).toEqual(stored);

    const screening = await db.applicationStage.findFirstOrThrow({
      where: { userId: user.id, systemKey: 'SCREENING' },
    });
    const saved = await saveCsvImportOptionsAction({
      id,
      values: {
        ...choices(stored),
        columns: ['company', 'roleTitle', 'stage', null],
        stages: [{ value: 'Phone screen', stageId: screening.id }],
      },
    });
    expect(saved).toEqual({ ok: true, data: { id } });
    const page = await loadCsvImportPage(user, id);
    if (page.status !== 'PREVIEW') throw new Error('expected the mapping step');
    expect(page.preview).toEqual([expect.objectContaining({ company: 'Acme Ltd', stageName: 'Screening' })]);
    expect(page.mapping.columns.map((column) => column.field)).toEqual(['company', 'roleTitle', 'stage', null]);

    // A stage column the form did not know yet: its values get the upload's first guess.
    const fresh = await saveCsvImportOptionsAction({
      id,
      values: { ...choices(stored), columns: ['company', 'roleTitle', 'stage', null], stages: [] },
    });
    expect(fresh.ok).toBe(true);
    const after = (await db.importJob.findUniqueOrThrow({ where: { id } })).options as CsvImportOptions;
    expect(after.stageMap).toEqual({ 'Phone screen': screening.id });
  });

  it('skips rows without a company or role, and their download carries the original cells and the reason, inert', async () => {
    const user = signInAs(await newUser());
    const id = await upload(user, 'Company,Role,Notes\nAcme Ltd,Engineer,fine\n,Designer,=1+2\n');
    const page = await loadCsvImportPage(user, id);
    if (page.status !== 'PREVIEW') throw new Error('expected the mapping step');
    expect(page.dryRun).toMatchObject({ rows: 1, skippedCount: 1 });
    expect(page.dryRun.skipped[0]).toMatchObject({ rowNumber: 3 });

    const response = await skippedRowsGet(new Request(`http://test/api/imports/csv/${id}/skipped`), {
      params: Promise.resolve({ id }),
    });
    expect(response.status).toBe(200);
    const rows = csvRows((await response.text()).replace(/^\uFEFF/, ''));
    expect(rows).toEqual([{ Company: '', Role: 'Designer', Notes: "'=1+2", Reason: page.dryRun.skipped[0]?.reason }]);
  });
});

describe("another user's import", () => {
  it('is not found by the page, the options and confirm actions, or the skipped rows download', async () => {
    const owner = await newUser();
    const id = await upload(owner, 'Company,Role\nAcme Ltd,Engineer\n');
    const before = await db.importJob.findUniqueOrThrow({ where: { id } });
    const attacker = signInAs(await newUser());

    await expect(loadCsvImportPage(attacker, id)).rejects.toBeInstanceOf(NotFoundError);
    // The page answers its not-found page, as for an id that is made up or malformed.
    for (const guess of [id, 'c'.repeat(25), '../x']) {
      await expect(CsvImportPage({ params: Promise.resolve({ id: guess }) })).rejects.toMatchObject({
        digest: 'NEXT_HTTP_ERROR_FALLBACK;404',
      });
    }
    const stored = before.options as CsvImportOptions;
    expect(
      await saveCsvImportOptionsAction({
        id,
        values: { columns: stored.columns, stages: [], dateOrder: 'DMY', timeZone: ZONE },
      }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'That import does not exist.' });
    expect(await confirmCsvImportAction({ id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const download = await skippedRowsGet(new Request(`http://test/api/imports/csv/${id}/skipped`), {
      params: Promise.resolve({ id }),
    });
    expect(download.status).toBe(404);
    expect(await db.importJob.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});

describe('confirming an import', () => {
  it('queues it once, and the worker imports it in the background', async () => {
    const worker = await startReminderWorker({
      connectionString: process.env.DATABASE_URL as string,
      pollingIntervalSeconds: 0.5,
      schedule: false,
      log: () => undefined,
    });
    try {
      const user = signInAs(await newUser());
      const id = await upload(user, 'Company,Role\nAcme Ltd,Engineer\nGlobex,Analyst\n');
      expect(await db.application.count({ where: { userId: user.id } })).toBe(0);
      expect(await confirmCsvImportAction({ id })).toEqual({ ok: true, data: { id, queued: true } });
      // A second confirm (another tab) queues nothing more.
      expect(await confirmCsvImportAction({ id })).toEqual({ ok: true, data: { id, queued: false } });
      const jobs = await db.$queryRawUnsafe<{ count: bigint }[]>(
        `SELECT count(*) FROM pgboss.job WHERE name = 'csv-import' AND data->>'importId' = $1`,
        id,
      );
      expect(Number(jobs[0]?.count)).toBe(1);
      let job = await db.importJob.findUniqueOrThrow({ where: { id } });
      // The worker polls; wait for the outcome itself rather than for a time.
      for (let attempt = 0; attempt < 200 && (job.status === 'QUEUED' || job.status === 'RUNNING'); attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = await db.importJob.findUniqueOrThrow({ where: { id } });
      }
      expect(job).toMatchObject({ status: 'DONE', processedRows: 2, content: null });
      expect(await db.application.count({ where: { userId: user.id } })).toBe(2);
      // Once started, the choices can no longer change.
      expect(
        await saveCsvImportOptionsAction({
          id,
          values: { columns: ['company', 'roleTitle'], stages: [], dateOrder: 'DMY', timeZone: ZONE },
        }),
      ).toMatchObject({ ok: false, code: 'CONFLICT' });
    } finally {
      await worker.stop();
    }
  });
});
