// The app's configuration: every variable of the README's configuration table, parsed once with
// zod, with the README's defaults. Nothing else under lib/, app/ or components/ reads
// process.env. The launcher (scripts/start.mjs) parses it before anything else, so a bad value
// stops `npm start` with one line naming the variable instead of failing later.
//
// No 'server-only' here: the launcher loads this file outside Next.js. Components cannot import
// it (scripts/eslint-layers.mjs), which keeps secrets out of the browser.
import path from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies } from '@/scripts/lib/client-address.mjs';

/** A configuration value that cannot be used; its message is one line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optionalText = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => value || undefined);

const port = (fallback: number | undefined) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a port number between 1 and 65535')
      .transform(Number)
      .refine((value) => value >= 1 && value <= 65535, 'must be a port number between 1 and 65535')
      .optional()
      .transform((value) => value ?? fallback),
  );

const positiveInteger = (fallback: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of 1 or more')
      .transform(Number)
      .refine((value) => value >= 1, 'must be a whole number of 1 or more')
      .optional()
      .transform((value) => value ?? fallback),
  );

const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values, fallback: Values[number]) =>
  optionalText.pipe(
    z
      .enum(values, { error: `must be ${values.map((value) => `"${value}"`).join(' or ')}` })
      .optional()
      .transform((value) => value ?? fallback),
  );

const httpUrl = optionalText.pipe(
  z
    .string()
    .refine(
      (value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol),
      'must be an http:// or https:// URL',
    )
    .optional(),
);

const postgresUrl = optionalText.pipe(
  z
    .string()
    .refine(
      (value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol),
      'must be a postgresql:// URL',
    )
    .optional(),
);

const trustedProxies = optionalText.pipe(
  z
    .string()
    .refine((value) => {
      try {
        parseTrustedProxies(value);
        return true;
      } catch {
        return false;
      }
    }, 'must be a number of proxy hops (like 1) or a comma list of CIDRs (like 10.0.0.0/8,::1/128)')
    .optional(),
);

const vapidSubject = optionalText.pipe(
  z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must be a mailto: address or an https:// URL')
    .optional(),
);

const variables = z
  .object({
    DATABASE_URL: postgresUrl,
    REBOUND_DATABASE_MODE: oneOf(['embedded', 'server'], 'server'),
    REBOUND_DATA_DIR: optionalText,
    REBOUND_EMBEDDED_DB_PORT: port(undefined),
    PORT: port(3000),
    HOSTNAME: optionalText,
    NEXTAUTH_URL: httpUrl,
    NEXTAUTH_SECRET: optionalText,
    VAPID_PUBLIC_KEY: optionalText,
    VAPID_PRIVATE_KEY: optionalText,
    VAPID_SUBJECT: vapidSubject,
    GITHUB_ID: optionalText,
    GITHUB_SECRET: optionalText,
    GOOGLE_CLIENT_ID: optionalText,
    GOOGLE_CLIENT_SECRET: optionalText,
    SMTP_HOST: optionalText,
    SMTP_PORT: port(587),
    SMTP_SECURE: oneOf(['true', 'false'], 'false'),
    SMTP_USER: optionalText,
    SMTP_PASSWORD: optionalText,
    SMTP_FROM: optionalText,
    MAIL_OUTBOX_DIR: optionalText,
    REBOUND_SIGN_UPS_PER_IP: positiveInteger(5),
    REBOUND_SIGN_IN_FAILURES_PER_IP: positiveInteger(20),
    REBOUND_TRUSTED_PROXIES: trustedProxies,
    REBOUND_WORKER: oneOf(['on', 'off'], 'on'),
    TEST_DATABASE_URL: postgresUrl,
    CHROMIUM_PATH: optionalText,
    NODE_ENV: optionalText,
    REBOUND_BENCH_FLOOR: optionalText,
  })
  .superRefine((env, context) => {
    if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) {
      const missing = env.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY';
      context.addIssue({
        code: 'custom',
        path: [missing],
        message:
          'must be set as well: set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (`npx web-push generate-vapid-keys` makes a pair)',
      });
    }
  });

const DEFAULT_FROM = 'Rebound <no-reply@localhost>';

function toConfig(env: z.output<typeof variables>) {
  const dataDir = env.REBOUND_DATA_DIR ?? '.data';
  const from = env.SMTP_FROM ?? DEFAULT_FROM;
  return {
    databaseUrl: env.DATABASE_URL,
    databaseMode: env.REBOUND_DATABASE_MODE,
    /** Relative to the working directory, as the launcher resolves it. */
    dataDir,
    port: env.PORT,
    /** The app's public origin without a trailing slash, for links in emails, reminders and feeds. */
    appUrl: (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    /** The origin the app was configured with, when it was (links back from sign-in must match it). */
    configuredOrigin: env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : null,
    isHttps: env.NEXTAUTH_URL?.startsWith('https://') ?? false,
    authSecret: env.NEXTAUTH_SECRET,
    vapid: {
      keys:
        env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY
          ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY }
          : null,
      subject: env.VAPID_SUBJECT,
    },
    github: env.GITHUB_ID && env.GITHUB_SECRET ? { clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET } : null,
    google:
      env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
        ? { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET }
        : null,
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: env.SMTP_PORT ?? 587,
          secure: env.SMTP_SECURE === 'true',
          user: env.SMTP_USER,
          password: env.SMTP_PASSWORD,
        }
      : null,
    mailFrom: from,
    /** The domain of the sender's address, for Message-IDs and List-Unsubscribe. */
    mailDomain: /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'rebound.localhost',
    mailOutboxDir: env.MAIL_OUTBOX_DIR ?? path.join(dataDir, 'outbox'),
    signUpsPerAddress: env.REBOUND_SIGN_UPS_PER_IP ?? 5,
    signInFailuresPerAddress: env.REBOUND_SIGN_IN_FAILURES_PER_IP ?? 20,
    isDevelopment: env.NODE_ENV === 'development',
    isBenchFloorOn: env.REBOUND_BENCH_FLOOR === '1',
  };
}

