import { z } from 'zod/mini';
import { isValidTimeZone } from '@/lib/domain/time';
import { emailSchema, idSchema, textSchema, timeZoneSchema } from './common';
import {
  NAME_MAX_LENGTH,
  NAME_REQUIRED_MESSAGE,
  NAME_TOO_LONG_MESSAGE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_REQUIRED_MESSAGE,
  PASSWORD_TOO_LONG_MESSAGE,
  PASSWORD_TOO_SHORT_MESSAGE,
  PASSWORDS_DIFFER_MESSAGE,
} from './limits';

export { PASSWORD_MIN_LENGTH };

// The most common passwords in public breach lists; refused whatever their length.
const COMMON_PASSWORDS = new Set([
  '123456',
  'password',
  '12345678',
  'qwerty',
  '123456789',
  '12345',
  '1234',
  '111111',
  '1234567',
  'dragon',
  '123123',
  'baseball',
  'abc123',
  'football',
  'monkey',
  'letmein',
  '1234567890',
  'password123',
  'qwertyuiop',
  'iloveyou123',
]);

function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

export const newPasswordSchema = textSchema().check(
  z.minLength(PASSWORD_MIN_LENGTH, PASSWORD_TOO_SHORT_MESSAGE),
  z.maxLength(PASSWORD_MAX_LENGTH, PASSWORD_TOO_LONG_MESSAGE),
  z.refine((value) => !isCommonPassword(value), 'That password is one of the most common ones. Choose another.'),
);

const nameSchema = textSchema({ trim: true }).check(
  z.minLength(1, NAME_REQUIRED_MESSAGE),
  z.maxLength(NAME_MAX_LENGTH, NAME_TOO_LONG_MESSAGE),
);

/** Where an account starts when the browser sent no zone this server knows. */
export const FALLBACK_TIME_ZONE = 'UTC';

/**
 * The browser's zone, sent from a hidden field. Nobody can correct a hidden field, so a zone the
 * server does not know starts the account in UTC (the banner then offers the browser's zone)
 * instead of refusing the sign-up.
 */
const browserTimeZoneSchema = z.pipe(
  z.unknown(),
  z.transform((value) =>
    typeof value === 'string' && isValidTimeZone(value.trim()) ? value.trim() : FALLBACK_TIME_ZONE,
  ),
);

export const signUpSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  timeZone: browserTimeZoneSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  // Not textSchema: a password is only ever hashed, and one set before that check must still sign in.
  password: z
    .string()
    .check(z.minLength(1, PASSWORD_REQUIRED_MESSAGE), z.maxLength(PASSWORD_MAX_LENGTH, 'Incorrect email or password.')),
});
export type SignInInput = z.input<typeof signInSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({
    token: textSchema().check(
      z.minLength(20, 'This reset link is incomplete.'),
      z.maxLength(200, 'This reset link is not valid.'),
    ),
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .check(
    z.refine((value) => value.password === value.confirmPassword, {
      path: ['confirmPassword'],
      message: PASSWORDS_DIFFER_MESSAGE,
    }),
  );
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().check(z.minLength(1, 'Enter your current password.'), z.maxLength(PASSWORD_MAX_LENGTH)),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .check(
    z.refine((value) => value.newPassword === value.confirmPassword, {
      path: ['confirmPassword'],
      message: PASSWORDS_DIFFER_MESSAGE,
    }),
  );
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const profileSchema = z.object({ name: nameSchema, timeZone: timeZoneSchema });
export type ProfileInput = z.input<typeof profileSchema>;

/** The one-click "use my browser's zone" from the banner. */
export const timeZoneUpdateSchema = z.object({ timeZone: timeZoneSchema });

export const deleteAccountSchema = z.object({ confirmEmail: textSchema({ trim: true }).check(z.maxLength(254)) });

/** Signs out one of the user's other devices from the account page. */
export const revokeSessionSchema = z.object({ id: idSchema('session') });

/** Where signing out lands: a fixed set, so the caller cannot name another site. */
export const SIGNED_OUT_PAGES = {
  home: '/',
  'sign-in': '/sign-in',
  'account-deleted': '/sign-in?notice=account-deleted',
} as const;
export const signOutSchema = z.object({ to: z.enum(Object.keys(SIGNED_OUT_PAGES) as [keyof typeof SIGNED_OUT_PAGES]) });
export type SignOutInput = z.input<typeof signOutSchema>;
