import { POST as uploadCsv } from '@/app/api/imports/csv/route';
import { getDb } from '@/lib/db';
import { readUpload } from '@/lib/server/imports/read-upload';
import { CSV_UPLOAD_RULES } from '@/lib/server/imports/create-csv-import';
import { createTestUser, ensureTestStages } from './support/factories';
import { signInAs } from './support/session';

jest.mock('@/lib/session', () => jest.requireActual('./support/session').sessionModule);

const db = getDb();
const ORIGIN = 'http://rebound.test';
const URL_ = `${ORIGIN}/api/imports/csv`;

afterAll(() => db.$disconnect());

type Body = BodyInit | Uint8Array;

/** A POST as the page's upload sends it: same origin, the file as the whole body or one multipart part. */
function rawRequest(body: Body, options: { type?: string; name?: string; origin?: string | null } = {}) {
  const headers = new Headers({ 'content-type': options.type ?? 'text/csv' });
  if (options.origin !== null) headers.set('origin', options.origin ?? ORIGIN);
  const url = options.name ? `${URL_}?name=${encodeURIComponent(options.name)}` : URL_;
  return new Request(url, { method: 'POST', headers, body: body as BodyInit });
}

function multipartRequest(file: File, origin = ORIGIN) {
  const form = new FormData();
  form.append('file', file);
  return new Request(URL_, { method: 'POST', headers: { origin }, body: form });
}

async function answer(response: Response) {
  return { status: response.status, body: (await response.json()) as { id?: string; url?: string; error?: string } };
}

async function signedInUser() {
  const user = await createTestUser({ timeZone: 'Europe/Berlin' });
  await ensureTestStages(user.id);
  return signInAs(user);
}

const importCount = (userId: string) => db.importJob.count({ where: { userId } });

const SMALL_CSV = 'Company,Job Title,Status,Date Applied\nAcme Ltd,Backend Engineer,Applied,2026-11-02\n';

describe('uploading a CSV file', () => {
  it('keeps a file that reads as an import waiting for its mapping step, and writes no application', async () => {
    const user = await signedInUser();
    const { status, body } = await answer(await uploadCsv(rawRequest(SMALL_CSV, { name: 'jobs.csv' })));
    expect(status).toBe(201);
    expect(body.url).toBe(`/imports/csv/${body.id}`);
    const job = await db.importJob.findUniqueOrThrow({ where: { id: body.id ?? '' } });
    expect(job).toMatchObject({
      userId: user.id,
      kind: 'CSV',
      status: 'PREVIEW',
      fileName: 'jobs.csv',
      fileBytes: Buffer.byteLength(SMALL_CSV),
      totalRows: 1,
      content: SMALL_CSV,
    });
    expect((job.options as { columns: unknown[]; timeZone: string }).columns).toHaveLength(4);
    expect((job.options as { timeZone: string }).timeZone).toBe('Europe/Berlin');
    expect(await db.application.count({ where: { userId: user.id } })).toBe(0);
  });

  it('reads the file from a multipart body too, with its own name', async () => {
    const user = await signedInUser();
    const file = new File([SMALL_CSV], 'from-huntr.csv', { type: 'text/csv' });
    const { status, body } = await answer(await uploadCsv(multipartRequest(file)));
    expect(status).toBe(201);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: body.id ?? '' } })).toMatchObject({
      userId: user.id,
      fileName: 'from-huntr.csv',
    });
  });

  it('refuses nobody signed in (401), another site (403), another type (415) and over 5 MB (413), storing nothing', async () => {
    signInAs(null);
    expect((await uploadCsv(rawRequest(SMALL_CSV))).status).toBe(401);

    const user = await signedInUser();
    const crossOrigin = await answer(await uploadCsv(rawRequest(SMALL_CSV, { origin: 'https://evil.example' })));
    expect(crossOrigin).toEqual({ status: 403, body: { error: 'This upload did not come from Rebound.' } });
    expect((await uploadCsv(rawRequest(SMALL_CSV, { origin: null }))).status).toBe(403);

    const wrongType = await answer(await uploadCsv(rawRequest(SMALL_CSV, { type: 'image/png' })));
    expect(wrongType).toEqual({ status: 415, body: { error: 'That file is not a CSV file.' } });
    const png = new File([SMALL_CSV], 'photo.png', { type: 'image/png' });
    expect((await uploadCsv(multipartRequest(png))).status).toBe(415);

    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61);
    const tooLarge = await answer(await uploadCsv(rawRequest(big)));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error).toMatch(/larger than 5 MB/);
    const bigFile = new File([big], 'big.csv', { type: 'text/csv' });
    expect((await uploadCsv(multipartRequest(bigFile))).status).toBe(413);

    expect(await importCount(user.id)).toBe(0);
  });

  it('refuses a file it cannot read with 422 and a message that says why, storing nothing', async () => {
    const user = await signedInUser();
    const binary = new Uint8Array(4096).map((_, index) => (index * 7919) % 256);
    const wide = `${Array.from({ length: 100 }, (_, index) => `Column ${index + 1}`).join(',')}\n${'x,'.repeat(99)}x\n`;
    const longCell = `Company,Role,Notes\nAcme Ltd,Engineer,${'n'.repeat(10_000)}\n`;
    const cases: [string, Body, RegExp][] = [
      ['binary', binary, /not a CSV/i],
      ['100 columns', wide, /100 columns/],
      ['a 10,000-character cell', longCell, /characters/],
      ['empty', new Uint8Array(), /empty/i],
    ];
    for (const [, body, message] of cases) {
      const { status, body: reply } = await answer(await uploadCsv(rawRequest(body, { name: 'file.csv' })));
      expect(status).toBe(422);
      expect(reply.error).toMatch(message);
    }
    expect(await importCount(user.id)).toBe(0);
  });
});

