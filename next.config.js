// @ts-check
const path = require('node:path');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded database and the schema engine are Node-only; keep them out of bundles.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', '@node-rs/argon2'],
  turbopack: { root: path.join(__dirname) },
};

module.exports = nextConfig;
