import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { type Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { getDatabaseUrl } from './env';
import { DatabaseUnavailableError, isDatabaseUnavailable } from './errors';

// The launcher (scripts/lib/app-server.mjs) runs each request inside an AsyncLocalStorage
// holding these facts, and answers 503 instead of 500 when a query of that request could not
// reach the database. Outside the launcher (tests, scripts) there is no store and nothing to note.
type RequestFacts = { databaseUnavailable?: boolean };
const REQUEST_FACTS = Symbol.for('rebound.request-facts');

function noteDatabaseUnavailable(): void {
  const storage = (globalThis as { [REQUEST_FACTS]?: { getStore(): RequestFacts | undefined } })[REQUEST_FACTS];
  const facts = storage?.getStore();
  if (facts) facts.databaseUnavailable = true;
}

/** A connection failure becomes DatabaseUnavailableError (pages and actions say so); anything else passes unchanged. */
function toDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailableError || !isDatabaseUnavailable(error)) return error;
  noteDatabaseUnavailable();
  return new DatabaseUnavailableError({ cause: error });
}

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: getDatabaseUrl(), max: 10 });
  const base = new PrismaClient({ adapter });
  const extended = base.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw toDatabaseError(error);
        }
      },
    },
  });
  // $allOperations covers every query, inside transactions too, but not opening a transaction.
  const transaction = extended.$transaction.bind(extended) as PrismaClient['$transaction'];
  const $transaction = ((...args: Parameters<PrismaClient['$transaction']>) =>
    (transaction as (...inner: unknown[]) => Promise<unknown>)(...args).catch((error: unknown) => {
      throw toDatabaseError(error);
    })) as PrismaClient['$transaction'];
  // A query-only extension leaves every type as it was, so the client is still a PrismaClient.
  return new Proxy(extended, {
    get: (target, key, receiver) => (key === '$transaction' ? $transaction : Reflect.get(target, key, receiver)),
  }) as unknown as PrismaClient;
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** One client per process; dev reloads reuse it instead of opening new pools. */
export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/** The client a function is handed inside `getDb().$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;
