// Turns lessons into the two export files. No database here, so the formatting (and its
// escaping) is unit-tested on its own.
import { toCsv, type CsvCell } from './csv';
import { ROOT_CAUSE_LABELS, type RootCause } from './lesson-rules';
import { LESSON_SIDE_SHORT_LABELS, type LessonSide } from './lesson-sides';
import type { IncidentKind } from './recovery-state';
import { formatInZone, formatWithZone, utcToZonedLocal } from './time';

/** What the files show of a lesson; the lessons' select (lesson-select.ts) reads at least this. */
export type ExportLesson = {
  id: string;
  rootCause: RootCause;
  side: LessonSide;
  /** The employer the lesson names: the interview's, kept when it was deleted, or typed by hand. */
  company: string | null;
  whatHappened: string;
  reviewedAt: Date | null;
  createdAt: Date;
  incident: {
    kind: IncidentKind;
    recordedAt: Date;
    interview: { company: string; roleTitle: string; scheduledStart: Date; timeZone: string };
  } | null;
  actions: readonly { text: string; retiredAt: Date | null }[];
};

export const CSV_HEADERS = [
  'Lesson ID',
  'Happened',
  'Source',
  'Side',
  'Company',
  'Role',
  'Interview time',
  'Root cause',
  'What happened',
  'Prevention actions',
  'Retired actions (now habits)',
  'Last reviewed',
] as const;

/** Where a lesson came from: the incident's kind, or a near miss added by hand. */
export const LESSON_SOURCE_LABELS = {
  MISSED: 'Missed interview',
  RUNNING_LATE: 'Running late',
  EMPLOYER_NO_SHOW: 'The employer did not show up',
  NEAR_MISS: 'Near miss (added by hand)',
  EMPLOYER_BY_HAND: 'The employer’s side (added by hand)',
} as const;

/** The source label of one lesson: its incident's kind, else how a lesson added by hand reads on its side. */
export function describeLessonSource(lesson: Pick<ExportLesson, 'incident' | 'side'>): string {
  if (lesson.incident) return LESSON_SOURCE_LABELS[lesson.incident.kind];
  return LESSON_SOURCE_LABELS[lesson.side === 'EMPLOYER' ? 'EMPLOYER_BY_HAND' : 'NEAR_MISS'];
}

/** The heading over a lesson's actions, in the candidate's words for its side. */
export const LESSON_ACTIONS_HEADINGS: Readonly<Record<LessonSide, string>> = {
  CANDIDATE: 'What I will do differently',
  EMPLOYER: 'What I will do about the employer’s side',
};

/** When the lesson happened: the incident's time, or for a near miss when it was written down. */
function getHappenedAt(lesson: Pick<ExportLesson, 'incident' | 'createdAt'>): Date {
  return lesson.incident?.recordedAt ?? lesson.createdAt;
}

/** One lesson's record, in CSV_HEADERS order. */
export function toLessonCsvCells(lesson: ExportLesson, timeZone: string): CsvCell[] {
  const local = (instant: Date | null) => (instant ? utcToZonedLocal(instant, timeZone).replace('T', ' ') : '');
  const interview = lesson.incident?.interview;
  return [
    lesson.id,
    local(getHappenedAt(lesson)),
    describeLessonSource(lesson),
    LESSON_SIDE_SHORT_LABELS[lesson.side],
    interview?.company ?? lesson.company ?? '',
    interview?.roleTitle ?? '',
    interview
      ? utcToZonedLocal(interview.scheduledStart, interview.timeZone).replace('T', ' ') + ` (${interview.timeZone})`
      : '',
    ROOT_CAUSE_LABELS[lesson.rootCause],
    lesson.whatHappened,
    activeTexts(lesson).join('\n'),
    retiredTexts(lesson).join('\n'),
    local(lesson.reviewedAt),
  ];
}

/** A BOM so spreadsheet programs read accents and curly quotes as UTF-8. */
export const LESSONS_CSV_OPTIONS = { bom: true } as const;

