'use client';

import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input } from '@/components/ui/form';

type Row = { key: string; defaultText?: string };

type Props = {
  rows: Row[];
  /** register(`actions.${index}.text`) of the form that owns the rows. */
  registerText: (index: number) => UseFormRegisterReturn;
  errorFor: (index: number) => string | undefined;
  listError?: string;
  onAdd: () => void;
  onRemove: (index: number) => void;
  minRows: number;
  maxRows: number;
  note: ReactNode;
};

/** The list of prevention actions of a lesson, shared by the lesson form and the flow's last step. */
export function PreventionActionsFieldset({
  rows,
  registerText,
  errorFor,
  listError,
  onAdd,
  onRemove,
  minRows,
  maxRows,
  note,
}: Props) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">What you will do differently</legend>
      <p className="text-xs text-slate-500">{note}</p>
      {rows.map((row, index) => {
        const id = `lesson-action-${index}`;
        const error = errorFor(index);
        return (
          <div key={row.key} className="flex items-start gap-2">
            <div className="flex-1">
              <Field id={id} label={`Action ${index + 1}`} error={error}>
                <Input id={id} defaultValue={row.defaultText} {...describedBy(id, error)} {...registerText(index)} />
              </Field>
            </div>
            <button
              type="button"
              onClick={() => onRemove(index)}
              disabled={rows.length <= minRows}
              className="mt-7 rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-40"
              aria-label={`Remove action ${index + 1}`}
            >
              Remove
            </button>
          </div>
        );
      })}
      {listError ? (
        <p role="alert" className="text-sm text-red-700">
          {listError}
        </p>
      ) : null}
      <Button type="button" variant="secondary" disabled={rows.length >= maxRows} onClick={onAdd}>
        Add an action
      </Button>
    </fieldset>
  );
}
