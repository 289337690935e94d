import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { baseUrl } from './support/browser';
import { HttpClient } from './support/http-client';
import { interviewForm } from './support/load';

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
      const request = http.request(`${baseUrl}/interviews/new`, { method: 'POST', headers: { 'Next-Action': 'x', 'Content-Type': 'text/plain;charset=UTF-8' } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      });
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

  test('control characters, impossible dates and far-off filters are refused or ignored, never a 500', async () => {
    const client = new HttpClient(baseUrl);
    await client.signUp(`hygiene-${randomUUID()}@example.com`);

    const withNul = await client.callAction('createInterviewAction', [interviewForm('a\u0000b')], '/interviews/new');
    expect(withNul).toMatchObject({ status: 200, result: { ok: false, code: 'VALIDATION', fieldErrors: { company: 'Remove the invisible control characters from this field.' } } });
    for (const date of ['2026-02-30', '0000-00-00']) {
      const impossible = await client.callAction('createInterviewAction', [interviewForm('Acme', date)], '/interviews/new');
      expect(impossible).toMatchObject({ status: 200, result: { ok: false, fieldErrors: { date: 'That date does not exist.' } } });
    }
    const skip = await client.callAction('skipStepAction', [{ incidentId: 'missing', step: 'CALL', reason: 'x\ud83d' }], '/dashboard');
    expect(skip).toMatchObject({ status: 200, result: { ok: false, fieldErrors: { reason: 'Remove the invisible control characters from this field.' } } });

    for (const pathname of ['/interviews?q=%00', '/lessons?to=9999-12-31', '/api/lessons/export?format=csv&to=9999-12-31']) {
      expect({ pathname, status: (await client.get(pathname)).status }).toEqual({ pathname, status: 200 });
    }
  });
});
