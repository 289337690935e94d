/** How an interview takes place, and the words for it everywhere it is shown or exported. */
export const INTERVIEW_FORMATS = ['IN_PERSON', 'VIDEO', 'PHONE'] as const;

export type InterviewFormat = (typeof INTERVIEW_FORMATS)[number];

export const FORMAT_LABELS: Readonly<Record<InterviewFormat, string>> = {
  IN_PERSON: 'In person',
  VIDEO: 'Video call',
  PHONE: 'Phone call',
};
