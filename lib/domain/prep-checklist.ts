import type { InterviewFormat } from './calendar';

export type PrepItem = { id: string; label: string; hint?: string };

/** A second chance follows a miss: the interview replaces one that had a recovery. */
export function isSecondChance(interview: { rescheduledFrom: { _count: { incidents: number } } | null }): boolean {
  return (interview.rescheduledFrom?._count.incidents ?? 0) > 0;
}

// Ticks are stored by id in Interview.prepChecklist: renaming an id orphans existing ticks.

/**
 * The rescheduled interview: be early, be gracious, look ahead. Every label is phrased forward,
 * because these show on the new interview's own page, which never brings up what went before.
 * The last item keeps its id: "keep the focus on the role" is the same commitment as not going
 * over the past again, so a tick given to one stands for the other.
 */
export const SECOND_CHANCE_PREP_ITEMS = [
  { id: 'second-chance-arrive-early', label: 'Arrive at least 15 minutes early', inPersonOnly: false },
  { id: 'second-chance-route-planned', label: 'Route planned with extra time for delays', inPersonOnly: true },
  {
    id: 'second-chance-place-visited',
    label: 'Visited the place beforehand (or studied the route and entrance)',
    inPersonOnly: true,
  },
  { id: 'second-chance-thank-them', label: 'Thank them for the opportunity', inPersonOnly: false },
  { id: 'second-chance-no-rehash', label: 'Keep the focus on the role and what you bring', inPersonOnly: false },
] as const;

export type SecondChancePrepItemId = (typeof SECOND_CHANCE_PREP_ITEMS)[number]['id'];

/** The second-chance items for an interview of this format (null: all of them). */
export function listSecondChancePrepItems(format: InterviewFormat | null) {
  return SECOND_CHANCE_PREP_ITEMS.filter((item) => !item.inPersonOnly || format === 'IN_PERSON' || format === null);
}

// `secondChanceCovers`: the base item a second-chance item already asks for, so a second
// chance does not list the route or the visit twice.
const inPerson: (PrepItem & { coveredOnSecondChance?: boolean })[] = [
  {
    id: 'route-planned',
    label: 'Route planned, with extra time for delays',
    hint: 'Check the journey at the same time of day and have a backup.',
    coveredOnSecondChance: true,
  },
  {
    id: 'location-checked',
    label: 'Location visited or checked beforehand',
    hint: 'Know the entrance, the reception and where to wait.',
    coveredOnSecondChance: true,
  },
  {
    id: 'documents-ready',
    label: 'Documents ready',
    hint: 'CV, ID, portfolio, the invitation with the contact’s number.',
  },
];

const video: PrepItem[] = [
  { id: 'link-tested', label: 'Meeting link, camera and microphone tested' },
  { id: 'quiet-place', label: 'Quiet place with a charged device and a backup connection' },
  {
    id: 'documents-ready',
    label: 'Documents ready',
    hint: 'CV, notes and the contact’s number in case the call drops.',
  },
];

const phone: PrepItem[] = [
  { id: 'number-confirmed', label: 'Who calls whom, and the number, confirmed' },
  { id: 'quiet-place', label: 'Quiet place with a charged phone' },
  { id: 'documents-ready', label: 'Documents ready', hint: 'CV and notes in front of you.' },
];

/** Every prep item of an interview: the second-chance ones first when it is a second chance. */
export function prepItemsFor(format: InterviewFormat, isSecondChance: boolean): PrepItem[] {
  const base: (PrepItem & { coveredOnSecondChance?: boolean })[] =
    format === 'IN_PERSON' ? inPerson : format === 'VIDEO' ? video : phone;
  const plain = base.map(({ id, label, hint }) => ({ id, label, hint }));
  if (!isSecondChance) return plain;
  const secondChance = listSecondChancePrepItems(format).map(({ id, label }) => ({ id, label }));
  return [...secondChance, ...plain.filter((_, index) => !base[index]?.coveredOnSecondChance)];
}

export function findPrepItem(format: InterviewFormat, isSecondChance: boolean, itemId: string): PrepItem | undefined {
  return prepItemsFor(format, isSecondChance).find((item) => item.id === itemId);
}
