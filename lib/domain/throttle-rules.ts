// The limits on attempts (sign-in, sign-up, password reset) and the keys they are counted
// under. The counting itself is lib/server/throttle; these are the rules it counts by.

export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export function formatRetryTime(retryAt: Date, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(retryAt);
}

// Sign-in has three counters. Per address, across accounts: stops spraying one password
// over many accounts. Per account and address: stops one address guessing one account.
// Per account, from every address: slows a guesser with many addresses, without locking
// the owner out (see accountDelayMs in lib/domain/sign-in-delay.ts). The per-address limits
// are configuration (lib/env.ts).
export const signInThrottleKey = (email: string) => `sign-in:${email}`;
export const signInFromThrottleKey = (email: string, ip: string) => `sign-in:${email}|${ip}`;
export const signInAddressThrottleKey = (ip: string) => `sign-in-ip:${ip}`;
export const SIGN_IN_FAILURES_PER_ACCOUNT_AND_ADDRESS = THROTTLE_MAX_FAILURES;
export const signUpThrottleKey = (ip: string) => `sign-up:${ip}`;
// Someone with many addresses passes any per-address limit, so it is backed by one for all
// sign-ups together.
export const SIGN_UPS_PER_WINDOW_OVERALL = 100;
export const allSignUpsThrottleKey = 'sign-up:*';
export const resetRequestThrottleKey = (email: string) => `reset:${email}`;
export const RESET_REQUESTS_PER_WINDOW = 3;
