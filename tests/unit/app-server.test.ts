import {
  findActionBodyProblem,
  findArgumentListProblem,
  isServerActionCall,
  MAX_ACTION_BODY_DEPTH,
} from '@/scripts/lib/action-body.mjs';
import {
  bodyLimitFor,
  declaresOversizedBody,
  hasDecodablePath,
  MAX_BODY_BYTES,
  MAX_IMPORT_BODY_BYTES,
} from '@/scripts/lib/app-server.mjs';

const TEXT = { 'content-type': 'text/plain;charset=UTF-8' };

/** A multipart body as the browser would post it, with its Content-Type. */
async function multipart(
  entries: [string, string | File][],
): Promise<{ headers: Record<string, string>; body: Buffer }> {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  const response = new Response(form);
  return {
    headers: { 'content-type': response.headers.get('content-type') ?? '' },
    body: Buffer.from(await response.arrayBuffer()),
  };
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('the launcher refuses what Next.js would answer with a 500', () => {
  it.each(['/interviews/%C0%AF', '/api/calendar/%E0%A4%A', '/lessons/%ZZ/edit', '/%'])('%s does not decode', (url) => {
    expect(hasDecodablePath(url)).toBe(false);
  });

  it.each(['/', '/interviews/abc', '/interviews?q=%00', '/search/caf%C3%A9', '/interviews?q=%ZZ'])(
    '%s does (the query is the page’s to read)',
    (url) => {
      expect(hasDecodablePath(url)).toBe(true);
    },
  );

  it('reads the declared body length against the limit', () => {
    expect(declaresOversizedBody({ 'content-length': String(MAX_BODY_BYTES + 1) })).toBe(true);
    expect(declaresOversizedBody({ 'content-length': String(MAX_BODY_BYTES) })).toBe(false);
    expect(declaresOversizedBody({})).toBe(false);
  });

  it('lets the upload routes alone take files up to 5 MB', () => {
    expect(MAX_IMPORT_BODY_BYTES).toBeGreaterThan(5 * 1024 * 1024);
    expect(bodyLimitFor('/api/imports/csv')).toBe(MAX_IMPORT_BODY_BYTES);
    expect(bodyLimitFor('/api/imports/calendar?x=1')).toBe(MAX_IMPORT_BODY_BYTES);
    for (const url of [
      '/api/import',
      '/api/importsx/csv',
      '/interviews/new',
      '/x/api/imports/csv',
      '/?/api/imports/',
    ]) {
      expect(bodyLimitFor(url)).toBe(MAX_BODY_BYTES);
    }
    const twoMegabytes = { 'content-length': String(2 * 1024 * 1024) };
    expect(declaresOversizedBody(twoMegabytes, bodyLimitFor('/api/imports/csv'))).toBe(false);
    expect(declaresOversizedBody(twoMegabytes, bodyLimitFor('/dashboard'))).toBe(true);
  });
});

describe('a server action body Next.js cannot decode', () => {
  it('is looked for in POSTs with a Next-Action header to pages, not in route handlers', () => {
    expect(isServerActionCall({ method: 'POST', url: '/dashboard?x=1', headers: { 'next-action': 'abc' } })).toBe(true);
    expect(isServerActionCall({ method: 'POST', url: '/', headers: { 'next-action': '' } })).toBe(true);
    expect(isServerActionCall({ method: 'POST', url: '/dashboard', headers: {} })).toBe(false);
    expect(isServerActionCall({ method: 'GET', url: '/dashboard', headers: { 'next-action': 'abc' } })).toBe(false);
    expect(
      isServerActionCall({ method: 'POST', url: '/api/push/subscriptions', headers: { 'next-action': 'abc' } }),
    ).toBe(false);
    expect(isServerActionCall({ method: 'POST', url: '/apiary', headers: { 'next-action': 'abc' } })).toBe(true);
  });

  it('is an empty body', async () => {
    expect(await findActionBodyProblem(TEXT, Buffer.alloc(0))).toBe('its body is empty');
    expect(await findActionBodyProblem(TEXT, Buffer.from(' \r\n'))).toBe('its body is empty');
  });

  it.each(['null', 'true', '42', '"text"'])('is JSON that is no list of arguments: %s', async (body) => {
    expect(await findActionBodyProblem(TEXT, Buffer.from(body))).toBe('its body is not a JSON list of arguments');
  });

  it.each(['name=Acme', '<xml/>', '[1,2', '[1,]', '{"a":1,}', '[1] x', '["\u0001"]', '["\\x"]', '[01]', '\ufeff[1]'])(
    'is a body that is not JSON: %s',
    async (body) => {
      expect(await findActionBodyProblem(TEXT, Buffer.from(body))).toMatch(/not (valid JSON|a JSON list)/);
    },
  );

  it.each(['$', '$1', '$@0', '$K1', '$F1', '$Q2', '$>n?^q', '$n', '$nabc', '$T'])(
    'refers to a part a text body cannot carry: %s',
    async (reference) => {
      const body = JSON.stringify([{ checked: '\uD800'.repeat(20), note: { deep: [reference] } }]);
      expect(await findActionBodyProblem(TEXT, Buffer.from(body))).toBe(
        'it refers to a part of the request that was not sent',
      );
    },
  );

  it('lets through the references that stand on their own, a "$" escaped by the client, and "$" in keys', async () => {
    const values = ['$$1', '$$', '$undefined', '$NaN', '$Infinity', '$-Infinity', '$-0', '$D2027-01-01', '$n42'];
    expect(await findActionBodyProblem(TEXT, Buffer.from(JSON.stringify([{ values, $1: 'x' }])))).toBeUndefined();
  });

  it('is nested deeper than the limit, 200,000 deep included, and is found without recursion', async () => {
    expect(await findActionBodyProblem(TEXT, Buffer.from('['.repeat(200_000)))).toBe(
      `its body is nested more than ${MAX_ACTION_BODY_DEPTH} deep`,
    );
    expect(findArgumentListProblem(Buffer.from(`[${'{"a":'.repeat(200_000)}1${'}'.repeat(200_000)}]`))).toMatch(
      /nested more than/,
    );
    expect(findArgumentListProblem(Buffer.from(nested(MAX_ACTION_BODY_DEPTH + 1)))).toMatch(/nested more than/);
    expect(findArgumentListProblem(Buffer.from(nested(MAX_ACTION_BODY_DEPTH)))).toBeUndefined();
  });

  it('is a list of more arguments than Next.js calls an action with', () => {
    expect(findArgumentListProblem(Buffer.from(JSON.stringify(Array(1_001).fill(1))))).toBe(
      'it passes more than 1000 arguments',
    );
    expect(findArgumentListProblem(Buffer.from(JSON.stringify(Array(1_000).fill([1, 2]))))).toBeUndefined();
  });

  it('is multipart without a boundary, cut short, or not multipart at all', async () => {
    const garbage = Buffer.from('\u0000\u00ff garbage --x\r\n');
    expect(await findActionBodyProblem({ 'content-type': 'multipart/form-data' }, garbage)).toBe(
      'its Content-Type is not multipart/form-data with a boundary',
    );
    expect(await findActionBodyProblem({ 'content-type': 'multipart/form-data; boundary=x' }, garbage)).toBe(
      'its multipart body is not well-formed',
    );
    expect(await findActionBodyProblem({ 'content-type': 'multipart/form-data; boundary=x' }, Buffer.alloc(0))).toBe(
      'its multipart body is not well-formed',
    );
    const cut = Buffer.from('--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1]');
    expect(await findActionBodyProblem({ 'content-type': 'multipart/form-data; boundary=x' }, cut)).toBe(
      'its multipart body is not well-formed',
    );
  });

  it('is multipart whose argument list (field 0) is missing, a file, or not a list', async () => {
    const missing = await multipart([['1', '[1]']]);
    expect(await findActionBodyProblem(missing.headers, missing.body)).toBe(
      'its multipart body has no argument list (field 0)',
    );
    const file = await multipart([['0', new File(['[1]'], 'arguments.json')]]);
    expect(await findActionBodyProblem(file.headers, file.body)).toBe(
      'its multipart body has no argument list (field 0)',
    );
    const empty = await multipart([['0', 'null']]);
    expect(await findActionBodyProblem(empty.headers, empty.body)).toBe('its body is not a JSON list of arguments');
    const deep = await multipart([['0', '['.repeat(200_000)]]);
    expect(await findActionBodyProblem(deep.headers, deep.body)).toMatch(/nested more than/);
  });

  it('is none of what a browser posts', async () => {
    const args = JSON.stringify([
      {
        company: 'Café “Acme”',
        notes: 'a\nb\u2028',
        date: '2027-01-01',
        tags: ['$$literal', -1.5e3, true, null],
        nested: { a: [{}] },
      },
    ]);
    expect(await findActionBodyProblem(TEXT, Buffer.from(args))).toBeUndefined();
    expect(await findActionBodyProblem({}, Buffer.from(' { "name": "x" } '))).toBeUndefined();
    expect(await findActionBodyProblem(TEXT, Buffer.from('[]'))).toBeUndefined();
    // A File among the arguments: encodeReply's FormData, the list in field 0.
    const withFile = await multipart([
      ['0', '["$K1"]'],
      ['1_name', 'x'],
      ['1_upload', new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' })],
    ]);
    expect(await findActionBodyProblem(withFile.headers, withFile.body)).toBeUndefined();
    // A form posted before hydration is url-encoded or has no Next-Action header: Next.js answers it without decoding.
    expect(
      await findActionBodyProblem({ 'content-type': 'application/x-www-form-urlencoded' }, Buffer.from('%%%')),
    ).toBeUndefined();
  });

  it('agrees with JSON.parse on what is JSON', () => {
    for (const text of [
      '[1.5e-3, -0, 0.0, 1E+2]',
      '{"\\u00e9\\"\\\\\\/\\b\\f\\n\\r\\t": [true, false, null]}',
      '[1e]',
      '[-]',
      '[.5]',
      '[tru]',
      '{"a" 1}',
      '{1: 2}',
      '["\t"]',
    ]) {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      expect({ text, accepted: findArgumentListProblem(Buffer.from(text)) === undefined }).toEqual({
        text,
        accepted: parses,
      });
    }
  });
});
