import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * No SMTP for the file's tests: mail goes to an outbox folder of its own (and the user confirms
 * sending it), restored and removed after the file. Returns a getter for the folder.
 */
export function withOutboxForFile(prefix: string): () => string {
  let outboxDir = '';
  const savedEnv = { host: process.env.SMTP_HOST, outbox: process.env.MAIL_OUTBOX_DIR };

  beforeAll(async () => {
    outboxDir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
    delete process.env.SMTP_HOST;
    process.env.MAIL_OUTBOX_DIR = outboxDir;
    jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    if (savedEnv.host === undefined) delete process.env.SMTP_HOST;
    else process.env.SMTP_HOST = savedEnv.host;
    if (savedEnv.outbox === undefined) delete process.env.MAIL_OUTBOX_DIR;
    else process.env.MAIL_OUTBOX_DIR = savedEnv.outbox;
    await rm(outboxDir, { recursive: true, force: true });
  });

  return () => outboxDir;
}
