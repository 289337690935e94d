import { readMailDir, type ReceivedMail } from '@/tests/support/smtp-peer.mjs';

/** Every message the e2e SMTP peer accepted so far, oldest first. */
export function readMailbox(): Promise<ReceivedMail[]> {
  const dir = process.env.E2E_SMTP_DIR;
  if (!dir) throw new Error('E2E_SMTP_DIR is not set: run end-to-end tests with npm run test:e2e.');
  return readMailDir(dir);
}

/** The messages sent to one address, waiting briefly for the server to write them. */
export async function waitForMailTo(address: string, count = 1, timeoutMs = 10_000): Promise<ReceivedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await readMailbox()).filter((item) => item.rcptTo.includes(address));
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
