// The limits and words the schemas use that a browser form also needs before the server answers.
// No zod here: importing a schema module puts zod and every schema into the page's first load,
// importing this puts in a few constants.

export const PASSWORD_MIN_LENGTH = 10;
// argon2 cost grows with input; a bound keeps one request from burning the CPU.
export const PASSWORD_MAX_LENGTH = 128;
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;

export const MAX_EXPLANATION_LENGTH = 280;
export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 10_000;
export const RESCHEDULE_ANSWERS = ['ACCEPTED', 'DECLINED', 'NO_RESPONSE'] as const;

export const WHAT_HAPPENED_MAX = 2000;
export const ACTION_TEXT_MAX = 300;
export const ACTIONS_MAX = 10;

export const EMAIL_REQUIRED_MESSAGE = 'Enter your email address.';
export const EMAIL_TOO_LONG_MESSAGE = `An email address is at most ${EMAIL_MAX_LENGTH} characters.`;
export const EMAIL_INVALID_MESSAGE = 'Enter a valid email address, like name@example.com.';
export const PASSWORD_REQUIRED_MESSAGE = 'Enter your password.';
export const PASSWORD_TOO_SHORT_MESSAGE = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
export const PASSWORD_TOO_LONG_MESSAGE = `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
export const NAME_REQUIRED_MESSAGE = 'Enter your name.';
export const NAME_TOO_LONG_MESSAGE = `A name is at most ${NAME_MAX_LENGTH} characters.`;
export const PASSWORDS_DIFFER_MESSAGE = 'The two passwords do not match.';
