// @ts-check
const path = require('node:path');

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and Node-only packages stay out of bundles.
  serverExternalPackages: ['pg', '@node-rs/argon2'],
  turbopack: { root: path.join(__dirname) },
  // Every visitor gets the <title> in the first bytes of <head>, as bots do, instead of streamed in
  // after the page: a screen reader announcing the page, or a tab, must not find it untitled. The
  // titles are constants, so nothing waits for them.
  htmlLimitedBots: /.*/,
  // Browsers still ask for /favicon.ico when a page's <link rel="icon"> is not yet read; the
  // app's one icon answers it instead of a 404.
  async rewrites() {
    return [{ source: '/favicon.ico', destination: '/icon.svg' }];
  },
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
      {
        // A worker runs under the CSP of its own script's response, not the page's (proxy.ts
        // skips this file): it loads no script but itself and talks to this origin only.
        // no-cache: browsers check for a new worker on every visit instead of a cached copy.
        source: '/sw.js',
        headers: [
          {
            key: 'Content-Security-Policy',
            value:
              "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
          },
          { key: 'Cache-Control', value: 'no-cache' },
          { key: 'Content-Type', value: 'text/javascript; charset=utf-8' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
