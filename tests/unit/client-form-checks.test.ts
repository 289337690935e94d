// The signed-out forms check in the browser without zod (components/forms/auth-rules.ts); the
// server's schemas decide. Where both answer, they must say the same words.
import { lazyResolver } from '@/components/forms/lazy-resolver';
import {
  confirmPasswordRules,
  currentPasswordRules,
  emailRules,
  nameRules,
  newPasswordRules,
} from '@/components/forms/auth-rules';
import { resetPasswordSchema, signInSchema, signUpSchema } from '@/lib/validation/auth';
import { toFieldErrors } from '@/lib/validation/common';
import type { z } from 'zod/mini';

function serverMessage(schema: z.ZodMiniType, input: Record<string, unknown>, field: string): string | true {
  const result = schema.safeParse(input);
  return (result.success ? undefined : toFieldErrors(result.error)[field]) ?? true;
}

const signUp = { name: 'Ada', email: 'ada@example.test', password: 'a long enough password', timeZone: 'UTC' };

describe('the signed-out forms’ own checks', () => {
  it('say what the sign-up schema says about a name and a new password', () => {
    for (const name of ['', '   ', 'x'.repeat(101), 'Grace']) {
      expect(nameRules.validate(name)).toBe(serverMessage(signUpSchema, { ...signUp, name }, 'name'));
    }
    for (const password of ['', 'short', 'x'.repeat(129), 'long enough, really']) {
      expect(newPasswordRules.validate(password)).toBe(
        serverMessage(signUpSchema, { ...signUp, password }, 'password'),
      );
    }
  });

  it('say what the schemas say about an empty or overlong email, and a missing password', () => {
    for (const email of ['', '  ', `${'x'.repeat(250)}@example.test`]) {
      expect(emailRules.validate(email)).toBe(serverMessage(signUpSchema, { ...signUp, email }, 'email'));
    }
    expect(serverMessage(signInSchema, { email: 'ada@example.test', password: '' }, 'password')).toBe(
      currentPasswordRules.required,
    );
  });

  it('refuse a repetition that differs, as the reset schema does', () => {
    const input = { token: 't'.repeat(30), password: 'long enough, really', confirmPassword: 'long enough, realy' };
    expect(confirmPasswordRules('password').validate(input.confirmPassword, input)).toBe(
      serverMessage(resetPasswordSchema, input, 'confirmPassword'),
    );
    expect(confirmPasswordRules('password').validate(input.password, input)).toBe(true);
  });
});

describe('lazyResolver', () => {
  const options = { fields: {}, shouldUseNativeValidation: false };

  it('loads the resolver on the first check only, and loads again after a failed load', async () => {
    const resolve = jest.fn(async (values: { a: string }) => ({ values, errors: {} }));
    const load = jest.fn().mockRejectedValueOnce(new Error('chunk failed')).mockResolvedValue(resolve);
    const resolver = lazyResolver(load);
    expect(load).not.toHaveBeenCalled();
    await expect(resolver({ a: '1' }, undefined, options)).rejects.toThrow('chunk failed');
    await expect(resolver({ a: '2' }, undefined, options)).resolves.toEqual({ values: { a: '2' }, errors: {} });
    await resolver({ a: '3' }, undefined, options);
    expect(load).toHaveBeenCalledTimes(2);
    expect(resolve).toHaveBeenCalledTimes(2);
  });
});
