import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';

/**
 * Puts the field messages of a failed action back on the form's own fields, so what was typed
 * stays and each message shows where it belongs. 'form' is the form's own error (root);
 * toField renames a server path to the form's field, or returns null to leave it out.
 */
export function setServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: Record<string, string> | undefined,
  toField: (key: string) => string | null = (key) => key,
): void {
  for (const [key, message] of Object.entries(fieldErrors ?? {})) {
    const field = key === 'form' ? 'root' : toField(key);
    if (field) setError(field as FieldPath<T> | 'root', { message });
  }
}
