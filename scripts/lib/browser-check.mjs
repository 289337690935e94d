// `npm test` ends with end-to-end tests in Chromium. Its absence is found before the first
// step, not after minutes of lint, types, unit and integration tests.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const INSTALL_ARGS = ['install', '-y', '--no-install-recommends', 'chromium'];

/**
 * The browser the end-to-end tests launch (tests/e2e/playwright.config.ts reads the same).
 * @param {Record<string, string | undefined>} [env]
 */
export function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/**
 * What to do about the browser before the tests start, from what is known of the machine:
 * - `ready`: it is there;
 * - `install`: it is not, and Debian's package would put it there for a user allowed to install
 *   it (root, with apt-get): run `install`, and on failure `refresh` then `install` once more;
 * - `stop`: it is not, and the message says the one command that fixes it.
 */
export function planBrowserCheck({ browserPath, isBrowserPresent, isRoot, hasAptGet }) {
  if (isBrowserPresent) return { kind: 'ready' };
  const isDebianPath = browserPath === DEFAULT_CHROMIUM_PATH;
  if (isDebianPath && isRoot && hasAptGet) {
    return {
      kind: 'install',
      message: `Chromium is not at ${browserPath}, which the end-to-end tests need: installing Debian's package (apt-get ${INSTALL_ARGS.join(' ')}).`,
      install: ['apt-get', INSTALL_ARGS],
      refresh: ['apt-get', ['update']],
    };
  }
  if (isDebianPath && hasAptGet) {
    return {
      kind: 'stop',
      message: `The end-to-end tests need Chromium at ${browserPath}, and it is not there. Install Debian's package, then run npm test again:\n\n  sudo apt-get ${INSTALL_ARGS.join(' ')}\n`,
    };
  }
  const where = isDebianPath ? browserPath : `${browserPath} (CHROMIUM_PATH)`;
  return {
    kind: 'stop',
    message: `The end-to-end tests need Chromium at ${where}, and it is not there. Run them with a Chromium or Chrome you have:\n\n  CHROMIUM_PATH=/path/to/chromium npm test\n`,
  };
}

/** Whether `file` exists and may be executed. */
export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `command` is an executable file in one of the PATH's folders.
 * @param {string} command
 * @param {Record<string, string | undefined>} [env]
 */
export function isOnPath(command, env = process.env) {
  return (env.PATH ?? '')
    .split(path.delimiter)
    .some((folder) => folder !== '' && isExecutable(path.join(folder, command)));
}
