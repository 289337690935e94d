import { chromiumPath, DEFAULT_CHROMIUM_PATH, planBrowserCheck } from '@/scripts/lib/browser-check.mjs';

const machine = { browserPath: DEFAULT_CHROMIUM_PATH, isBrowserPresent: false, isRoot: false, hasAptGet: true };

describe('npm test looks for the end-to-end tests’ browser before its first step', () => {
  it('reads CHROMIUM_PATH, else Debian’s /usr/bin/chromium', () => {
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(chromiumPath({ CHROMIUM_PATH: '' })).toBe('/usr/bin/chromium');
  });

  it('goes on when the browser is there, whoever runs it', () => {
    expect(planBrowserCheck({ ...machine, isBrowserPresent: true })).toEqual({ kind: 'ready' });
    expect(
      planBrowserCheck({ browserPath: '/opt/chrome/chrome', isBrowserPresent: true, isRoot: false, hasAptGet: false }),
    ).toEqual({ kind: 'ready' });
  });

  it('installs Debian’s package when it is missing and root has apt-get, and says so', () => {
    expect(planBrowserCheck({ ...machine, isRoot: true })).toEqual({
      kind: 'install',
      message: expect.stringMatching(
        /^Chromium is not at \/usr\/bin\/chromium, .*installing Debian's package \(apt-get install -y --no-install-recommends chromium\)/,
      ),
      install: ['apt-get', ['install', '-y', '--no-install-recommends', 'chromium']],
      refresh: ['apt-get', ['update']],
    });
  });

  it('stops with the one command that installs it when the user is not root', () => {
    const plan = planBrowserCheck(machine);
    expect(plan.kind).toBe('stop');
    expect(plan.message).toContain('need Chromium at /usr/bin/chromium, and it is not there');
    expect(plan.message).toContain('\n  sudo apt-get install -y --no-install-recommends chromium\n');
  });

  it('stops with the command that names a browser where there is no apt-get', () => {
    for (const isRoot of [true, false]) {
      const plan = planBrowserCheck({ ...machine, isRoot, hasAptGet: false });
      expect(plan).toEqual({
        kind: 'stop',
        message: expect.stringContaining('\n  CHROMIUM_PATH=/path/to/chromium npm test\n'),
      });
      expect(plan.message).not.toContain('apt-get');
    }
  });

  it('installs nothing for a CHROMIUM_PATH elsewhere (Debian’s package would not put it there)', () => {
    const plan = planBrowserCheck({
      browserPath: '/opt/chrome/chrome',
      isBrowserPresent: false,
      isRoot: true,
      hasAptGet: true,
    });
    expect(plan).toEqual({
      kind: 'stop',
      message: expect.stringContaining('at /opt/chrome/chrome (CHROMIUM_PATH), and it is not there'),
    });
    expect(plan.message).toContain('\n  CHROMIUM_PATH=/path/to/chromium npm test\n');
  });
});
