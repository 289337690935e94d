// The layer table of docs/ARCHITECTURE.md as lint rules: an import that points the wrong way
// fails `npm run lint` instead of waiting for a reviewer (cal.com does the same per folder).
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

const serverOnly = (why) => [
  { group: ['@/lib/server', '@/lib/server/**'], message: `lib/server is data access for the server alone: ${why}` },
  { group: ['@/lib/db'], message: `the Prisma client is for lib/server alone: ${why}` },
  {
    group: [
      '@/lib/generated/prisma/client',
      '@/lib/generated/prisma/models',
      '@/lib/generated/prisma/models/**',
      '@prisma/*',
    ],
    message: `Prisma is for lib/server alone: ${why}`,
  },
];

// Everywhere: an area of lib/server has no index; import the verb's own file.
const noServerBarrel = {
  regex: '^@/lib/server/[^/]+$',
  message: 'Import the function from its own file, @/lib/server/<area>/<verb>-<thing>: an area has no index.',
};
// Everywhere: one import style, the @/ alias across folders and ./ only inside one.
const noParentRelative = {
  group: ['../*', '../**'],
  message: 'Import across folders with the @/ alias; relative paths stay inside one folder.',
};

// ESLint keeps one no-restricted-imports per file (the last matching block wins), so every block
// builds its own from the rules that hold everywhere plus its folder's patterns (and names).
function restrict(patterns = [], paths = []) {
  return { 'no-restricted-imports': ['error', { patterns: [noServerBarrel, noParentRelative, ...patterns], paths }] };
}

const actionLayer = [
  {
    group: ['@/lib/db', '@/lib/generated/prisma/client', '@prisma/*'],
    message: 'An action calls lib/server, which owns every query.',
  },
  { group: ['@/components/**', '@/app/**'], message: 'lib/actions sits below components and app/.' },
];

/** Flags `@/x/y` imported from a file in x/ itself: inside one folder the import is `./y`. */
const sameFolderRelative = {
  meta: {
    type: 'suggestion',
    messages: { relative: "'{{source}}' is in this file's folder: import it as '{{relative}}'." },
    schema: [],
  },
  create(context) {
    const folder = path.relative(ROOT, path.dirname(context.filename)).split(path.sep).join('/');
    function check(node) {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('@/')) return;
      const target = source.slice(2);
      if (path.posix.dirname(target) !== folder) return;
      context.report({
        node: node.source,
        messageId: 'relative',
        data: { source, relative: `./${path.posix.basename(target)}` },
      });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const layersPlugin = { rules: { 'same-folder-relative': sameFolderRelative } };

export const layerConfigs = [
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { layers: layersPlugin },
    rules: { ...restrict(), 'layers/same-folder-relative': 'error' },
  },
  {
    files: ['components/**'],
    rules: restrict([
      ...serverOnly('a component gets its data as props, and its types from lib/domain or lib/validation.'),
      { group: ['@/app/**'], message: 'components sit below app/: pass what a component needs as props.' },
      {
        group: ['@/lib/env', '@/lib/mail', '@/lib/auth'],
        message: 'configuration, mail and auth are for the server: a component gets what it shows as props.',
      },
    ]),
  },
  {
    files: ['lib/domain/**', 'lib/validation/**'],
    rules: restrict([
      ...serverOnly('lib/domain and lib/validation are pure, usable in the browser and in unit tests.'),
      {
        group: ['next', 'next/**', 'next-auth', 'next-auth/**', 'react', 'react-dom'],
        message: 'lib/domain and lib/validation are pure: no Next.js or React.',
      },
      {
        group: [
          'node:*',
          'fs',
          'fs/*',
          'net',
          'http',
          'https',
          'child_process',
          'pg',
          'nodemailer',
          'web-push',
          'pg-boss',
        ],
        message: 'lib/domain and lib/validation are pure: no I/O.',
      },
      {
        group: [
          '@/lib/actions/**',
          '@/lib/mail',
          '@/lib/env',
          '@/lib/session',
          '@/lib/auth',
          '@/lib/request',
          '@/components/**',
          '@/app/**',
        ],
        message: 'lib/domain and lib/validation import only each other (and generated enums).',
      },
    ]),
  },
  {
    files: ['lib/server/**'],
    rules: restrict([
      {
        group: ['next', 'next/**'],
        message:
          'lib/server imports no Next.js: pages, actions and route handlers turn its results and errors into responses.',
      },
      {
        group: ['@/lib/actions/**', '@/components/**', '@/app/**'],
        message: 'lib/server sits below actions, components and app/.',
      },
    ]),
  },
  {
    files: ['lib/actions/**'],
    rules: restrict(actionLayer),
  },
  {
    // Which pages an action refreshes is named once, in lib/actions/revalidate.ts.
    files: ['lib/actions/**'],
    ignores: ['lib/actions/revalidate.ts'],
    rules: restrict(actionLayer, [
      {
        name: 'next/cache',
        importNames: ['revalidatePath', 'revalidateTag'],
        message: 'Revalidate through lib/actions/revalidate.ts.',
      },
    ]),
  },
];
