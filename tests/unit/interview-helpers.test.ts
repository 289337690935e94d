import { resolveLocalStart } from '@/lib/domain/local-start';
import { buildMailtoLink } from '@/lib/domain/mailto';
import { isSecondChance } from '@/lib/domain/prep-checklist';

describe('resolveLocalStart', () => {
  it('an ordinary time is that instant, with nothing to say', () => {
    expect(resolveLocalStart('2026-06-01', '10:00', 'Europe/London')).toEqual({
      instant: new Date('2026-06-01T09:00:00Z'),
      adjustment: 'none',
      message: null,
    });
  });

  it('a time the clocks skip moves to the first one that exists, and says so', () => {
    const start = resolveLocalStart('2026-03-29', '01:30', 'Europe/London');
    expect(start.instant).toEqual(new Date('2026-03-29T01:30:00Z'));
    expect(start.adjustment).toBe('gap-shifted-forward');
    expect(start.message).toBe(
      '01:30 does not exist on 2026-03-29 in Europe/London: the clocks go forward then. It was saved as 02:30, the first time that exists after it. Check the time with the employer.',
    );
  });

  it('a time that happens twice is the first of the two, and says so', () => {
    const start = resolveLocalStart('2026-10-25', '01:30', 'Europe/London');
    expect(start.instant).toEqual(new Date('2026-10-25T00:30:00Z'));
    expect(start.adjustment).toBe('ambiguous-earlier');
    expect(start.message).toMatch(/^01:30 happens twice on 2026-10-25 in Europe\/London/);
  });
});

describe('isSecondChance', () => {
  it('only an interview replacing one with a recovery is a second chance', () => {
    expect(isSecondChance({ rescheduledFrom: null })).toBe(false);
    expect(isSecondChance({ rescheduledFrom: { _count: { incidents: 0 } } })).toBe(false);
    expect(isSecondChance({ rescheduledFrom: { _count: { incidents: 1 } } })).toBe(true);
  });
});

describe('buildMailtoLink', () => {
  it('keeps the address readable, encodes the rest and ends lines with CRLF', () => {
    expect(
      buildMailtoLink({ recipient: 'priya@acme.test', subject: 'Sorry & thank you', body: 'Line one\nLine two' }),
    ).toBe('mailto:priya@acme.test?subject=Sorry%20%26%20thank%20you&body=Line%20one%0D%0ALine%20two');
  });

  it('does not double a CR that is already there', () => {
    expect(buildMailtoLink({ recipient: 'a@b.test', subject: 's', body: 'a\r\nb' })).toBe(
      'mailto:a@b.test?subject=s&body=a%0D%0Ab',
    );
  });
});
