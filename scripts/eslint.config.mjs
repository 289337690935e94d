// ESLint flat config. It lives in scripts/ because the project's top level is fixed;
// `npm run lint` passes it with --config.
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import { layerConfigs } from './eslint-layers.mjs';

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
  ...layerConfigs,
  {
    // CommonJS by necessity: Next.js loads next.config.js with require(), and jest's config and
    // setup files run before its transform does.
    files: ['next.config.js', 'tests/jest.config.js', 'tests/support/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];

export default config;
