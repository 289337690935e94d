// The rules of docs/ARCHITECTURE.md that are about where files are, not what they import (the
// import rules are lint rules: tests/unit/lint-layers.test.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mjs|js)$/.test(file) && !file.startsWith('generated'))
    .map((file) => path.posix.join(folder, file.split(path.sep).join('/')));
}

describe('where code lives', () => {
  it('lib/server holds areas only: every function in lib/server/<area>/<verb>-<thing>.ts', () => {
    const loose = readdirSync(path.join(root, 'lib/server')).filter(
      (entry) => !statSync(path.join(root, 'lib/server', entry)).isDirectory(),
    );
    expect(loose).toEqual([]);
  });

  it('no lib/server area has an index: callers import the verb file', () => {
    expect(sourcesUnder('lib/server').filter((file) => /\/index\.tsx?$/.test(file))).toEqual([]);
  });

  it('only lib/env.ts reads process.env under lib/, app/ and components/', () => {
    const readers = ['lib', 'app', 'components']
      .flatMap(sourcesUnder)
      .filter((file) => !file.startsWith('lib/generated/'))
      .filter((file) => /process\.env\b/.test(readFileSync(path.join(root, file), 'utf8')));
    expect(readers).toEqual(['lib/env.ts']);
  });
});
