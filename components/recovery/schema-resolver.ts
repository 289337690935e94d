import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import { z } from 'zod/mini';

/**
 * A resolver that validates a form with the server's own schema when the form's fields are
 * shaped differently from the schema's input (a date and a time for one instant, action rows as
 * objects for useFieldArray). `toInput` builds what the server will receive; `fieldFor` puts each
 * error back on the field the user typed into.
 */
export function schemaResolver<Form extends FieldValues, Schema extends z.core.$ZodType>(
  schema: Schema,
  toInput: (values: Form) => z.input<Schema>,
  fieldFor: (path: string) => string = (path) => path,
): Resolver<Form> {
  return async (values, _context, options) => {
    const parsed = await z.safeParseAsync(schema, toInput(values));
    if (parsed.success) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const field = fieldFor(issue.path.join('.')) || 'root';
      flat[field] ??= { type: issue.code, message: issue.message };
    }
    return { values: {}, errors: toNestErrors<Form>(flat, options) };
  };
}
