// The first guess at a file's mapping, which the user then checks and changes: which column is
// which field (by its header), which of the file's stage values is which of the user's stages,
// and which order its dates are in. Every guess here can be overridden on the mapping page, so
// each one prefers leaving something unmapped to mapping it wrongly.
import type { CsvImportOptions, CsvTable, DateOrder, ImportField } from './csv-import';
import { createCellReader } from './csv-import-cells';
import { dateOrderEvidence, parseImportDate } from './csv-import-dates';
import { guessField, normaliseHeader } from './csv-import-header-words';
import { detectPreset, isPresetHeader, presetField, type CsvPreset } from './csv-import-presets';

export { normaliseHeader } from './csv-import-header-words';

export type ImportStage = { id: string; name: string; systemKey: string | null };

/** What each field is called on the mapping page. */
export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  company: 'Company',
  roleTitle: 'Role',
  stage: 'Stage',
  appliedOn: 'Applied on',
  interviewDate: 'Interview date',
  interviewTime: 'Interview time',
  timeZone: 'Time zone',
  location: 'Location',
  remote: 'Remote',
  postingUrl: 'Posting link',
  meetingUrl: 'Meeting link',
  contactName: 'Contact name',
  contactEmail: 'Contact email',
  contactPhone: 'Contact phone',
  salary: 'Salary (text)',
  salaryMin: 'Salary min',
  salaryMax: 'Salary max',
  salaryCurrency: 'Currency',
  salaryPeriod: 'Salary period',
  source: 'Source',
  sourceDetail: 'Source detail',
  notes: 'Notes',
  stageHistory: 'Stage history (Rebound)',
  contacts: 'Contacts (Rebound)',
  closeReason: 'Close reason',
  roundLabel: 'Interview round',
  interviewFormat: 'Interview format',
  interviewStatus: 'Interview status',
  durationMinutes: 'Interview duration (min)',
  addedAt: 'Added',
};

/**
 * The field each column fills, or null to skip it. A preset's own headers take its mapping (and
 * stay skipped when it maps them to nothing); other headers are matched by name, exact synonyms
 * first, then by the words they contain. Each field goes to one column at most: the first.
 */
export function suggestColumns(headers: string[], preset: CsvPreset | null): (ImportField | null)[] {
  const result: (ImportField | null)[] = headers.map(() => null);
  const used = new Set<ImportField>();
  const open = headers.map((header) => !(preset && isPresetHeader(preset, header)));
  if (preset) {
    headers.forEach((header, index) => {
      const field = presetField(preset, header);
      if (field && !used.has(field)) {
        result[index] = field;
        used.add(field);
      }
    });
  }
  for (const pass of ['exact', 'contains'] as const) {
    headers.forEach((header, index) => {
      if (!open[index] || result[index] !== null) return;
      const field = guessField(header, pass);
      if (field && !used.has(field)) {
        result[index] = field;
        used.add(field);
      }
    });
  }
  return result;
}

/**
 * Each distinct value of the stage column and how many rows have it, most common first, read as
 * the rows' stage values are (csv-import-cells.ts), under the import's preset (the one its
 * headers name when none is passed), so a Rebound export's apostrophes and a tracker's "nothing"
 * words are read the same way here.
 */
export function collectStageValues(
  table: CsvTable,
  columns: (ImportField | null)[],
  preset: CsvPreset | null = detectPreset(table.headers),
): { value: string; count: number }[] {
  const index = columns.indexOf('stage');
  if (index === -1) return [];
  const readCell = createCellReader(preset);
  const counts = new Map<string, number>();
  for (const row of table.rows) {
    const value = readCell(row[index] ?? '', 'stage');
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  // Map keeps first-seen order, and sort is stable: ties stay in file order.
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

// A stage value's words → the default stage they mean, most specific first ("offer declined"
// before "offer", "phone screen" before "phone interview"'s "interview").
const STAGE_RULES: readonly [RegExp, string][] = [
  [/\b(?:accepted|hired|signed|offer accepted)\b/, 'ACCEPTED'],
  [
    /\b(?:withdrawn|withdrew|withdraw|offer declined|declined offer|declined the offer|not interested|retracted)\b/,
    'WITHDRAWN',
  ],
  [/\b(?:ghosted|no response|no reply|no answer|never heard back|unresponsive)\b/, 'GHOSTED'],
  [
    /\b(?:reject\w*|declined|not selected|unsuccessful|turned down|denied|not moving forward|no offer|did not get)\b/,
    'REJECTED',
  ],
  [/\boffer\w*\b/, 'OFFER'],
  [
    /\b(?:screen\w*|phone screen|recruiter call|hr call|intro call|initial call|assessment|take home|coding test|online test)\b/,
    'SCREENING',
  ],
  [/\b(?:interview\w*|on ?site|final round|technical|panel|round)\b/, 'INTERVIEWING'],
  [/\b(?:not (?:yet )?applied|to apply|not submitted)\b/, 'SAVED'],
  [
    /\b(?:applied|application sent|application submitted|submitted|in review|under review|pending|waiting)\b/,
    'APPLIED',
  ],
  [/\b(?:saved|wish ?list|bookmark\w*|interested|draft|to apply|not applied|planned|watching|lead)\b/, 'SAVED'],
];

/**
 * The user's stage for each value from the file: the preset's own word for it, else a stage of
 * the user's with that name, else the default stage its words mean; null when none fits (the
 * row then goes into the default stage, and the mapping page shows it unmapped).
 */
export function suggestStageMap(
  values: string[],
  stages: ImportStage[],
  preset: CsvPreset | null,
): Record<string, string | null> {
  const byKey = (key: string) => stages.find((stage) => stage.systemKey === key)?.id ?? null;
  const presetValues = new Map(
    Object.entries(preset?.stageValues ?? {}).map(([value, key]) => [value.trim().toLowerCase(), key]),
  );
  const map: Record<string, string | null> = {};
  for (const value of values) {
    const folded = value.trim().toLowerCase();
    const presetKey = presetValues.get(folded);
    const named = stages.find((stage) => normaliseHeader(stage.name) === normaliseHeader(value));
    let id = (presetKey && byKey(presetKey)) || named?.id || null;
    if (!id) {
      const words = normaliseHeader(value);
      const rule = STAGE_RULES.find(([pattern]) => pattern.test(words));
      id = rule ? byKey(rule[1]) : null;
    }
    map[value] = id;
  }
  return map;
}

const DATE_FIELDS: readonly ImportField[] = ['appliedOn', 'interviewDate', 'addedAt'];

/**
 * The day order of the file's dates, from all of them: a first part over 12 proves day-first, a
 * second part over 12 month-first; ISO dates say nothing about the others. When every numeric
 * date could be either, the answer is ambiguous and the order is the preset's, else day-first
 * (most of the world writes it; the mapping page asks whenever `ambiguous` is true). A file
 * with proof both ways is ambiguous too, and takes the order with more proof. The preset is the
 * import's (the one its headers name when none is passed).
 */
export function detectDateOrder(
  table: CsvTable,
  columns: (ImportField | null)[],
  preset: CsvPreset | null = detectPreset(table.headers),
): { order: DateOrder; ambiguous: boolean } {
  const indexes = columns.flatMap((field, index) => (field && DATE_FIELDS.includes(field) ? [index] : []));
  let dmy = 0;
  let mdy = 0;
  let unclear = 0;
  let iso = 0;
  for (const row of table.rows) {
    for (const index of indexes) {
      const evidence = dateOrderEvidence(row[index] ?? '');
      if (evidence === 'DMY') dmy += 1;
      else if (evidence === 'MDY') mdy += 1;
      else if (evidence === 'ambiguous') unclear += 1;
      else if (evidence === 'YMD') iso += 1;
    }
  }
  const fallback = preset?.dateOrder && preset.dateOrder !== 'YMD' ? preset.dateOrder : 'DMY';
  if (dmy > 0 && mdy > 0) return { order: dmy >= mdy ? 'DMY' : 'MDY', ambiguous: true };
  if (dmy > 0) return { order: 'DMY', ambiguous: false };
  if (mdy > 0) return { order: 'MDY', ambiguous: false };
  if (unclear > 0) return { order: fallback, ambiguous: true };
  if (iso > 0) return { order: 'YMD', ambiguous: false };
  return { order: preset?.dateOrder ?? 'DMY', ambiguous: false };
}

// Whether a column named like a date holds dates: JobSync's "applied" is Yes/No, and a column of
// those mapped to the applied date would skip every row. Looks at the first 200 filled cells.
function holdsDates(table: CsvTable, index: number): boolean {
  const cells = table.rows
    .map((row) => (row[index] ?? '').trim())
    .filter(Boolean)
    .slice(0, 200);
  if (cells.length === 0) return true;
  const readable = cells.filter((cell) => parseImportDate(cell, 'DMY') ?? parseImportDate(cell, 'MDY')).length;
  return readable * 2 >= cells.length;
}

/** The whole first guess for a new import: preset, columns, stage map, date order, the user's zone. */
export function defaultOptions(table: CsvTable, stages: ImportStage[], userTimeZone: string): CsvImportOptions {
  const preset = detectPreset(table.headers);
  const columns = suggestColumns(table.headers, preset).map((field, index) =>
    field && DATE_FIELDS.includes(field) && !holdsDates(table, index) ? null : field,
  );
  const values = collectStageValues(table, columns, preset).map((entry) => entry.value);
  return {
    presetId: preset?.id ?? null,
    columns,
    stageMap: suggestStageMap(values, stages, preset),
    dateOrder: detectDateOrder(table, columns, preset).order,
    timeZone: userTimeZone,
  };
}
