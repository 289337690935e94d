import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';

export type ReceivedMail = { envelope: { from?: string; to: string[] }; mail: ParsedMail };

/** Every message the e2e SMTP server accepted so far, oldest first. */
export async function readMailbox(): Promise<ReceivedMail[]> {
  const dir = process.env.E2E_SMTP_DIR;
  if (!dir) throw new Error('E2E_SMTP_DIR is not set: run end-to-end tests with npm run test:e2e.');
  const files = (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (name) => ({
      envelope: JSON.parse(await readFile(path.join(dir, name.replace(/\.eml$/, '.envelope.json')), 'utf8')),
      mail: await simpleParser(await readFile(path.join(dir, name))),
    })),
  );
}

/** The messages sent to one address, waiting briefly for the server to write them. */
export async function waitForMailTo(address: string, count = 1, timeoutMs = 10_000): Promise<ReceivedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await readMailbox()).filter((item) => item.envelope.to.includes(address));
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
