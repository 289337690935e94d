import { findMissInstant, minutesSinceMiss } from '@/lib/domain/recovery-timing';

const at = (time: string) => new Date(`2026-03-03T${time}:00Z`);

describe('minutesSinceMiss', () => {
  it('counts a miss from the interview’s start, not from when it was recorded', () => {
    // The 09:00 interview slipped by; the candidate noticed at 11:00 and called at 11:05.
    const incident = { kind: 'MISSED' as const, scheduledStart: at('09:00'), recordedAt: at('11:00') };
    expect(findMissInstant(incident)).toEqual(at('09:00'));
    expect(minutesSinceMiss(incident, at('11:05'))).toBe(125);
  });

  it('counts a miss known in advance from when the candidate recorded it', () => {
    const incident = { kind: 'MISSED' as const, scheduledStart: at('09:00'), recordedAt: at('07:30') };
    expect(minutesSinceMiss(incident, at('07:40'))).toBe(10);
  });

  it('counts "running late" from when the candidate knew, i.e. recorded it, even after the start', () => {
    expect(
      minutesSinceMiss({ kind: 'RUNNING_LATE', scheduledStart: at('09:00'), recordedAt: at('08:30') }, at('08:35')),
    ).toBe(5);
    expect(
      minutesSinceMiss({ kind: 'RUNNING_LATE', scheduledStart: at('09:00'), recordedAt: at('09:10') }, at('09:12')),
    ).toBe(2);
  });

  it('never answers negative time, and nothing for an unknown moment', () => {
    const incident = { kind: 'MISSED' as const, scheduledStart: at('09:00'), recordedAt: at('11:00') };
    expect(minutesSinceMiss(incident, at('08:00'))).toBe(0);
    expect(minutesSinceMiss(incident, null)).toBeNull();
  });
});
