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

/** What a failed action says went wrong, for code to branch on (the message is for people). */
export type ActionErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'RATE_LIMITED' | 'CONFLICT';

export type ActionFailure = { ok: false; code: ActionErrorCode; message: string; fieldErrors?: Record<string, string> };

export type ActionResult<T = void> = { ok: true; data: T } | ActionFailure;
