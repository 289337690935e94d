#!/usr/bin/env node
// npm run db:migrate: applies pending migrations to DATABASE_URL, recording them in
// _prisma_migrations exactly as `prisma migrate deploy` does. Safe to run again.
import { migrateDatabase } from './lib/migrate.mjs';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'DATABASE_URL is not set. Set it to a PostgreSQL URL; the embedded database is migrated by `npm start` itself.',
  );
  process.exit(2);
}
try {
  const applied = await migrateDatabase(url);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'Database is up to date; nothing to apply.',
  );
  // The engine leaves a timer behind; exit explicitly once the work is done.
  process.exit(0);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
