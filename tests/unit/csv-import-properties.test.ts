import fc from 'fast-check';
import { toCsv } from '@/lib/domain/csv';
import { IMPORT_FIELDS, type CsvTable, type ImportedStageStep, type ImportField } from '@/lib/domain/csv-import';
import { parseImportDate } from '@/lib/domain/csv-import-dates';
import { parseCsvText } from '@/lib/domain/csv-import-read';
import { buildImportRecords } from '@/lib/domain/csv-import-records';
import { parseStageHistory } from '@/lib/domain/csv-import-values';
import { formatStageHistory } from '@/lib/domain/proof-of-search';

const day = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
// A stage name as a user may type one: anything printable but the separator the cell uses.
const stageName = fc
  .string({ minLength: 1, maxLength: 30 })
  .map((name) => name.replace(/[\u0000-\u001f\u007f→]/g, '').trim())
  .filter((name) => name.length > 0);

describe('CSV import properties', () => {
  it('reads back any stage history the export writes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(day, stageName), { maxLength: 8 }), (steps) => {
        const history: ImportedStageStep[] = steps.map(([on, toStageName], index) => ({
          on,
          fromStageName: index === 0 ? null : (steps[index - 1]?.[1] ?? null),
          toStageName,
        }));
        expect(parseStageHistory(formatStageHistory(history))).toEqual(history);
      }),
    );
  });

  it('reads any real date written day-first or month-first back to the same day', () => {
    fc.assert(
      fc.property(day, fc.boolean(), (date, twoDigitYear) => {
        const [year, month, dayOfMonth] = date.split('-') as [string, string, string];
        if (twoDigitYear && (Number(year) < 1970 || Number(year) > 2069)) return;
        const y = twoDigitYear ? year.slice(2) : year;
        expect(parseImportDate(`${Number(dayOfMonth)}/${Number(month)}/${y}`, 'DMY')?.date).toBe(date);
        expect(parseImportDate(`${Number(month)}/${Number(dayOfMonth)}/${y}`, 'MDY')?.date).toBe(date);
      }),
    );
  });

  it('reads back any table the CSV writer writes, whatever its cells hold', () => {
    const cell = fc.string({ maxLength: 20 }).filter((text) => !/[\u0000\ufeff]/.test(text));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const written = rows.map((row) => row.map((text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)));
        const result = parseCsvText(toCsv(['A', 'B', 'C'], rows));
        if (!result.ok) return;
        const blank = (row: string[]) => row.every((text) => text.trim() === '');
        expect(result.table.rows).toEqual(written.filter((row) => !blank(row)));
      }),
    );
  });

  it('never fails on any cells under any mapping: every row is a record or skipped with a reason', () => {
    const field = fc.option(fc.constantFrom(...IMPORT_FIELDS), { nil: null });
    fc.assert(
      fc.property(
        fc.array(field, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.string({ maxLength: 25 }), { minLength: 6, maxLength: 6 }), { maxLength: 6 }),
        fc.constantFrom('DMY' as const, 'MDY' as const, 'YMD' as const),
        (columns: (ImportField | null)[], cells, dateOrder) => {
          const width = columns.length;
          const table: CsvTable = {
            headers: columns.map((_, index) => `H${index}`),
            rows: cells.map((row) => row.slice(0, width)),
            encoding: 'utf-8',
            delimiter: ',',
          };
          const { records, skipped } = buildImportRecords(table, {
            presetId: null,
            columns,
            stageMap: {},
            dateOrder,
            timeZone: 'Europe/London',
          });
          expect(records.length + skipped.length).toBe(table.rows.length);
          for (const row of skipped) expect(row.reason).not.toBe('');
          expect(new Set(records.map((record) => record.keySource)).size).toBe(records.length);
        },
      ),
    );
  });
});
