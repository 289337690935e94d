// Jest configuration: the unit and integration projects share one transform and module mapping
// and differ only in which files they run and what they check first (end-to-end tests run on
// Playwright's runner, tests/e2e/playwright.config.ts). It lives in tests/ because the project's
// top level is fixed; the npm scripts pass it with --config.
const path = require('node:path');

const rootDir = path.resolve(__dirname, '..');

const base = {
  rootDir,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
        module: { type: 'commonjs' },
      },
    ],
    // The scripts are ES modules; unit tests import their pure parts.
    '^.+\\.mjs$': ['@swc/jest', { module: { type: 'commonjs' } }],
  },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/$1',
    '^server-only$': '<rootDir>/tests/support/empty-module.js',
  },
};

/** A project over tests/<folder>/, with a setup file that refuses to run without what it needs. */
function defineProject(name, setupFile) {
  return {
    ...base,
    displayName: name,
    testMatch: [`<rootDir>/tests/${name}/**/*.test.ts?(x)`],
    ...(setupFile ? { setupFiles: [`<rootDir>/tests/support/${setupFile}`] } : {}),
  };
}

module.exports = {
  rootDir,
  projects: [defineProject('unit'), defineProject('integration', 'require-database.js')],
};
