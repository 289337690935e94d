import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { baseUrl } from './support/browser';
import { actionId, HttpClient, readActionResult } from './support/http-client';
import { interviewForm } from './support/load';

const GARBAGE = '\u0000\u00ff\r\n--x\r\nContent-Disposition: form-data; name="0"\r\n\r\n[';

// Server action bodies Next.js answered with a 500 before the app saw them, by Content-Type.
const MALFORMED_ACTION_BODIES: { shape: string; contentType: string; body: string }[] = [
  { shape: 'not JSON', contentType: 'text/plain;charset=UTF-8', body: 'name=Fuzz&timeZone=Europe%2FLondon' },
  { shape: 'empty', contentType: 'text/plain;charset=UTF-8', body: '' },
  { shape: 'null', contentType: 'text/plain;charset=UTF-8', body: 'null' },
  {
    shape: 'JSON nested 200,000 deep',
    contentType: 'text/plain;charset=UTF-8',
    body: `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
  },
  { shape: 'garbage multipart', contentType: 'multipart/form-data; boundary=x', body: GARBAGE },
  { shape: 'multipart without a boundary', contentType: 'multipart/form-data', body: GARBAGE },
  {
    shape: 'multipart without the argument list',
    contentType: 'multipart/form-data; boundary=x',
    body: '--x\r\nContent-Disposition: form-data; name="1"\r\n\r\n[]\r\n--x--\r\n',
  },
];

/** A server action's arguments as encodeReply posts them when a File is among them. */
function multipartArguments(args: unknown[]): FormData {
  const form = new FormData();
  form.append('0', JSON.stringify(args));
  form.append('1', new Blob(['unused'], { type: 'text/plain' }), 'unused.txt');
  return form;
}

// What probing the running app with malformed input found: each of these was a 500.
test.describe.configure({ timeout: 60_000 });

test.describe('malformed requests', () => {
  for (const pathname of ['/interviews/%C0%AF', '/api/calendar/%E0%A4%A', '/lessons/%ZZ/edit']) {
    test(`a path that does not decode (${pathname}) is a 400`, async () => {
      const response = await fetch(`${baseUrl}${pathname}`, { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/not correctly percent-encoded/);
    });
  }

  test('a body over 1 MB is a 413 with a clear message, before the app reads it', async () => {
    const response = await fetch(`${baseUrl}/interviews/new`, {
      method: 'POST',
      headers: { 'Next-Action': 'x', 'Content-Type': 'text/plain;charset=UTF-8' },
      body: 'a'.repeat(1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toMatch(/too large: at most 1 MB/);
  });

  test('a streamed body that passes 1 MB is a 413 too, and the app keeps serving', async () => {
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        `${baseUrl}/interviews/new`,
        { method: 'POST', headers: { 'Next-Action': 'x', 'Content-Type': 'text/plain;charset=UTF-8' } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      // No Content-Length: node sends the body chunked, 64 KiB at a time, 2 MB in all.
      const chunk = 'a'.repeat(64 * 1024);
      for (let sent = 0; sent < 32; sent += 1) request.write(chunk);
      request.end();
    });
    expect(answer.status).toBe(413);
    expect(answer.text).toMatch(/too large: at most 1 MB/);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });

  test('a server action body Next.js cannot decode is a 400 before it reaches Next.js; a well-formed one still works', async () => {
    const client = new HttpClient(baseUrl);
    await client.signUp(`action-body-${randomUUID()}@example.com`);
    const post = (contentType: string | undefined, body: BodyInit) =>
      client.request('/account', {
        method: 'POST',
        headers: {
          'Next-Action': actionId('updateProfileAction'),
          Accept: 'text/x-component',
          Origin: baseUrl,
          ...(contentType ? { 'Content-Type': contentType } : {}),
        },
        body,
        // Only read for a stream, which fetch sends chunked.
        duplex: 'half',
      } as RequestInit);

    for (const { shape, contentType, body } of MALFORMED_ACTION_BODIES) {
      const answer = await post(contentType, body);
      expect({ shape, status: answer.status, text: answer.text }).toEqual({
        shape,
        status: 400,
        text: expect.stringMatching(/^This server action call cannot be read: /),
      });
    }

    const profile = { name: 'Hygiene “Tester”', timeZone: 'Europe/London' };
    const asText = await post('text/plain;charset=UTF-8', JSON.stringify([profile]));
    expect(asText.status).toBe(200);
    expect(readActionResult(asText.text)).toMatchObject({ ok: true });
    // fetch sets the boundary itself.
    const asMultipart = await post(undefined, multipartArguments([{ ...profile, name: 'Hygiene Multipart' }]));
    expect(asMultipart.status).toBe(200);
    expect(readActionResult(asMultipart.text)).toMatchObject({ ok: true });
    // Chunked, in pieces that split a character: Next.js reads the same bytes.
    const bytes = new TextEncoder().encode(JSON.stringify([{ ...profile, name: 'Hygiene Ünïcode' }]));
    const pieces = [bytes.slice(0, 17), bytes.slice(17)];
    const streamed = await post(
      'text/plain;charset=UTF-8',
      new ReadableStream({
        start: (controller) => {
          for (const piece of pieces) controller.enqueue(piece);
          controller.close();
        },
      }),
    );
    expect(streamed.status).toBe(200);
    expect(readActionResult(streamed.text)).toMatchObject({ ok: true });
    expect((await client.get('/account')).text).toContain('Hygiene Ünïcode');
  });

  test('control characters, impossible dates and far-off filters are refused or ignored, never a 500', async () => {
    const client = new HttpClient(baseUrl);
    await client.signUp(`hygiene-${randomUUID()}@example.com`);

    const withNul = await client.callAction('createInterviewAction', [interviewForm('a\u0000b')], '/interviews/new');
    expect(withNul).toMatchObject({
      status: 200,
      result: {
        ok: false,
        code: 'VALIDATION',
        fieldErrors: { company: 'Remove the invisible control characters from this field.' },
      },
    });
    for (const date of ['2026-02-30', '0000-00-00']) {
      const impossible = await client.callAction(
        'createInterviewAction',
        [interviewForm('Acme', date)],
        '/interviews/new',
      );
      expect(impossible).toMatchObject({
        status: 200,
        result: { ok: false, fieldErrors: { date: 'That date does not exist.' } },
      });
    }
    const skip = await client.callAction(
      'skipStepAction',
      [{ incidentId: 'missing', step: 'CALL', reason: 'x\ud83d' }],
      '/dashboard',
    );
    expect(skip).toMatchObject({
      status: 200,
      result: { ok: false, fieldErrors: { reason: 'Remove the invisible control characters from this field.' } },
    });

    for (const pathname of [
      '/interviews?q=%00',
      '/lessons?to=9999-12-31',
      '/api/lessons/export?format=csv&to=9999-12-31',
    ]) {
      expect({ pathname, status: (await client.get(pathname)).status }).toEqual({ pathname, status: 200 });
    }
  });
});
