/** Failures of one account, from all addresses, before each further one must wait. */
export const ACCOUNT_FAILURES_BEFORE_DELAY = 10;
const ACCOUNT_DELAY_CAP_MS = 5 * 60 * 1000;

/**
 * How long after its latest failure an account with `failures` in the window is slowed:
 * nothing before ACCOUNT_FAILURES_BEFORE_DELAY, then 1 s, 2 s, 4 s… at most 5 minutes.
 */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FAILURES_BEFORE_DELAY) return 0;
  return Math.min(1000 * 2 ** (failures - ACCOUNT_FAILURES_BEFORE_DELAY), ACCOUNT_DELAY_CAP_MS);
}
