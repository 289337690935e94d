#!/usr/bin/env node
// npm run test:e2e: serves a production build on a fresh embedded database (exactly what
// `npm start` does) with a real SMTP server beside it, waits until /api/health answers 200,
// runs the e2e jest project against it in Debian's Chromium, then stops everything and
// removes its data. Every message the SMTP server accepts is written to E2E_SMTP_DIR as an
// .eml file for the tests to read.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './lib/schema-engine.mjs';
import { run } from './lib/run.mjs';
import { findFreePort } from './lib/free-port.mjs';

async function waitForHealth(baseUrl, app, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with code ${app.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app was not healthy within ${timeoutMs / 1000}s`);
}

function startSmtpPeer(dir) {
  mkdirSync(dir, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        received += 1;
        const envelope = { from: session.envelope.mailFrom?.address, to: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
        writeFileSync(path.join(dir, `${String(received).padStart(4, '0')}.eml`), Buffer.concat(chunks));
        writeFileSync(path.join(dir, `${String(received).padStart(4, '0')}.envelope.json`), JSON.stringify(envelope));
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ port: server.server.address().port, close: () => new Promise((done) => server.close(done)) }));
  });
}

async function main() {
  mkdirSync(path.join(projectRoot, '.test-data'), { recursive: true });
  const dataDir = mkdtempSync(path.join(projectRoot, '.test-data', 'e2e-'));
  const port = await findFreePort();
  const baseUrl = `http://localhost:${port}`;
  // Every e2e test signs up from 127.0.0.1; the per-address sign-up limit would stop the
  // sixth. The limit itself is covered by integration tests.
  const smtpDir = path.join(dataDir, 'smtp-received');
  const smtp = await startSmtpPeer(smtpDir);
  const env = {
    ...process.env,
    PORT: String(port),
    REBOUND_DATA_DIR: dataDir,
    NEXTAUTH_URL: baseUrl,
    REBOUND_SIGN_UPS_PER_IP: '1000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    SMTP_FROM: 'Rebound <no-reply@rebound.test>',
  };
  delete env.DATABASE_URL;
  const app = spawn(process.execPath, ['scripts/start.mjs'], { cwd: projectRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
  let code = 1;
  try {
    await waitForHealth(baseUrl, app, 600_000);
    code = await run('node_modules/.bin/jest', ['--config', 'tests/jest.config.js', '--selectProjects', 'e2e', '--runInBand', ...process.argv.slice(2)], {
      cwd: projectRoot,
      env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_DATA_DIR: dataDir, E2E_SMTP_DIR: smtpDir },
    });
  } catch (error) {
    console.error(`End-to-end tests could not run: ${error.message}`);
  } finally {
    if (app.exitCode === null) {
      const exited = new Promise((resolve) => app.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(code);
}

main();
