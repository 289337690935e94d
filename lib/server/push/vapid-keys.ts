import 'server-only';
import { getEnv } from '@/lib/env';
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const KEY_FILE = 'vapid-keys.json';

/**
 * The data dir of the launcher (scripts/start.mjs): REBOUND_DATA_DIR, resolved from the project
 * root the way the launcher resolves it, or .data there. The launcher passes the absolute path on.
 */
export function getDataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), getEnv().dataDir);
}

/** Who the push services may contact about this sender: VAPID_SUBJECT, else the app's https origin, else a mailbox that says so. */
function resolveSubject(): string {
  const env = getEnv();
  if (env.vapid.subject) return env.vapid.subject;
  if (env.isHttps && env.configuredOrigin) return env.configuredOrigin;
  return 'mailto:push@rebound.invalid';
}

function readKeyFile(file: string): Pick<VapidKeys, 'publicKey' | 'privateKey'> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { publicKey?: unknown; privateKey?: unknown };
  if (typeof parsed.publicKey !== 'string' || typeof parsed.privateKey !== 'string') {
    throw new Error(
      `${file} does not hold a VAPID key pair; delete it to generate a new one (existing push subscriptions then stop working).`,
    );
  }
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}

/**
 * Generates the key pair once. The file is written under another name and linked into place,
 * which fails when it already exists: an app and a worker starting together agree on one pair,
 * and neither ever reads a half-written file.
 */
function readOrCreateKeyFile(dataDir: string): Pick<VapidKeys, 'publicKey' | 'privateKey'> {
  const file = path.join(dataDir, KEY_FILE);
  try {
    return readKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  const draft = path.join(dataDir, `.${KEY_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(draft, `${JSON.stringify({ publicKey, privateKey })}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  return readKeyFile(file);
}

let cached: VapidKeys | undefined;

/**
 * VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY from the environment (several instances must share
 * them), else a pair generated once into the data dir. Changing the pair orphans every
 * subscription: browsers subscribed with the old public key.
 */
export function getVapidKeys(): VapidKeys {
  if (cached) return cached;
  // Only one of the two keys set is refused by getEnv, which names the missing one.
  const pair = getEnv().vapid.keys ?? readOrCreateKeyFile(getDataDir());
  cached = { ...pair, subject: resolveSubject() };
  return cached;
}

/** Forgets the keys read so far (tests change the environment between cases). */
export function resetVapidKeysForTests(): void {
  cached = undefined;
}
