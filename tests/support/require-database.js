// Integration tests run through `npm run test:integration`, which provides a migrated
// database; running them bare would fail in confusing ways, so say it up front.
if (!process.env.DATABASE_URL) {
  throw new Error('Integration tests need a database: run them with `npm run test:integration` (or `npm test`).');
}
