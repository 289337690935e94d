import type { FieldValues, RegisterOptions } from 'react-hook-form';
import {
  EMAIL_INVALID_MESSAGE,
  EMAIL_MAX_LENGTH,
  EMAIL_REQUIRED_MESSAGE,
  EMAIL_TOO_LONG_MESSAGE,
  NAME_MAX_LENGTH,
  NAME_REQUIRED_MESSAGE,
  NAME_TOO_LONG_MESSAGE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_REQUIRED_MESSAGE,
  PASSWORD_TOO_LONG_MESSAGE,
  PASSWORD_TOO_SHORT_MESSAGE,
  PASSWORDS_DIFFER_MESSAGE,
} from '@/lib/validation/limits';

/*
 * The quick checks of the signed-out forms, in the schemas' own words (lib/validation/limits),
 * without shipping zod to the browser. They catch what a person mistypes; the server's schema
 * decides, and its field errors come back onto the same fields (a common password, a zone).
 */

/** The browser's own address check (an input of type email), which the server's is stricter than. */
function isEmailShaped(value: string): boolean {
  const probe = document.createElement('input');
  probe.type = 'email';
  probe.value = value;
  return !probe.validity.typeMismatch;
}

export const emailRules = {
  validate: (value: string) => {
    const email = value.trim();
    if (!email) return EMAIL_REQUIRED_MESSAGE;
    if (email.length > EMAIL_MAX_LENGTH) return EMAIL_TOO_LONG_MESSAGE;
    return isEmailShaped(email) || EMAIL_INVALID_MESSAGE;
  },
} satisfies RegisterOptions;

export const nameRules = {
  validate: (value: string) => {
    const name = value.trim();
    if (!name) return NAME_REQUIRED_MESSAGE;
    return name.length <= NAME_MAX_LENGTH || NAME_TOO_LONG_MESSAGE;
  },
} satisfies RegisterOptions;

export const currentPasswordRules = { required: PASSWORD_REQUIRED_MESSAGE } satisfies RegisterOptions;

// A validate function rather than minLength: react-hook-form skips length rules on an empty field.
export const newPasswordRules = {
  validate: (value: string) => {
    if (value.length < PASSWORD_MIN_LENGTH) return PASSWORD_TOO_SHORT_MESSAGE;
    return value.length <= PASSWORD_MAX_LENGTH || PASSWORD_TOO_LONG_MESSAGE;
  },
} satisfies RegisterOptions;

/** The repetition of a new password, checked against the field named `passwordField`. */
export function confirmPasswordRules<Field extends string>(passwordField: Field) {
  return {
    validate: (value: string, values: FieldValues) => value === values[passwordField] || PASSWORDS_DIFFER_MESSAGE,
  } satisfies RegisterOptions;
}
