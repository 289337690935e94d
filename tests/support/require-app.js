// End-to-end tests run through `npm run test:e2e`, which builds and serves the app.
if (!process.env.E2E_BASE_URL) {
  throw new Error('End-to-end tests need a running app: run them with `npm run test:e2e` (or `npm test`).');
}
