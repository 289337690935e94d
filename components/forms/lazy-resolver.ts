import type { FieldValues, Resolver } from 'react-hook-form';

/**
 * A resolver whose code loads the first time the form validates (on blur or submit), not with
 * the page: a schema module brings zod and every schema beside it, far more than a page's
 * first load can carry. The loaded resolver is kept, so only the first check waits for it; the
 * server validates every action anyway.
 */
export function lazyResolver<Values extends FieldValues, Context = unknown, Output = Values>(
  load: () => Promise<Resolver<Values, Context, Output>>,
): Resolver<Values, Context, Output> {
  let loading: Promise<Resolver<Values, Context, Output>> | undefined;
  return async (values, context, options) => {
    loading ??= load().catch((error: unknown) => {
      // A failed chunk load (a dropped connection, a new deploy) is tried again on the next check.
      loading = undefined;
      throw error;
    });
    return (await loading)(values, context, options);
  };
}