export type AppConfig = ReturnType<typeof toConfig>;

/** Every variable the app reads. */
export const CONFIG_VARIABLES = Object.keys(variables.shape) as (keyof typeof variables.shape)[];

/** Parses a set of variables; throws ConfigError naming the first variable that cannot be used. */
export function parseEnv(source: Record<string, string | undefined>): AppConfig {
  const picked = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, source[name]]));
  const parsed = variables.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    const value = source[name];
    const shown = value === undefined || /SECRET|PASSWORD|PRIVATE/.test(name) ? '' : ` (it is "${value}")`;
    throw new ConfigError(`${name} ${issue.message}${shown}.`);
  }
  return toConfig(parsed.data);
}

let cached: { key: string; config: AppConfig } | null = null;

/**
 * The configuration of this process. Parsed once per set of values: the launcher fills in
 * defaults before Next.js starts, and tests set variables between cases, so a change of any
 * value is parsed again rather than served stale.
 */
export function getEnv(): AppConfig {
  const key = CONFIG_VARIABLES.map((name) => process.env[name] ?? '\u0000').join('\u0001');
  if (cached?.key !== key) cached = { key, config: parseEnv(process.env) };
  return cached.config;
}

export type DatabaseMode = AppConfig['databaseMode'];

/**
 * The launcher (scripts/start.mjs) sets DATABASE_URL to the embedded database it serves
 * and REBOUND_DATABASE_MODE=embedded; a DATABASE_URL set by the user means a server.
 */
export function getDatabaseMode(): DatabaseMode {
  return getEnv().databaseMode;
}

export function getDatabaseUrl(): string {
  const url = getEnv().databaseUrl;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm start` (or `npm run dev`), which serves the embedded database, or set DATABASE_URL to a PostgreSQL server.',
    );
  }
  return url;
}
