// Whatever a component imports statically ships in the first load of every page that shows it.
// zod and the schema modules (which bring zod) load only with a form's first check: from the
// `*-checks.ts` modules, which components import only dynamically (components/forms/lazy-resolver.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function sourcesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(folder, file));
}

/** The specifiers a source imports or re-exports as values (type-only imports are erased). */
function valueImports(source: string): string[] {
  const specifiers: string[] = [];
  for (const [, clause = '', specifier = ''] of source.matchAll(
    /^(?:import|export)\s+(?!type\s)([^'";]*?)\s*from\s+'([^']+)'/gm,
  )) {
    const names = clause
      .replace(/^\{|\}$/g, '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    if (names.length > 0 && names.every((name) => name.startsWith('type '))) continue;
    specifiers.push(specifier);
  }
  for (const [, specifier = ''] of source.matchAll(/^import\s+'([^']+)'/gm)) specifiers.push(specifier);
  return specifiers;
}

const bringsZod = (specifier: string) =>
  /^zod(\/|$)/.test(specifier) ||
  specifier === '@hookform/resolvers/zod' ||
  (/lib\/validation\//.test(specifier) && !/\/limits$/.test(specifier));

describe('what components import statically', () => {
  const files = sourcesUnder('components');

  it('finds the components', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('keeps zod and the schema modules to the *-checks modules', () => {
    const offenders = files
      .filter((file) => !/-checks\.ts$/.test(file))
      .flatMap((file) =>
        valueImports(readFileSync(path.join(root, file), 'utf8'))
          .filter(bringsZod)
          .map((specifier) => `${file} → ${specifier}`),
      );
    expect(offenders).toEqual([]);
  });

  it('imports the *-checks modules only dynamically', () => {
    const offenders = files.flatMap((file) =>
      valueImports(readFileSync(path.join(root, file), 'utf8'))
        .filter((specifier) => /-checks$/.test(specifier))
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps react-hook-form out of what every recovery step ships (the skip form, the message editor and the steps built on it)', () => {
    const everyStep = [
      'skip-step-form.tsx',
      'message-editor.tsx',
      'use-message-editor.ts',
      'message-workspace.tsx',
      'send-panel.tsx',
      'apology-step.tsx',
      'current-step.tsx',
    ];
    const offenders = everyStep
      .map((file) => path.join('components/recovery', file))
      .filter((file) => valueImports(readFileSync(path.join(root, file), 'utf8')).includes('react-hook-form'));
    expect(offenders).toEqual([]);
  });

  it('tells a value import from a type-only one', () => {
    expect(
      valueImports(
        "import type { A } from '@/lib/validation/auth';\nimport { type B } from '@/lib/validation/lessons';\nimport { c, type D } from '@/lib/validation/interview';\n",
      ),
    ).toEqual(['@/lib/validation/interview']);
  });
});
