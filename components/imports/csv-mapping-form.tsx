'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Select } from '@/components/ui/form';
import { TimeZoneOptions } from '@/components/ui/time-zone-options';
import { saveCsvImportOptionsAction } from '@/lib/actions/imports';
import { IMPORT_FIELDS, type DateOrder, type ImportField } from '@/lib/domain/csv-import';
import { IMPORT_FIELD_LABELS } from '@/lib/domain/csv-import-mapping';
import { DATE_ORDER_LABELS, type CsvMappingView } from '@/lib/domain/import-view';

const SKIP = '';
const DEFAULT_STAGE = '';

/**
 * Step 1: which field each column fills (or skip it), which of the user's stages each of the
 * file's stage values is, the order of ambiguous dates and the zone of times without one. Saved
 * on the import; a refusal keeps every choice and marks the rows it is about.
 */
export function CsvMappingForm({ importId, mapping }: { importId: string; mapping: CsvMappingView }) {
  const router = useRouter();
  const [columns, setColumns] = useState<(ImportField | null)[]>(mapping.columns.map((column) => column.field));
  const [stages, setStages] = useState(mapping.stageValues.map(({ value, stageId }) => ({ value, stageId })));
  const [dateOrder, setDateOrder] = useState<DateOrder>(mapping.dateOrder);
  const [timeZone, setTimeZone] = useState(mapping.timeZone);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useAction(saveCsvImportOptionsAction, {
    onStart: () => {
      setFieldErrors({});
      setSaved(false);
    },
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
    onError: (failure) => setFieldErrors(failure.fieldErrors ?? {}),
  });

  return (
    <form
      aria-labelledby="mapping-heading"
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        void save.execute({ id: importId, values: { columns, stages, dateOrder, timeZone } });
      }}
    >
      <h2 id="mapping-heading" className="text-lg font-semibold">
        1. Match the columns
      </h2>
      {mapping.presetLabel ? <Alert>Looks like {mapping.presetLabel}: the columns are matched to it.</Alert> : null}
      {save.error ? <Alert tone="error">{save.error}</Alert> : null}
      {saved && !save.isPending ? (
        <Alert tone="success">Saved. The preview and the dry run below follow it.</Alert>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Column in the file
              </th>
              <th scope="col" className="py-2 pr-3">
                Values
              </th>
              <th scope="col" className="py-2">
                Imported as
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {mapping.columns.map((column) => {
              const id = `column-${column.index}`;
              const error = fieldErrors[`columns.${column.index}`];
              return (
                <tr key={column.index}>
                  <th scope="row" className="py-2 pr-3 font-medium">
                    <label htmlFor={id}>{column.header || `Column ${column.index + 1}`}</label>
                  </th>
                  <td className="py-2 pr-3 text-slate-600">{column.samples.join(' · ') || '(empty)'}</td>
                  <td className="py-2">
                    <Select
                      id={id}
                      value={columns[column.index] ?? SKIP}
                      {...describedBy(id, error)}
                      onChange={(event) => {
                        const value = event.target.value;
                        setColumns((current) =>
                          current.map((field, index) =>
                            index === column.index ? (value === SKIP ? null : (value as ImportField)) : field,
                          ),
                        );
                      }}
                    >
                      <option value={SKIP}>Skip this column</option>
                      {IMPORT_FIELDS.map((field) => (
                        <option key={field} value={field}>
                          {IMPORT_FIELD_LABELS[field]}
                        </option>
                      ))}
                    </Select>
                    {error ? (
                      <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
                        {error}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {stages.length > 0 ? (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">The file&apos;s stages</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {stages.map((entry, index) => {
              const id = `stage-${index}`;
              const count = mapping.stageValues[index]?.count ?? 0;
              return (
                <Field
                  key={entry.value}
                  id={id}
                  label={`“${entry.value}” (${count} ${count === 1 ? 'row' : 'rows'})`}
                  error={fieldErrors[`stages.${index}.stageId`]}
                >
                  <Select
                    id={id}
                    value={entry.stageId ?? DEFAULT_STAGE}
                    {...describedBy(id, fieldErrors[`stages.${index}.stageId`])}
                    onChange={(event) => {
                      const value = event.target.value;
                      setStages((current) =>
                        current.map((item, position) =>
                          position === index ? { ...item, stageId: value === DEFAULT_STAGE ? null : value } : item,
                        ),
                      );
                    }}
                  >
                    <option value={DEFAULT_STAGE}>Applied (where new applications start)</option>
                    {mapping.stages.map((stage) => (
                      <option key={stage.id} value={stage.id}>
                        {stage.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              );
            })}
          </div>
        </fieldset>
      ) : null}

      <div className="grid gap-3 sm:grid-cols-2">
        {mapping.dateOrderAmbiguous ? (
          <Field
            id="date-order"
            label="Dates like 03/04/2026 are"
            hint="No date in the file has a day above 12, so it cannot tell by itself."
          >
            <Select
              id="date-order"
              value={dateOrder}
              onChange={(event) => setDateOrder(event.target.value as DateOrder)}
            >
              {(Object.keys(DATE_ORDER_LABELS) as DateOrder[]).map((order) => (
                <option key={order} value={order}>
                  {DATE_ORDER_LABELS[order]}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Field
          id="import-zone"
          label="Time zone of times without one"
          error={fieldErrors.timeZone}
          hint="Interview times in the file that name no zone are read in this one."
        >
          <Select
            id="import-zone"
            value={timeZone}
            {...describedBy('import-zone', fieldErrors.timeZone)}
            onChange={(event) => setTimeZone(event.target.value)}
          >
            <TimeZoneOptions current={timeZone} />
          </Select>
        </Field>
      </div>
      <Button type="submit" pending={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save and update the preview'}
      </Button>
    </form>
  );
}
