// The layer table of docs/ARCHITECTURE.md is enforced by `npm run lint` (scripts/eslint-layers.mjs):
// ESLint is fed sources that break it, from the folders they would live in, and must refuse them.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

type Case = { file: string; code: string };
type Finding = { ruleId: string | null; message: string };

/** Lints every case in one ESLint process (loading the config is the slow part). */
function lint(cases: Case[]): Finding[][] {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ overrideConfigFile: 'scripts/eslint.config.mjs' });
    const results = [];
    for (const { file, code } of cases) {
      const [result] = await eslint.lintText(code, { filePath: file });
      results.push(result.messages.map(({ ruleId, message }) => ({ ruleId, message })));
    }
    console.log(JSON.stringify(results));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(output) as Finding[][];
}

const refused: [string, Case, string, RegExp][] = [
  [
    'a component importing a type from lib/server',
    {
      file: 'components/recovery/probe.tsx',
      code: "import type { Recovery } from '@/lib/server/recovery/get-recovery';\nexport type Shown = Recovery;\n",
    },
    'no-restricted-imports',
    /lib\/server is data access/,
  ],
  [
    'a component importing the Prisma client',
    { file: 'components/ui/probe.tsx', code: "import { getDb } from '@/lib/db';\nexport const db = getDb;\n" },
    'no-restricted-imports',
    /Prisma client/,
  ],
  [
    'lib/domain importing Prisma',
    {
      file: 'lib/domain/probe.ts',
      code: "import type { Prisma } from '@/lib/generated/prisma/client';\nexport type Where = Prisma.InterviewWhereInput;\n",
    },
    'no-restricted-imports',
    /Prisma is for lib\/server/,
  ],
  [
    'lib/domain importing Next.js',
    {
      file: 'lib/domain/probe.ts',
      code: "import { notFound } from 'next/navigation';\nexport const missing = notFound;\n",
    },
    'no-restricted-imports',
    /no Next\.js/,
  ],
  [
    'lib/domain doing I/O',
    {
      file: 'lib/domain/probe.ts',
      code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    },
    'no-restricted-imports',
    /no I\/O/,
  ],
  [
    'lib/server importing Next.js',
    {
      file: 'lib/server/interviews/probe.ts',
      code: "import { revalidatePath } from 'next/cache';\nexport const refresh = revalidatePath;\n",
    },
    'no-restricted-imports',
    /imports no Next\.js/,
  ],
  [
    'an import of a lib/server area as a whole',
    {
      file: 'lib/actions/probe.ts',
      code: "import { getInterview } from '@/lib/server/interviews';\nexport const read = getInterview;\n",
    },
    'no-restricted-imports',
    /an area has no index/,
  ],
  [
    'a relative import that leaves its folder',
    { file: 'lib/server/interviews/probe.ts', code: "import { getDb } from '../../db';\nexport const db = getDb;\n" },
    'no-restricted-imports',
    /@\/ alias/,
  ],
  [
    'an action revalidating inline',
    {
      file: 'lib/actions/probe.ts',
      code: "import { revalidatePath } from 'next/cache';\nexport const refresh = () => revalidatePath('/dashboard');\n",
    },
    'no-restricted-imports',
    /lib\/actions\/revalidate\.ts/,
  ],
  [
    'an action querying the database',
    { file: 'lib/actions/probe.ts', code: "import { getDb } from '@/lib/db';\nexport const db = getDb;\n" },
    'no-restricted-imports',
    /owns every query/,
  ],
  [
    'an alias import of the same folder',
    {
      file: 'lib/server/interviews/probe.ts',
      code: "import { getInterview } from '@/lib/server/interviews/get-interview';\nexport const read = getInterview;\n",
    },
    'layers/same-folder-relative',
    /import it as '\.\/get-interview'/,
  ],
];

const accepted: [string, Case][] = [
  [
    'a component importing a type from lib/domain',
    {
      file: 'components/recovery/probe.tsx',
      code: "import type { Recovery } from '@/lib/domain/recovery-view';\nexport type Shown = Recovery;\n",
    },
  ],
  [
    'lib/server importing its own folder relatively and the client by alias',
    {
      file: 'lib/server/interviews/probe.ts',
      code: "import { getDb } from '@/lib/db';\nimport { getInterview } from './get-interview';\nexport const both = [getDb, getInterview];\n",
    },
  ],
  [
    'lib/domain importing the generated enums',
    {
      file: 'lib/domain/probe.ts',
      code: "import type { MessageKind } from '@/lib/generated/prisma/enums';\nexport type Kind = MessageKind;\n",
    },
  ],
];

describe('the layer rules in npm run lint', () => {
  let findings: Finding[][];
  beforeAll(() => {
    findings = lint([...refused.map(([, probe]) => probe), ...accepted.map(([, probe]) => probe)]);
  }, 60_000);

  it.each(refused.map((entry, index) => [...entry, index] as const))(
    'refuses %s',
    (_name, _probe, ruleId, message, index) => {
      expect(findings[index]).toEqual([expect.objectContaining({ ruleId, message: expect.stringMatching(message) })]);
    },
  );

  it.each(accepted.map((entry, index) => [...entry, refused.length + index] as const))(
    'accepts %s',
    (_name, _probe, index) => {
      expect(findings[index]).toEqual([]);
    },
  );
});
