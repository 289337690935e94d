import { lessonFilterSchema, lessonFormSchema, parseLessonFilters } from '@/lib/validation/lessons';

const valid = {
  rootCause: 'TRAFFIC_TRANSPORT',
  whatHappened: 'The train was cancelled and I had no plan B.',
  actions: [{ text: 'Leave 30 minutes earlier' }],
};

function fieldErrors(input: unknown): Record<string, string> {
  const result = lessonFormSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('lessonFormSchema', () => {
  it('accepts a lesson and trims its text', () => {
    const result = lessonFormSchema.parse({
      ...valid,
      whatHappened: '  Late.  ',
      actions: [{ text: '  Plan the route  ' }],
    });
    expect(result).toEqual({
      rootCause: 'TRAFFIC_TRANSPORT',
      side: 'CANDIDATE',
      whatHappened: 'Late.',
      actions: [{ text: 'Plan the route' }],
    });
  });

  it.each(['', '   ', '\n\t'])('refuses empty text (%j) with a clear message', (whatHappened) => {
    expect(fieldErrors({ ...valid, whatHappened })).toEqual({
      whatHappened: 'Write what happened, even in one sentence.',
    });
  });

  it('refuses a missing text', () => {
    expect(fieldErrors({ rootCause: 'OTHER', actions: [] })).toHaveProperty('whatHappened');
  });

  it('refuses text over 2,000 characters', () => {
    expect(fieldErrors({ ...valid, whatHappened: 'x'.repeat(2001) }).whatHappened).toMatch(/2,000 characters/);
    expect(fieldErrors({ ...valid, whatHappened: 'x'.repeat(2000) })).toEqual({});
  });

  it('refuses an unknown root cause, naming the choices', () => {
    expect(fieldErrors({ ...valid, rootCause: 'ALIENS' }).rootCause).toMatch(
      /^Choose what caused it: traffic or transport, /,
    );
  });

  it('allows up to 10 actions and refuses 11', () => {
    const actions = (count: number) => Array.from({ length: count }, (_, index) => ({ text: `Action ${index}` }));
    expect(fieldErrors({ ...valid, actions: actions(10) })).toEqual({});
    expect(fieldErrors({ ...valid, actions: actions(11) })).toEqual({
      actions: 'Keep it to 10 prevention actions at most: the ones you will really do.',
    });
  });

  it('refuses an action over 300 characters, on that row', () => {
    const errors = fieldErrors({ ...valid, actions: [{ text: 'ok' }, { text: 'y'.repeat(301) }] });
    expect(errors).toEqual({ 'actions.1.text': 'A prevention action is at most 300 characters; split it into two.' });
    expect(fieldErrors({ ...valid, actions: [{ text: 'y'.repeat(300) }] })).toEqual({});
  });

  it('allows a blank action row (it is dropped when saving) and no actions at all', () => {
    expect(fieldErrors({ ...valid, actions: [{ text: '   ' }] })).toEqual({});
    expect(fieldErrors({ ...valid, actions: [] })).toEqual({});
  });

  it('refuses a malformed action id', () => {
    expect(fieldErrors({ ...valid, actions: [{ actionId: "x' OR 1=1 --", text: 'a' }] })).toHaveProperty([
      'actions.0.actionId',
    ]);
  });
});

describe('lesson filters from the URL', () => {
  it('keeps valid filters', () => {
    expect(parseLessonFilters({ cause: 'FORGOT', from: '2026-01-01', to: '2026-03-31' })).toEqual({
      cause: 'FORGOT',
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });

  it('ignores an unknown cause, impossible dates and repeated parameters instead of failing', () => {
    expect(parseLessonFilters({ cause: 'ALIENS', from: '2026-02-31', to: 'yesterday' })).toEqual({});
    expect(parseLessonFilters({ cause: ['FORGOT', 'OTHER'], from: ['2026-01-01'] })).toEqual({});
    expect(parseLessonFilters({ cause: '', from: '' })).toEqual({});
    expect(parseLessonFilters({ from: '1900-01-01' })).toEqual({});
  });

  it('ignores parameters it does not know', () => {
    expect(parseLessonFilters({ userId: 'someone-else', cause: 'OTHER' })).toEqual({ cause: 'OTHER' });
  });

  it('reads a reversed range the right way round', () => {
    expect(parseLessonFilters({ from: '2026-05-01', to: '2026-01-01' })).toEqual({
      from: '2026-01-01',
      to: '2026-05-01',
    });
  });

  it('reads URLSearchParams too', () => {
    expect(parseLessonFilters(new URLSearchParams('cause=TIMEZONE_ERROR&from=2026-13-01&format=csv'))).toEqual({
      cause: 'TIMEZONE_ERROR',
    });
  });

  it('never throws', () => {
    expect(() => lessonFilterSchema.parse({ cursor: 'x'.repeat(500) })).not.toThrow();
  });
});

describe('lessonFormSchema: whose side', () => {
  const employer = { ...valid, rootCause: 'SCHEDULE_MIXUP', side: 'EMPLOYER', company: '  Fabrikam  ' };

  it('reads an absent side as the candidate’s', () => {
    expect(lessonFormSchema.parse(valid).side).toBe('CANDIDATE');
  });

  it('keeps an employer-side lesson with its company trimmed', () => {
    expect(lessonFormSchema.parse(employer)).toMatchObject({ side: 'EMPLOYER', company: 'Fabrikam' });
  });

  it('refuses a root cause the employer’s side does not have, on the root cause', () => {
    expect(fieldErrors({ ...employer, rootCause: 'TRAFFIC_TRANSPORT' })).toEqual({
      rootCause: 'On the employer’s side, choose one of: schedule mix-up, time-zone mistake, technical problem, other.',
    });
    expect(fieldErrors({ ...valid, side: 'CANDIDATE', rootCause: 'TRAFFIC_TRANSPORT' })).toEqual({});
  });

  it.each([undefined, '', '   '])('asks an employer-side lesson for the company (%j)', (company) => {
    expect(fieldErrors({ ...employer, company })).toEqual({
      company: 'Name the employer, so the lesson comes back before your next interview with them.',
    });
  });

  it('refuses an unknown side and an over-long company', () => {
    expect(fieldErrors({ ...valid, side: 'BOTH' })).toHaveProperty('side');
    expect(fieldErrors({ ...employer, company: 'x'.repeat(201) })).toEqual({
      company: 'A company name is at most 200 characters.',
    });
  });
});

describe('lesson filters from the URL: whose side', () => {
  it('keeps a known side and drops anything else', () => {
    expect(parseLessonFilters({ side: 'EMPLOYER', cause: 'OTHER' })).toEqual({ side: 'EMPLOYER', cause: 'OTHER' });
    expect(parseLessonFilters({ side: 'employer' })).toEqual({});
    expect(parseLessonFilters({ side: ['EMPLOYER', 'CANDIDATE'] })).toEqual({});
  });
});
