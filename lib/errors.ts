/** A record that is missing or belongs to someone else: both answer the same. */
export class NotFoundError extends Error {
  constructor(what = 'record') {
    super(`That ${what} does not exist.`);
    this.name = 'NotFoundError';
  }
}

/** Input the domain refuses, with messages per field where they apply. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** Too many attempts; retryAt says when to try again. */
export class RateLimitError extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
    this.name = 'RateLimitError';
  }
}

/** The record changed or went away since the user loaded it (another tab, another device). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  "Rebound can't reach its database right now. Nothing you typed is lost; try again in a moment.";

// Prisma's codes for "cannot reach / lost the server / pool timed out"; the adapter's kinds for
// the same; node's socket codes; PostgreSQL's connection class (08xxx), shutdown (57P01-3) and
// too-many-connections (53300). Known by code, not by message text (but see below).
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const ADAPTER_UNAVAILABLE = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
// The one exception to "by code": node-postgres raises a connection that dies under a query, a
// pooled connection found dead and a connect timeout as plain Errors with no code, and the
// Prisma adapter passes them on as they are. These are its fixed messages (pg 8, lib/client.js and
// pg-pool), matched whole and only on errors that carry no code.
const PG_CODELESS_UNAVAILABLE = new Set([
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
]);

function isUnavailableCode(code: unknown): boolean {
  return (
    typeof code === 'string' &&
    (PRISMA_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code) || SQLSTATE_UNAVAILABLE.test(code))
  );
}

/** Whether an error (or one it wraps) says the database could not be reached or dropped the connection. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const fields = error as {
    code?: unknown;
    errorCode?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (isUnavailableCode(fields.code) || isUnavailableCode(fields.errorCode) || isUnavailableCode(fields.originalCode))
    return true;
  if (typeof fields.kind === 'string' && ADAPTER_UNAVAILABLE.has(fields.kind)) return true;
  if (fields.code === undefined && error instanceof Error && PG_CODELESS_UNAVAILABLE.has(error.message)) return true;
  return (
    isDatabaseUnavailable(fields.cause, depth + 1) || isDatabaseUnavailable(fields.meta?.driverAdapterError, depth + 1)
  );
}

/**
 * What an error page receives for DatabaseUnavailableError. Next.js keeps a digest the error
 * already has (it replaces messages with a hash in production), so error.tsx can tell it apart.
 */
export const DATABASE_UNAVAILABLE_DIGEST = 'REBOUND_DATABASE_UNAVAILABLE';

/** The database cannot be reached: nothing was written, and the same request will work once it is back. */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;

  constructor(options?: { cause?: unknown }) {
    super(DATABASE_UNAVAILABLE_MESSAGE, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** What a failed action says went wrong, for code to branch on (the message is for people). */
export type ActionErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'RATE_LIMITED' | 'CONFLICT' | 'UNAVAILABLE';

export type ActionFailure = { ok: false; code: ActionErrorCode; message: string; fieldErrors?: Record<string, string> };

export type ActionResult<T = void> = { ok: true; data: T } | ActionFailure;
