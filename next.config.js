// @ts-check
const path = require('node:path');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and Node-only packages stay out of bundles.
  serverExternalPackages: ['pg', '@node-rs/argon2'],
  turbopack: { root: path.join(__dirname) },
  // Static files bypass proxy.ts; they still get the headers that do not need a nonce.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
