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

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };
