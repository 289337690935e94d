// The words people put in a CSV's header row, and the field each one names. English only: the
// trackers whose exports have presets write English headers, and a header in another language
// is mapped by the user on the mapping page.
import type { ImportField } from './csv-import';

/** A header as words: lower case, camelCase and snake_case split, punctuation gone ("JobTitle" → "job title"). */
export function normaliseHeader(header: string): string {
  return header
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Exact headers (after normaliseHeader) and the field each names.
const SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  company: [
    'company',
    'company name',
    'employer',
    'employer name',
    'organisation',
    'organization',
    'org',
    'firm',
    'business',
  ],
  roleTitle: [
    'role',
    'role title',
    'job title',
    'title',
    'position',
    'position title',
    'job',
    'job position',
    'job name',
    'job role',
    'vacancy',
    'opening',
  ],
  stage: [
    'status',
    'stage',
    'application status',
    'current status',
    'current stage',
    'state',
    'list',
    'list name',
    'pipeline stage',
    'column',
    'progress',
  ],
  appliedOn: [
    'date applied',
    'applied',
    'applied on',
    'applied date',
    'applied at',
    'application date',
    'date of application',
    'date submitted',
    'submitted',
    'submitted on',
    'date',
  ],
  interviewDate: [
    'interview date',
    'interview',
    'interview on',
    'interview at',
    'next interview',
    'interview date time',
    'interview datetime',
    'interview start',
    'start',
    'start utc',
    'start date',
  ],
  interviewTime: ['time', 'interview time', 'start time'],
  timeZone: ['timezone', 'time zone', 'tz', 'zone', 'interview time zone'],
  location: ['location', 'city', 'place', 'office', 'address', 'job location', 'where'],
  remote: ['remote', 'is remote', 'workplace type', 'work type', 'workplace', 'remote onsite', 'work mode'],
  postingUrl: [
    'url',
    'link',
    'job url',
    'job link',
    'posting',
    'posting url',
    'posting link',
    'job posting',
    'job posting url',
    'listing',
    'listing url',
    'job ad',
    'application link',
    'application url',
    'website',
  ],
  meetingUrl: ['meeting link', 'meeting url', 'video link', 'zoom link', 'call link', 'meet link', 'teams link'],
  contactName: [
    'contact',
    'contact name',
    'contact person',
    'recruiter',
    'recruiter name',
    'hiring manager',
    'interviewer',
    'point of contact',
    'person',
    'referrer',
  ],
  contactEmail: ['email', 'e mail', 'contact email', 'recruiter email', 'email address', 'contact e mail'],
  contactPhone: [
    'phone',
    'phone number',
    'contact phone',
    'contact phone number',
    'recruiter phone',
    'mobile',
    'telephone',
    'tel',
  ],
  salary: [
    'salary',
    'compensation',
    'pay',
    'salary range',
    'comp',
    'expected salary',
    'salary expectation',
    'rate',
    'wage',
    'pay range',
    'base salary',
  ],
  salaryMin: ['salary min', 'min salary', 'minimum salary', 'salary from', 'salary minimum'],
  salaryMax: ['salary max', 'max salary', 'maximum salary', 'salary to', 'salary maximum'],
  salaryCurrency: ['currency', 'salary currency'],
  salaryPeriod: ['salary period', 'pay period', 'per'],
  source: [
    'source',
    'job source',
    'found via',
    'found on',
    'found through',
    'channel',
    'platform',
    'how applied',
    'how found',
    'where found',
    'job board',
    'board',
    'applied via',
    'applied through',
  ],
  sourceDetail: ['source detail', 'source details'],
  notes: ['notes', 'note', 'comments', 'comment', 'description', 'details', 'remarks', 'memo'],
  stageHistory: ['stage history', 'history', 'timeline', 'status history'],
  contacts: ['contacts'],
  closeReason: ['close reason', 'closed reason', 'reason closed', 'rejection reason', 'outcome reason'],
  roundLabel: ['round', 'interview round', 'round name', 'interview stage'],
  interviewFormat: ['format', 'interview format', 'interview type', 'meeting type'],
  interviewStatus: ['interview status', 'round status', 'interview outcome', 'interview result'],
  durationMinutes: ['duration', 'duration min', 'duration minutes', 'length', 'interview length', 'interview duration'],
  addedAt: ['added', 'added on', 'date added', 'created', 'created at', 'created on', 'date created', 'saved on'],
};

const EXACT = new Map<string, ImportField>();
for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, readonly string[]][]) {
  for (const name of names) EXACT.set(name, field);
}

// Headers that contain these words, tried after every exact match, most specific first. The
// words of people other than a contact (the user, the creator) keep an export's own account
// columns ("creatorUserEmail", "applicant email") out of the contacts.
const NOT_A_CONTACT = /\b(?:my|your|user|creator|owner|applicant|candidate|resume|cv)\b/;
const CONTAINS: readonly [RegExp, ImportField][] = [
  [/\b(?:company|employer|organi[sz]ation)\b/, 'company'],
  [/\b(?:job title|position|role)\b/, 'roleTitle'],
  [/\b(?:status|stage)\b/, 'stage'],
  [/\bapplied\b|\bapplication date\b/, 'appliedOn'],
  [/\binterview\b.*\b(?:date|when|day)\b/, 'interviewDate'],
  [/\btime ?zone\b/, 'timeZone'],
  [/\binterview\b.*\btime\b/, 'interviewTime'],
  [/\b(?:meeting|zoom|teams|video)\b.*\b(?:link|url)\b/, 'meetingUrl'],
  [/\b(?:posting|job|listing)\b.*\b(?:link|url)\b|\burl\b/, 'postingUrl'],
  [/\b(?:salary|compensation)\b/, 'salary'],
  [/\blocation\b/, 'location'],
  [/\bsource\b/, 'source'],
  [/\b(?:notes?|comments?)\b/, 'notes'],
];
const CONTACT_CONTAINS: readonly [RegExp, ImportField][] = [
  [/\be ?mail\b/, 'contactEmail'],
  [/\b(?:phone|mobile)\b/, 'contactPhone'],
  [/\b(?:recruiter|contact|hiring manager)\b/, 'contactName'],
];

/** The field a header names: by an exact synonym, or (the second pass) by the words it contains. */
export function guessField(header: string, pass: 'exact' | 'contains'): ImportField | null {
  const words = normaliseHeader(header);
  if (!words) return null;
  if (pass === 'exact') return EXACT.get(words) ?? null;
  for (const [pattern, field] of CONTAINS) if (pattern.test(words)) return field;
  if (NOT_A_CONTACT.test(words)) return null;
  for (const [pattern, field] of CONTACT_CONTAINS) if (pattern.test(words)) return field;
  return null;
}
