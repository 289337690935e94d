// ESLint flat config. It lives in scripts/ because the project's top level is fixed;
// `npm run lint` passes it with --config.
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['node_modules/**', '.next/**', 'lib/generated/**', '.data/**', '.test-data/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Which pages an action refreshes is named once, in lib/actions/revalidate.ts.
    files: ['lib/actions/**/*.ts'],
    ignores: ['lib/actions/revalidate.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'next/cache', importNames: ['revalidatePath', 'revalidateTag'], message: 'Revalidate through lib/actions/revalidate.ts.' }] },
      ],
    },
  },
  {
    // CommonJS by necessity: Next.js loads next.config.js with require(), and jest's config and
    // setup files run before its transform does.
    files: ['next.config.js', 'tests/jest.config.js', 'tests/support/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];

export default config;
