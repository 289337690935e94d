import { z } from 'zod/mini';
import { describeSource, formatSalary, hasApplicationWarnings } from '@/lib/domain/application-details';
import {
  applicationContactSchema,
  applicationFormSchema,
  FUTURE_APPLIED_MESSAGE,
  latestAppliedDate,
  parseApplicationTableQuery,
} from '@/lib/validation/application';
import { CONTROL_CHARACTER_MESSAGE, toFieldErrors } from '@/lib/validation/common';

const base = { company: 'Acme', roleTitle: 'Engineer' };

function errorsOf(input: Record<string, unknown>) {
  const result = z.safeParse(applicationFormSchema, { ...base, ...input });
  return result.success ? {} : toFieldErrors(result.error);
}

describe('the application form schema', () => {
  it('trims, reads blanks as absent, and upper-cases the currency', () => {
    expect(
      applicationFormSchema.parse({
        company: '  Acme  ',
        roleTitle: ' Engineer ',
        source: '',
        postingUrl: '',
        salaryMin: '50,000',
        salaryMax: ' 60000 ',
        salaryCurrency: 'eur',
        salaryPeriod: 'YEAR',
        appliedOn: '',
        notes: 'One\r\nTwo\tthree',
      }),
    ).toEqual({
      company: 'Acme',
      roleTitle: 'Engineer',
      salaryMin: 50000,
      salaryMax: 60000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'YEAR',
      notes: 'One\r\nTwo\tthree',
    });
  });

  it('requires company and role, within their lengths, with no control characters', () => {
    expect(errorsOf({ company: '   ', roleTitle: '' })).toEqual({
      company: 'Enter the company.',
      roleTitle: 'Enter the role.',
    });
    expect(errorsOf({ company: 'x'.repeat(201) }).company).toMatch(/at most 200/);
    expect(errorsOf({ company: 'Acme\u0000' }).company).toBe(CONTROL_CHARACTER_MESSAGE);
    expect(errorsOf({ notes: 'x'.repeat(10_001) }).notes).toMatch(/at most 10,000/);
    expect(errorsOf({ notes: 'x'.repeat(10_000) })).toEqual({});
  });

  it('asks where the job came from when the source is Other, and refuses a source not on the list', () => {
    expect(errorsOf({ source: 'OTHER' })).toEqual({ sourceDetail: 'Say where the job came from.' });
    expect(errorsOf({ source: 'OTHER', sourceDetail: 'A meetup' })).toEqual({});
    expect(errorsOf({ source: 'CARRIER_PIGEON' }).source).toMatch(/from the list/);
  });

  it('takes only http and https posting links', () => {
    expect(errorsOf({ postingUrl: 'https://jobs.example/1' })).toEqual({});
    for (const url of ['javascript:alert(1)', 'ftp://x.example', 'not a url', 'data:text/html,hi'])
      expect(errorsOf({ postingUrl: url }).postingUrl).toMatch(/https:\/\//);
  });

  it('holds the salary to whole numbers, min ≤ max, and all or nothing of amount, currency and period', () => {
    expect(errorsOf({ salaryMin: '-1', salaryCurrency: 'GBP', salaryPeriod: 'YEAR' }).salaryMin).toMatch(
      /whole number/,
    );
    expect(errorsOf({ salaryMin: '10.5', salaryCurrency: 'GBP', salaryPeriod: 'YEAR' }).salaryMin).toMatch(
      /whole number/,
    );
    expect(errorsOf({ salaryMin: '20', salaryMax: '10', salaryCurrency: 'GBP', salaryPeriod: 'YEAR' })).toEqual({
      salaryMax: 'The maximum salary must be at least the minimum.',
    });
    expect(errorsOf({ salaryMin: '20' })).toEqual({
      salaryCurrency: 'Enter the salary’s currency, e.g. GBP.',
      salaryPeriod: 'Choose whether the salary is per year, month or hour.',
    });
    expect(errorsOf({ salaryCurrency: 'GBP' })).toEqual({
      salaryMin: 'Enter a minimum or maximum salary, or clear the currency and period.',
    });
    expect(errorsOf({ salaryMax: '90', salaryCurrency: 'GB', salaryPeriod: 'HOUR' }).salaryCurrency).toMatch(
      /three-letter/,
    );
    expect(errorsOf({ salaryMax: '90', salaryCurrency: 'usd', salaryPeriod: 'HOUR' })).toEqual({});
  });

  it('takes any real past day or today as the applied date, and refuses the future and impossible days', () => {
    expect(errorsOf({ appliedOn: '1999-01-31' })).toEqual({});
    expect(errorsOf({ appliedOn: new Date().toISOString().slice(0, 10) })).toEqual({});
    expect(errorsOf({ appliedOn: '2999-01-01' })).toEqual({ appliedOn: FUTURE_APPLIED_MESSAGE });
    expect(errorsOf({ appliedOn: '2026-02-30' })).toEqual({ appliedOn: 'That date does not exist.' });
    expect(errorsOf({ appliedOn: '01/02/2026' }).appliedOn).toMatch(/YYYY-MM-DD/);
    // Today somewhere on Earth is at most 14 hours ahead of UTC.
    expect(latestAppliedDate(new Date('2026-12-01T09:59:00Z'))).toBe('2026-12-01');
    expect(latestAppliedDate(new Date('2026-12-01T10:00:00Z'))).toBe('2026-12-02');
  });
});

describe('the contact schema', () => {
  it('requires a name, checks email and phone, and reads an unknown role as Other', () => {
    expect(
      applicationContactSchema.parse({ name: ' Dana ', email: ' Dana@Acme.TEST ', phone: '', role: 'RECRUITER' }),
    ).toEqual({
      name: 'Dana',
      email: 'dana@acme.test',
      role: 'RECRUITER',
    });
    expect(applicationContactSchema.parse({ name: 'Dana', role: 'CEO' }).role).toBe('OTHER');
    const result = z.safeParse(applicationContactSchema, { name: '', email: 'nope', phone: 'call me', role: 'OTHER' });
    expect(result.success ? {} : Object.keys(toFieldErrors(result.error)).sort()).toEqual(['email', 'name', 'phone']);
  });
});

describe('the table query from the URL', () => {
  it('keeps good values and drops bad ones instead of failing', () => {
    expect(
      parseApplicationTableQuery({ sort: 'company', dir: 'desc', source: 'REFERRAL', from: '2026-01-01', q: ' acme ' }),
    ).toMatchObject({
      sort: 'company',
      dir: 'desc',
      source: 'REFERRAL',
      from: '2026-01-01',
      q: 'acme',
    });
    expect(
      parseApplicationTableQuery({ sort: ['company', 'applied'], from: '2026-13-01', q: '', stage: 'a b' }),
    ).toEqual({
      sort: 'changed',
      dir: undefined,
      stage: undefined,
      source: undefined,
      from: undefined,
      to: undefined,
      q: undefined,
      cursor: undefined,
    });
  });
});

describe('how an application is shown', () => {
  it('formats the salary range with its currency and period', () => {
    const range = { salaryCurrency: 'GBP', salaryPeriod: 'YEAR' as const };
    expect(formatSalary({ ...range, salaryMin: 50000, salaryMax: 60000 })).toBe('£50,000–£60,000 per year');
    expect(formatSalary({ ...range, salaryMin: 50000, salaryMax: null })).toBe('From £50,000 per year');
    expect(formatSalary({ salaryCurrency: 'USD', salaryPeriod: 'HOUR', salaryMin: null, salaryMax: 40 })).toBe(
      'Up to US$40 per hour',
    );
    expect(formatSalary({ salaryCurrency: null, salaryPeriod: null, salaryMin: null, salaryMax: null })).toBeNull();
  });

  it('names the source, or what the user wrote for Other', () => {
    expect(describeSource('REFERRAL', 'Sam')).toBe('Referral');
    expect(describeSource('OTHER', 'A meetup')).toBe('A meetup');
    expect(describeSource(null, null)).toBeNull();
  });

  it('says whether there is anything to warn about', () => {
    expect(hasApplicationWarnings({ sameRole: [], recentClosures: [] })).toBe(false);
    expect(
      hasApplicationWarnings({
        sameRole: [{ id: 'a', company: 'A', roleTitle: 'B', stageName: 'Applied' }],
        recentClosures: [],
      }),
    ).toBe(true);
  });
});
