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
