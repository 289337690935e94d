import { ACCOUNT_FAILURES_BEFORE_DELAY, accountDelayMs } from '@/lib/domain/sign-in-delay';

describe('accountDelayMs', () => {
  it('lets the first failures through without a wait, then doubles from 1 s up to 5 minutes', () => {
    expect(accountDelayMs(0)).toBe(0);
    expect(accountDelayMs(ACCOUNT_FAILURES_BEFORE_DELAY - 1)).toBe(0);
    expect([10, 11, 12, 13].map(accountDelayMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(accountDelayMs(18)).toBe(256_000);
    expect(accountDelayMs(19)).toBe(300_000);
    expect(accountDelayMs(10_000)).toBe(300_000);
  });
});
