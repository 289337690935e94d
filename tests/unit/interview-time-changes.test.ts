import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ApplicationEmployerRecord } from '@/components/applications/application-employer-record';
import { InterviewTimeChangesSection } from '@/components/interviews/interview-time-changes-section';
import {
  type InterviewTimeChangeView,
  RESCHEDULE_REASONS,
  RESCHEDULE_REASON_LABELS,
  employerRescheduleSummary,
  isRescheduleReason,
  isTimeChange,
  movedHeading,
  rescheduleReasonLabel,
  timesInWords,
} from '@/lib/domain/interview-time-changes';
import { interviewFormSchema } from '@/lib/validation/interview';

describe('counts in words', () => {
  it.each([
    [1, 'once'],
    [2, 'twice'],
    [3, 'three times'],
    [6, 'six times'],
    [7, '7 times'],
    [12, '12 times'],
  ])('%i reads as "%s"', (count, words) => {
    expect(timesInWords(count)).toBe(words);
  });

  it('heads the history "Moved twice" and says nothing for an interview that never moved', () => {
    expect(movedHeading(2)).toBe('Moved twice');
    expect(movedHeading(1)).toBe('Moved once');
    expect(movedHeading(0)).toBeNull();
  });

  it("puts the employer's record in figures, and nothing when they never moved a round", () => {
    expect(employerRescheduleSummary(3)).toBe('Rescheduled by them 3 times');
    expect(employerRescheduleSummary(1)).toBe('Rescheduled by them once');
    expect(employerRescheduleSummary(0)).toBeNull();
  });
});

describe('reason categories', () => {
  it('labels every category', () => {
    for (const reason of RESCHEDULE_REASONS) expect(RESCHEDULE_REASON_LABELS[reason]).toMatch(/\S/);
    expect(RESCHEDULE_REASONS).toEqual(['CONFLICT', 'ILLNESS', 'TRAVEL', 'EMPLOYER_REQUEST', 'OTHER']);
  });

  it('accepts only the listed categories', () => {
    expect(isRescheduleReason('ILLNESS')).toBe(true);
    expect(isRescheduleReason('illness')).toBe(false);
    expect(isRescheduleReason(undefined)).toBe(false);
  });

  it('reads an unknown stored category as "Other" and no category as none', () => {
    expect(rescheduleReasonLabel('TRAVEL')).toBe('Travel');
    expect(rescheduleReasonLabel('WEATHER')).toBe('Other');
    expect(rescheduleReasonLabel(null)).toBeNull();
  });
});

describe('what counts as a move', () => {
  const slot = { scheduledStart: new Date('2027-03-10T10:00:00Z'), durationMinutes: 60, timeZone: 'Europe/London' };

  it('is a new start, a new length or a new zone', () => {
    expect(isTimeChange(slot, { ...slot, scheduledStart: new Date('2027-03-10T11:00:00Z') })).toBe(true);
    expect(isTimeChange(slot, { ...slot, durationMinutes: 45 })).toBe(true);
    expect(isTimeChange(slot, { ...slot, timeZone: 'Europe/Dublin' })).toBe(true);
  });

  it('is not the same instant read again', () => {
    expect(isTimeChange(slot, { ...slot, scheduledStart: new Date(slot.scheduledStart.getTime()) })).toBe(false);
  });
});

describe("the edit form's reason", () => {
  const input = {
    company: 'Acme Ltd',
    roleTitle: 'Backend Engineer',
    date: '2027-03-10',
    startTime: '10:00',
    endTime: '11:00',
    timeZone: 'Europe/London',
    format: 'PHONE' as const,
    contactPhone: '+44 20 7946 0000',
  };

  it('keeps a listed category and the words, and reads blanks as none', () => {
    const kept = interviewFormSchema.safeParse({
      ...input,
      rescheduleReason: 'TRAVEL',
      rescheduleNote: ' Flight moved ',
    });
    expect(kept.success && [kept.data.rescheduleReason, kept.data.rescheduleNote]).toEqual(['TRAVEL', 'Flight moved']);
    const blank = interviewFormSchema.safeParse({ ...input, rescheduleReason: '', rescheduleNote: '' });
    expect(blank.success && [blank.data.rescheduleReason, blank.data.rescheduleNote]).toEqual([undefined, undefined]);
  });

  it('refuses a category that is not on the list, saying so', () => {
    const refused = interviewFormSchema.safeParse({ ...input, rescheduleReason: 'WEATHER' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['rescheduleReason', 'Choose a reason from the list.'],
    ]);
  });
});

describe('what the pages show', () => {
  const move = (overrides: Partial<InterviewTimeChangeView>): InterviewTimeChangeView => ({
    id: 'm1',
    requestedBy: 'CANDIDATE',
    reasonCategory: null,
    reason: null,
    fromStart: new Date('2027-03-10T10:00:00Z'),
    toStart: new Date('2027-03-11T10:00:00Z'),
    fromTimeZone: 'Europe/London',
    toTimeZone: 'Europe/London',
    fromDurationMinutes: 60,
    toDurationMinutes: 60,
    recordedAt: new Date('2027-03-01T09:00:00Z'),
    ...overrides,
  });

  it('says how many times the interview moved, who asked and why, each time in its zone', () => {
    const html = renderToStaticMarkup(
      createElement(InterviewTimeChangesSection, {
        changes: [
          move({ reasonCategory: 'TRAVEL', reason: 'Flight moved' }),
          move({
            id: 'm2',
            requestedBy: 'INVITATION',
            reason: "changed by the employer's invitation",
            fromStart: new Date('2027-03-11T10:00:00Z'),
            toStart: new Date('2027-03-12T15:00:00Z'),
            toTimeZone: 'America/New_York',
          }),
        ],
      }),
    );
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('Moved twice:');
    expect(text).toContain('Moved at your request (Travel: Flight moved) from');
    // The invitation's label is its reason; the old and new times read in the interview's zone now.
    expect(text).toMatch(/Moved by the employer(&#x27;|')s invitation from [^.]*New York[^.]* to [^.]*New York/);
    expect(text).not.toContain('changed by the employer');
  });

  it('shows nothing for an interview that never moved', () => {
    expect(renderToStaticMarkup(createElement(InterviewTimeChangesSection, { changes: [] }))).toBe('');
  });

  it("gives the employer's record on the application only when there is one", () => {
    expect(renderToStaticMarkup(createElement(ApplicationEmployerRecord, { employerReschedules: 3 }))).toContain(
      'Rescheduled by them 3 times.',
    );
    expect(renderToStaticMarkup(createElement(ApplicationEmployerRecord, { employerReschedules: 0 }))).toBe('');
  });
});
