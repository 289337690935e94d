// A cheap fingerprint of everything a production build depends on, so `npm start` rebuilds
// only when something changed since the last build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// proxy.ts is compiled into the build like app/; package.json also carries the PostCSS config.
const inputs = [
  'app',
  'components',
  'lib',
  'proxy.ts',
  'prisma/schema.prisma',
  'next.config.js',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
const skip = new Set(['generated', 'node_modules']);

function collect(root, entry, out) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const child of readdirSync(full).sort()) {
      if (!skip.has(child)) collect(root, path.join(entry, child), out);
    }
  } else {
    out.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function computeFingerprint(root) {
  const parts = [];
  for (const input of inputs) collect(root, input, parts);
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

const stampPath = (root) => path.join(root, '.next', 'rebound-build.sha256');

export function isBuildCurrent(root) {
  const stamp = stampPath(root);
  if (!existsSync(path.join(root, '.next', 'BUILD_ID')) || !existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8') === computeFingerprint(root);
}

export function recordBuild(root) {
  writeFileSync(stampPath(root), computeFingerprint(root));
}
