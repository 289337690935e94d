// The schemas are built with zod/mini, which has no wording of its own. This file imports no
// full zod (which would install English by itself), so it shows the schemas' own module does.
import { changePasswordSchema, deleteAccountSchema, signInSchema } from '@/lib/validation/auth';
import { toFieldErrors } from '@/lib/validation/common';
import type { z } from 'zod/mini';

function errorsOf(schema: z.ZodMiniType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  return result.success ? {} : toFieldErrors(result.error);
}

describe('checks without a message of their own', () => {
  it('answer in full zod’s English, as the server always did', () => {
    expect(errorsOf(deleteAccountSchema, { confirmEmail: 'x'.repeat(255) })).toEqual({
      confirmEmail: 'Too big: expected string to have <=254 characters',
    });
    expect(errorsOf(changePasswordSchema, {})).toEqual({
      currentPassword: 'Invalid input: expected string, received undefined',
      newPassword: 'Invalid input: expected string, received undefined',
      confirmPassword: 'Invalid input: expected string, received undefined',
    });
  });

  it('keep the messages the forms show', () => {
    expect(errorsOf(signInSchema, { email: ' ', password: '' })).toEqual({
      email: 'Enter your email address.',
      password: 'Enter your password.',
    });
    expect(errorsOf(signInSchema, { email: 'not-an-address', password: 'x' })).toEqual({
      email: 'Enter a valid email address, like name@example.com.',
    });
  });
});
