import fc from 'fast-check';
import { z } from 'zod';
import * as authSchemas from '@/lib/validation/auth';
import * as commonSchemas from '@/lib/validation/common';
import * as interviewSchemas from '@/lib/validation/interview';
import * as lessonSchemas from '@/lib/validation/lessons';
import * as recoverySchemas from '@/lib/validation/recovery';
import { isCleanText, textSchema, idSchema } from '@/lib/validation/common';

// Property tests over every zod schema in lib/validation: whatever arrives (a form, a forged
// server action body, a URL), safeParse answers without throwing, and what it lets through
// holds to textSchema's rule: no C0 controls (tab and line breaks only in multi-line fields)
// and no lone surrogates.

const RUNS = 200;

// Fields written in a textarea; their text may keep tabs and line breaks.
const MULTI_LINE_FIELDS = new Set(['notes', 'whatHappened', 'explanation', 'note', 'body', 'reason']);
// Fields that are deliberately not textSchema: a password is only hashed, and one set before the
// check existed must still sign in (lib/validation/auth.ts).
const RAW_FIELDS: Record<string, readonly string[]> = {
  signInSchema: ['password'],
  changePasswordSchema: ['currentPassword'],
};

const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const nasty = fc.constantFrom(
  '\u0000',
  '\uD800',
  '\uDC00',
  '\uDBFF\u0000',
  '\t',
  '\n',
  '\r\n',
  '\u000b',
  '\u001f',
  '\u007f',
  '\u2028',
  '\uFEFF',
  ' ',
  '{',
  'undefined',
);
// Values a real form sends, so the successful paths are reached too.
const plausible = fc.constantFrom(
  'Europe/London',
  'America/New_York',
  '2026-03-01',
  '2099-12-31',
  '2026-02-30',
  '0999-01-01',
  '10:00',
  '11:30',
  '2099-06-01T10:00',
  'VIDEO',
  'PHONE',
  'IN_PERSON',
  'MISSED',
  'RUNNING_LATE',
  'TRAFFIC_TRANSPORT',
  'REACHED',
  'ACCEPTED',
  'PREPARATION',
  'upcoming',
  'https://example.com/meet',
  'a@example.com',
  '+44 20 7946 0000',
  'abc123_-',
  '3f7c2a34-8a1e-4c55-9d6e-0d1b8a2f4e11',
  'a long enough password',
  'Acme',
  '30',
);
const text = fc.oneof(
  fc.string({ unit: anyCodeUnit, maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  nasty,
  plausible,
  fc.tuple(plausible, nasty, plausible).map(([a, b, c]) => `${a}${b}${c}`),
  fc.tuple(nasty, plausible).map(([a, b]) => `${a}${b}`),
  fc.tuple(plausible, nasty).map(([a, b]) => `${a}${b}`),
  fc.constantFrom('x'.repeat(100_000), '\u0000'.repeat(10_000), '\uD800'.repeat(10_000)),
);
const deep = fc.integer({ min: 1, max: 2000 }).map((depth) => {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { nested: value };
  return value;
});
const fieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(NaN, Infinity, -0, 1e308, 30, 600, 601)),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
  { weight: 1, arbitrary: fc.array(text, { maxLength: 3 }) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.anything() },
);
const actionsValue = fc.oneof(
  fc.array(fc.record({ text: fieldValue, actionId: fieldValue }, { requiredKeys: [] }), { maxLength: 12 }),
  fieldValue,
);

function shapeOf(schema: z.core.$ZodType): Record<string, unknown> | null {
  if (schema instanceof z.core.$ZodObject) return schema._zod.def.shape as Record<string, unknown>;
  const inner = (schema._zod.def as { in?: unknown }).in;
  return inner instanceof z.core.$ZodType ? shapeOf(inner) : null;
}

/** An input with the schema's keys, each present or absent, filled with anything above. */
function inputFor(schema: z.core.$ZodType): fc.Arbitrary<unknown> {
  const shape = shapeOf(schema);
  if (!shape) return fc.oneof(text, fieldValue);
  const model = Object.fromEntries(
    Object.keys(shape).map((key) => [key, key === 'actions' ? actionsValue : fieldValue]),
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.record(model, { requiredKeys: [] }) },
    { weight: 1, arbitrary: fc.record(model) },
    { weight: 1, arbitrary: fc.anything() },
  );
}

/** Every string in a parsed value with the top-level key it sits under. */
function collectStrings(value: unknown, key: string, out: { key: string; value: string }[], depth = 0): void {
  if (depth > 50) return;
  if (typeof value === 'string') out.push({ key, value });
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, key, out, depth + 1);
  else if (value && typeof value === 'object') {
    for (const [child, item] of Object.entries(value)) collectStrings(item, depth === 0 ? child : key, out, depth + 1);
  }
}

type Case = { name: string; schema: z.core.$ZodType };
const cases: Case[] = [
  ...[authSchemas, commonSchemas, interviewSchemas, lessonSchemas, recoverySchemas].flatMap((module) =>
    Object.entries(module)
      .filter((entry): entry is [string, z.core.$ZodType] => entry[1] instanceof z.core.$ZodType)
      .map(([name, schema]) => ({ name, schema })),
  ),
  { name: 'textSchema()', schema: textSchema() },
  { name: 'textSchema({ trim })', schema: textSchema({ trim: true }) },
  { name: 'idSchema', schema: idSchema('thing') },
];
const multiLineText = { name: 'textSchema({ multiLine })', schema: textSchema({ multiLine: true }) };

describe('every schema in lib/validation under arbitrary input', () => {
  it('finds the schemas it is meant to cover', () => {
    const names = cases.map((entry) => entry.name);
    for (const expected of [
      'signUpSchema',
      'interviewFormSchema',
      'lessonFormSchema',
      'lessonFilterSchema',
      'startRecoverySchema',
      'saveDraftSchema',
      'skipStepSchema',
    ]) {
      expect(names).toContain(expected);
    }
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  it.each(cases)('$name: safeParse never throws, and what it accepts is clean text', ({ name, schema }) => {
    const raw = new Set(RAW_FIELDS[name] ?? []);
    fc.assert(
      fc.property(inputFor(schema), (input) => {
        const result = z.safeParse(schema, input);
        if (!result.success) return;
        const strings: { key: string; value: string }[] = [];
        collectStrings(result.data, '', strings);
        for (const { key, value } of strings) {
          if (raw.has(key)) continue;
          expect({ name, key, clean: isCleanText(value, { multiLine: MULTI_LINE_FIELDS.has(key) }) }).toEqual({
            name,
            key,
            clean: true,
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('textSchema({ multiLine }) lets tab and line breaks through and nothing else below 0x20', () => {
    fc.assert(
      fc.property(text, (input) => {
        const result = z.safeParse(multiLineText.schema, input);
        if (result.success) expect(isCleanText(result.data, { multiLine: true })).toBe(true);
        else expect(isCleanText(input, { multiLine: true })).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
