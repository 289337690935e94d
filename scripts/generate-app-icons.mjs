#!/usr/bin/env node
// node scripts/generate-app-icons.mjs: renders app/icon.svg into the PNG icons of the web app
// manifest (public/icons/), in Debian's Chromium through Playwright, which the e2e tests use
// anyway. Run it after changing the icon and commit the PNGs; nothing runs it at build time.
//   icon-192/512   the ring on a white rounded square ("any": shown as it is)
//   maskable-*     full-bleed brand background, the ring inside the 80% safe zone
//   badge-96       the ring alone, white on transparent: Android draws only its alpha
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'public', 'icons');
const ring = readFileSync(path.join(root, 'app', 'icon.svg'), 'utf8');
const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(ring)?.[1];
if (!inner) throw new Error('app/icon.svg has no <svg> element');

/** The ring (a 32×32 drawing) scaled to `share` of a square of `size`, over `background` (an SVG fragment). */
function compose(size, share, background, { recolor } = {}) {
  const ringSize = size * share;
  const offset = (size - ringSize) / 2;
  const drawing = recolor ? inner.replaceAll(/stroke="#[0-9a-f]{6}"/gi, `stroke="${recolor}"`) : inner;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">${background}<g transform="translate(${offset} ${offset}) scale(${ringSize / 32})">${drawing}</g></svg>`;
}

const icons = [
  ...[192, 512].map((size) => ({
    name: `icon-${size}.png`,
    size,
    svg: compose(size, 0.72, `<rect width="${size}" height="${size}" rx="${size * 0.22}" fill="#ffffff"/>`),
  })),
  ...[192, 512].map((size) => ({
    name: `maskable-${size}.png`,
    size,
    svg: compose(size, 0.5, `<rect width="${size}" height="${size}" fill="#eef6ff"/>`),
  })),
  { name: 'badge-96.png', size: 96, svg: compose(96, 0.9, '', { recolor: '#ffffff' }) },
];

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const { name, size, svg } of icons) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(outDir, name), omitBackground: true });
    console.log(`public/icons/${name}`);
  }
} finally {
  await browser.close();
}
