import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { computeFingerprint } from '@/scripts/lib/build-fingerprint.mjs';

// The fingerprint reads sizes and modification times, so each change below also moves the
// mtime: a rewrite within the same millisecond would otherwise look unchanged.
const files = {
  'app/page.tsx': 'export default function Page() { return null; }\n',
  'components/button.tsx': 'export function Button() { return null; }\n',
  'lib/time.ts': 'export const minute = 60_000;\n',
  'proxy.ts': 'export function proxy() {}\n',
  'prisma/schema.prisma': 'generator client { provider = "prisma-client" }\n',
  'next.config.js': 'module.exports = {};\n',
  'tsconfig.json': '{}\n',
  'package.json': '{}\n',
  'package-lock.json': '{}\n',
  'README.md': '# Rebound\n',
  'tests/unit/time.test.ts': "it('runs', () => {});\n",
};

let root: string;
let tick = Date.UTC(2030, 0, 1) / 1000;

function write(relative: string, content: string) {
  const full = path.join(root, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  tick += 60;
  utimesSync(full, tick, tick);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'rebound-fingerprint-'));
  for (const [relative, content] of Object.entries(files)) write(relative, content);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('computeFingerprint', () => {
  it('is stable while nothing changes', () => {
    expect(computeFingerprint(root)).toBe(computeFingerprint(root));
  });

  it.each(['proxy.ts', 'app/page.tsx', 'lib/time.ts', 'next.config.js', 'package.json', 'prisma/schema.prisma'])(
    'changes when %s changes',
    (relative) => {
      const before = computeFingerprint(root);
      write(relative, `${files[relative as keyof typeof files]}// edited\n`);
      expect(computeFingerprint(root)).not.toBe(before);
    },
  );

  it('changes when a source file is added', () => {
    const before = computeFingerprint(root);
    write('components/card.tsx', 'export function Card() { return null; }\n');
    expect(computeFingerprint(root)).not.toBe(before);
  });

  it.each(['README.md', 'tests/unit/time.test.ts', 'lib/generated/prisma/client.ts', 'scripts/start.mjs'])(
    'ignores %s, which the build does not read',
    (relative) => {
      const before = computeFingerprint(root);
      write(relative, '// edited\n');
      expect(computeFingerprint(root)).toBe(before);
    },
  );
});
