import 'server-only';

export type DatabaseMode = 'embedded' | 'server';

/**
 * The launcher (scripts/start.mjs) sets DATABASE_URL to the embedded database it serves
 * and REBOUND_DATABASE_MODE=embedded; a DATABASE_URL set by the user means a server.
 */
export function getDatabaseMode(): DatabaseMode {
  return process.env.REBOUND_DATABASE_MODE === 'embedded' ? 'embedded' : 'server';
}

export function getDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm start` (or `npm run dev`), which serves the embedded database, or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  return url;
}

function readPositiveInteger(name: string, fallback: number): number {
  const configured = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isInteger(configured) && configured > 0 ? configured : fallback;
}

/** Failed sign-ins per address per window, over all accounts. */
export function getSignInFailuresPerAddress(): number {
  return readPositiveInteger('REBOUND_SIGN_IN_FAILURES_PER_IP', 20);
}

/** Sign-ups per address per window, for networks where many people share one address. */
export function getSignUpsPerAddress(): number {
  return readPositiveInteger('REBOUND_SIGN_UPS_PER_IP', 5);
}
