import type { Metadata } from 'next';
import { ApplicationsViews } from '@/components/applications/applications-views';
import { PrintButton } from '@/components/applications/proof/print-button';
import { ProofRangeForm } from '@/components/applications/proof/proof-range-form';
import { ProofTable } from '@/components/applications/proof/proof-table';
import { Alert } from '@/components/ui/alert';
import { PageHeader } from '@/components/ui/page-header';
import { textLinkClassName } from '@/components/ui/text-link';
import { formatProofDate } from '@/lib/domain/proof-of-search';
import { utcToZonedLocal } from '@/lib/domain/time';
import { loadProofPage } from '@/lib/server/pages/application-proof';
import { requireUser } from '@/lib/session';
import { parseProofRange } from '@/lib/validation/proof';
import './print.css';

export const metadata: Metadata = { title: 'Proof of job search' };

export default async function ProofOfSearchPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser('/applications/proof');
  const raw = await searchParams;
  const today = utcToZonedLocal(new Date(), user.timeZone).slice(0, 10);
  const parsed = parseProofRange({ from: raw.from, to: raw.to }, today);
  const range = parsed.ok ? parsed.range : null;
  const { rows, isTruncated } = await loadProofPage(user, range);
  const csvHref = range ? `/api/applications/proof?${new URLSearchParams(range).toString()}` : null;

  return (
    <div data-proof-of-search className="space-y-6">
      <PageHeader
        title="Proof of job search"
        description="The applications of a period, as a benefits office asks for them: print it, save it as a PDF or download it as CSV."
        actions={
          range ? (
            <div className="flex flex-wrap gap-2 print:hidden">
              <PrintButton />
              {csvHref ? (
                <a
                  href={csvHref}
                  download
                  className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  Download CSV
                </a>
              ) : null}
            </div>
          ) : null
        }
      />
      <div className="print:hidden">
        <ApplicationsViews current="/applications/proof" />
      </div>
      <ProofRangeForm
        values={parsed.ok ? parsed.range : parsed.values}
        error={parsed.ok ? undefined : { field: parsed.field, message: parsed.message }}
      />
      {range ? (
        <>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3 print:grid-cols-3">
            <div>
              <dt className="text-slate-600">Candidate</dt>
              <dd className="font-medium">{user.name}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Period</dt>
              <dd className="font-medium">
                {formatProofDate(range.from)} to {formatProofDate(range.to)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">Printed</dt>
              <dd className="font-medium">{formatProofDate(today)}</dd>
            </div>
          </dl>
          <p className="text-sm text-slate-600">
            {rows.length === 1 ? '1 application' : `${rows.length} applications`}: those applied for in the period (by
            the applied date, or the first activity when none was recorded) and earlier ones that moved in it.
          </p>
          {isTruncated ? (
            <Alert>
              This page shows the first {rows.length} applications.{' '}
              <a href={csvHref ?? undefined} download className={textLinkClassName()}>
                The CSV
              </a>{' '}
              has them all, or pick a shorter period.
            </Alert>
          ) : null}
          {rows.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
              No application in this period. Pick another period above.
            </p>
          ) : (
            <ProofTable rows={rows} />
          )}
        </>
      ) : null}
    </div>
  );
}
