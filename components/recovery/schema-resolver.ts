import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod/mini';
import { lazyResolver } from '@/components/forms/lazy-resolver';

/**
 * A resolver that validates a form with the server's own schema when the form's fields are
 * shaped differently from the schema's input (a date and a time for one instant, action rows as
 * objects for useFieldArray). `toInput` builds what the server will receive; `fieldFor` puts each
 * error back on the field the user typed into. The schema and zod load on the first check.
 */
export function schemaResolver<Form extends FieldValues, Schema extends z.core.$ZodType>(
  loadSchema: () => Promise<Schema>,
  toInput: (values: Form) => z.input<Schema>,
  fieldFor: (path: string) => string = (path) => path,
): Resolver<Form> {
  return lazyResolver<Form>(async () => {
    const [schema, { findIssues }] = await Promise.all([loadSchema(), import('./recovery-checks')]);
    return async (values, _context, options) => {
      const issues = await findIssues(schema, toInput(values));
      if (!issues) return { values, errors: {} };
      const flat: Record<string, FieldError> = {};
      for (const [path, error] of Object.entries(issues)) flat[fieldFor(path) || 'root'] ??= error;
      return { values: {}, errors: toNestErrors<Form>(flat, options) };
    };
  });
}
