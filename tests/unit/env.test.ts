// lib/env.ts: the one place the app reads its configuration, with the README's defaults, and
// a bad value refused in one line that names the variable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_VARIABLES, ConfigError, getEnv, parseEnv } from '@/lib/env';

const root = path.resolve(__dirname, '../..');

describe('parseEnv', () => {
  it('gives the README defaults when nothing is set', () => {
    const config = parseEnv({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      databaseMode: 'server',
      dataDir: '.data',
      port: 3000,
      appUrl: 'http://localhost:3000',
      configuredOrigin: null,
      smtp: null,
      mailFrom: 'Rebound <no-reply@localhost>',
      mailDomain: 'localhost',
      mailOutboxDir: path.join('.data', 'outbox'),
      signUpsPerAddress: 5,
      signInFailuresPerAddress: 20,
      github: null,
      google: null,
    });
    expect(config.vapid).toEqual({ keys: null, subject: undefined });
  });

  it('reads what is set, typed', () => {
    const config = parseEnv({
      PORT: '4100',
      NEXTAUTH_URL: 'https://rebound.example/',
      SMTP_HOST: 'mail.example',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_FROM: 'Rebound <hello@rebound.example>',
      REBOUND_DATA_DIR: '/var/rebound',
      REBOUND_SIGN_UPS_PER_IP: '50',
      GITHUB_ID: 'id',
      GITHUB_SECRET: 'secret',
    });
    expect(config.appUrl).toBe('https://rebound.example');
    expect(config.configuredOrigin).toBe('https://rebound.example');
    expect(config.isHttps).toBe(true);
    expect(config.smtp).toEqual({
      host: 'mail.example',
      port: 465,
      secure: true,
      user: undefined,
      password: undefined,
    });
    expect(config.mailDomain).toBe('rebound.example');
    expect(config.mailOutboxDir).toBe(path.join('/var/rebound', 'outbox'));
    expect(config.signUpsPerAddress).toBe(50);
    expect(config.github).toEqual({ clientId: 'id', clientSecret: 'secret' });
    expect(config.google).toBeNull();
  });

  it.each([
    [{ SMTP_PORT: 'abc' }, 'SMTP_PORT must be a port number between 1 and 65535 (it is "abc").'],
    [{ PORT: '70000' }, 'PORT must be a port number between 1 and 65535 (it is "70000").'],
    [
      { REBOUND_TRUSTED_PROXIES: 'banana' },
      'REBOUND_TRUSTED_PROXIES must be a number of proxy hops (like 1) or a comma list of CIDRs (like 10.0.0.0/8,::1/128) (it is "banana").',
    ],
    [{ NEXTAUTH_URL: 'rebound.example' }, 'NEXTAUTH_URL must be an http:// or https:// URL (it is "rebound.example").'],
    [{ DATABASE_URL: 'mysql://db/rebound' }, 'DATABASE_URL must be a postgresql:// URL (it is "mysql://db/rebound").'],
    [{ REBOUND_WORKER: 'maybe' }, 'REBOUND_WORKER must be "on" or "off" (it is "maybe").'],
    [{ SMTP_SECURE: 'yes' }, 'SMTP_SECURE must be "true" or "false" (it is "yes").'],
    [
      { REBOUND_SIGN_IN_FAILURES_PER_IP: '0' },
      'REBOUND_SIGN_IN_FAILURES_PER_IP must be a whole number of 1 or more (it is "0").',
    ],
    [
      { VAPID_SUBJECT: 'push@rebound.example' },
      'VAPID_SUBJECT must be a mailto: address or an https:// URL (it is "push@rebound.example").',
    ],
  ])('refuses %j in one line naming the variable', (env, message) => {
    expect(() => parseEnv(env)).toThrow(new ConfigError(message));
  });

  it('names the missing half of a VAPID pair and never echoes a secret', () => {
    expect(() => parseEnv({ VAPID_PUBLIC_KEY: 'BPublic' })).toThrow(
      /^VAPID_PRIVATE_KEY must be set as well: set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither/,
    );
    expect(() => parseEnv({ VAPID_PRIVATE_KEY: 'hidden-value' })).toThrow(/^VAPID_PUBLIC_KEY must be set as well/);
    let message = '';
    try {
      parseEnv({ VAPID_PRIVATE_KEY: 'hidden-value' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('hidden-value');
  });
});

describe('getEnv', () => {
  const saved = process.env.SMTP_FROM;
  afterEach(() => {
    if (saved === undefined) delete process.env.SMTP_FROM;
    else process.env.SMTP_FROM = saved;
  });

  it('parses once per set of values, and again when one changes', () => {
    process.env.SMTP_FROM = 'Rebound <a@one.example>';
    const first = getEnv();
    expect(getEnv()).toBe(first);
    process.env.SMTP_FROM = 'Rebound <a@two.example>';
    expect(getEnv().mailDomain).toBe('two.example');
  });
});

describe('the configuration table', () => {
  it('lists exactly the variables lib/env.ts reads (besides the internal ones)', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
    );
    const documented = [...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap(([, cell = '']) =>
      [...cell.matchAll(/`([A-Z_]+)`/g)].map(([, name]) => name),
    );
    const internal = ['REBOUND_DATABASE_MODE', 'NODE_ENV', 'REBOUND_BENCH_FLOOR'];
    expect([...documented].sort()).toEqual(CONFIG_VARIABLES.filter((name) => !internal.includes(name)).sort());
  });
});
