import type { InterviewFormat } from './calendar';

export type PrepItem = { id: string; label: string; hint?: string };

const inPerson: PrepItem[] = [
  { id: 'route-planned', label: 'Route planned, with extra time for delays', hint: 'Check the journey at the same time of day and have a backup.' },
  { id: 'location-checked', label: 'Location visited or checked beforehand', hint: 'Know the entrance, the reception and where to wait.' },
  { id: 'documents-ready', label: 'Documents ready', hint: 'CV, ID, portfolio, the invitation with the contact’s number.' },
];

const video: PrepItem[] = [
  { id: 'link-tested', label: 'Meeting link, camera and microphone tested' },
  { id: 'quiet-place', label: 'Quiet place with a charged device and a backup connection' },
  { id: 'documents-ready', label: 'Documents ready', hint: 'CV, notes and the contact’s number in case the call drops.' },
];

const phone: PrepItem[] = [
  { id: 'number-confirmed', label: 'Who calls whom, and the number, confirmed' },
  { id: 'quiet-place', label: 'Quiet place with a charged phone' },
  { id: 'documents-ready', label: 'Documents ready', hint: 'CV and notes in front of you.' },
];

/** The second chance after a miss: be early, be gracious, do not dwell on the miss. */
export const secondChanceItems: PrepItem[] = [
  { id: 'arrive-early', label: 'Plan to be there at least 15 minutes early', hint: 'Leave by the time shown, with extra buffer this time.' },
  { id: 'thank-them', label: 'Thank them for the opportunity when you start' },
  { id: 'no-mention', label: 'Do not bring up the missed interview again', hint: 'It is settled; they rescheduled because they are interested.' },
];

export function prepItemsFor(format: InterviewFormat, isSecondChance: boolean): PrepItem[] {
  const base = format === 'IN_PERSON' ? inPerson : format === 'VIDEO' ? video : phone;
  return isSecondChance ? [...secondChanceItems, ...base] : base;
}

export function findPrepItem(format: InterviewFormat, isSecondChance: boolean, itemId: string): PrepItem | undefined {
  return prepItemsFor(format, isSecondChance).find((item) => item.id === itemId);
}

/** How many of the applicable items are ticked. */
export function prepProgress(format: InterviewFormat, isSecondChance: boolean, ticks: Record<string, unknown>) {
  const items = prepItemsFor(format, isSecondChance);
  const done = items.filter((item) => typeof ticks[item.id] === 'string').length;
  return { done, total: items.length, complete: done === items.length };
}