describe('readUpload', () => {
  it('takes the raw body with its name from the query, and a type the browser did not know by the extension', async () => {
    const raw = await readUpload(
      rawRequest('a,b\n', { type: 'application/octet-stream', name: 'list.tsv' }),
      CSV_UPLOAD_RULES,
    );
    expect(raw).toEqual({ ok: true, upload: { fileName: 'list.tsv', bytes: new TextEncoder().encode('a,b\n') } });
    const unnamed = await readUpload(rawRequest('a,b\n', { type: 'application/octet-stream' }), CSV_UPLOAD_RULES);
    expect(unnamed).toMatchObject({ ok: false, refusal: { status: 415 } });
  });

  it('takes exactly one file part of a multipart body', async () => {
    const file = new File(['a;b\n1;2\n'], 'excel.csv', { type: 'application/vnd.ms-excel' });
    const single = await readUpload(multipartRequest(file), CSV_UPLOAD_RULES);
    expect(single).toEqual({
      ok: true,
      upload: { fileName: 'excel.csv', bytes: new TextEncoder().encode('a;b\n1;2\n') },
    });

    const form = new FormData();
    form.append('one', new File(['a'], 'a.csv', { type: 'text/csv' }));
    form.append('two', new File(['b'], 'b.csv', { type: 'text/csv' }));
    const two = await readUpload(
      new Request(URL_, { method: 'POST', headers: { origin: ORIGIN }, body: form }),
      CSV_UPLOAD_RULES,
    );
    expect(two).toEqual({ ok: false, refusal: { status: 422, message: 'Send exactly one file.' } });

    const broken = new Request(URL_, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nnot a part',
    });
    expect(await readUpload(broken, CSV_UPLOAD_RULES)).toMatchObject({ ok: false, refusal: { status: 422 } });
  });

  it('stops reading a body that passes the limit without trusting its declared length', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
      },
    });
    const request = new Request(URL_, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'text/csv' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(await readUpload(request, CSV_UPLOAD_RULES)).toMatchObject({ ok: false, refusal: { status: 413 } });
    expect(pulled).toBeLessThan(10);
  });
});
