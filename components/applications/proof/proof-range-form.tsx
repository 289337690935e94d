import { Field, Input, describedBy } from '@/components/ui/form';

type ProofRangeFormProps = {
  values: { from: string; to: string };
  /** The field the range was refused for, and why. */
  error?: { field: 'from' | 'to'; message: string };
};

/**
 * The range to report on; a plain GET form, so the report's URL says its range and can be
 * bookmarked. Not printed: the printed page names the range in its heading.
 */
export function ProofRangeForm({ values, error }: ProofRangeFormProps) {
  const errorOf = (field: 'from' | 'to') => (error?.field === field ? error.message : undefined);
  return (
    <form
      action="/applications/proof"
      aria-label="Report period"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 print:hidden"
    >
      <div className="w-44">
        <Field id="proof-from" label="From" error={errorOf('from')}>
          <Input
            id="proof-from"
            name="from"
            type="date"
            defaultValue={values.from}
            required
            {...describedBy('proof-from', errorOf('from'))}
          />
        </Field>
      </div>
      <div className="w-44">
        <Field id="proof-to" label="To" error={errorOf('to')}>
          <Input
            id="proof-to"
            name="to"
            type="date"
            defaultValue={values.to}
            required
            {...describedBy('proof-to', errorOf('to'))}
          />
        </Field>
      </div>
      <button className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600">
        Show
      </button>
    </form>
  );
}