export function renderLessonsCsv(lessons: readonly ExportLesson[], timeZone: string): string {
  return toCsv(
    CSV_HEADERS,
    lessons.map((lesson) => toLessonCsvCells(lesson, timeZone)),
    LESSONS_CSV_OPTIONS,
  );
}

export function renderLessonsMarkdown(lessons: readonly ExportLesson[], timeZone: string, exportedAt: Date): string {
  return (
    renderLessonsMarkdownHeading(lessons.length, timeZone, exportedAt) + renderLessonsMarkdownEntries(lessons, timeZone)
  );
}

/** The title and the count; the entries follow it, so a long file can be written in parts. */
export function renderLessonsMarkdownHeading(count: number, timeZone: string, exportedAt: Date): string {
  const lines = [
    '# My interview lessons',
    '',
    `Exported from Rebound on ${formatDay(exportedAt, timeZone)}. ${count === 1 ? '1 lesson' : `${count} lessons`}.`,
  ];
  if (count === 0) lines.push('', 'No lessons yet.');
  return `${lines.join('\n')}\n`;
}

/** Lessons' sections, each after a blank line; written after the heading. */
export function renderLessonsMarkdownEntries(lessons: readonly ExportLesson[], timeZone: string): string {
  return lessons.map((lesson) => `\n${renderLessonMarkdown(lesson, timeZone).join('\n')}\n`).join('');
}

function renderLessonMarkdown(lesson: ExportLesson, timeZone: string): string[] {
  const interview = lesson.incident?.interview;
  const title = interview
    ? `${interview.company}, ${interview.roleTitle}`
    : lesson.side === 'EMPLOYER' && lesson.company
      ? lesson.company
      : 'Near miss';
  const lines = [
    `## ${escapeMarkdown(ROOT_CAUSE_LABELS[lesson.rootCause])}: ${escapeMarkdown(title, false)}`,
    '',
    `- Source: ${describeLessonSource(lesson)}`,
    `- Side: ${LESSON_SIDE_SHORT_LABELS[lesson.side]}`,
    `- Happened: ${formatDay(getHappenedAt(lesson), timeZone)}`,
  ];
  if (interview) lines.push(`- Interview: ${formatWithZone(interview.scheduledStart, interview.timeZone)}`);
  lines.push(
    `- Last reviewed: ${lesson.reviewedAt ? formatDay(lesson.reviewedAt, timeZone) : 'never'}`,
    '',
    '### What happened',
    '',
  );
  lines.push(...lesson.whatHappened.split(/\r?\n/).map((line) => (line.trim() ? `> ${escapeMarkdown(line)}` : '>')));
  const active = activeTexts(lesson);
  const retired = retiredTexts(lesson);
  lines.push('', `### ${LESSON_ACTIONS_HEADINGS[lesson.side]}`, '');
  if (active.length === 0 && retired.length === 0) lines.push('No prevention actions written down.');
  for (const text of active) lines.push(`- [ ] ${escapeMarkdown(oneLine(text))}`);
  for (const text of retired) lines.push(`- [x] ${escapeMarkdown(oneLine(text))} (now a habit)`);
  return lines;
}

function activeTexts(lesson: Pick<ExportLesson, 'actions'>): string[] {
  return lesson.actions.filter((action) => action.retiredAt === null).map((action) => action.text);
}

function retiredTexts(lesson: Pick<ExportLesson, 'actions'>): string[] {
  return lesson.actions.filter((action) => action.retiredAt !== null).map((action) => action.text);
}

function formatDay(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone, { day: 'numeric', month: 'long', year: 'numeric' });
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ' ');
}

/**
 * Text the user typed stays text when the file is rendered: markup characters are escaped, so
 * a "#" cannot start a heading, a "<" cannot open HTML and "[x](…)" cannot become a link.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  const inline = text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
  // List, quote and heading-underline markers only mean something at the start of a line.
  return atLineStart ? inline.replace(/^(\s*)([-+>=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2') : inline;
}
