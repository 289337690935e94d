import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import {
  CLOSE_REASON_LABELS,
  describeSource,
  formatCalendarDate,
  formatSalary,
  type SalaryRange,
} from '@/lib/domain/application-details';
import type { ApplicationCloseReason, ApplicationSource } from '@/lib/generated/prisma/enums';

export type ApplicationHeaderFacts = SalaryRange & {
  id: string;
  company: string;
  roleTitle: string;
  source: ApplicationSource | null;
  sourceDetail: string | null;
  postingUrl: string | null;
  location: string | null;
  isRemote: boolean;
  appliedOn: Date | null;
  closeReason: ApplicationCloseReason | null;
  stage: { name: string; kind: 'OPEN' | 'CLOSED' };
};

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** The application's name, stage and facts, with the link to edit it. */
export function ApplicationHeader({ application }: { application: ApplicationHeaderFacts }) {
  const salary = formatSalary(application);
  const source = describeSource(application.source, application.sourceDetail);
  const where = [application.location, application.isRemote ? 'Remote' : null].filter(Boolean).join(' · ');
  return (
    <div className="space-y-4">
      <Link href="/applications" className="text-sm text-brand-700 hover:underline">
        ← Applications
      </Link>
      <PageHeader
        title={
          <>
            {application.company} <span className="font-normal text-slate-600">— {application.roleTitle}</span>
          </>
        }
        align="start"
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href={`/applications/${application.id}/edit`}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
            >
              Edit
            </Link>
          </div>
        }
      />
      <dl className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <Fact term="Stage">
          {application.stage.name}
          {application.stage.kind === 'CLOSED' && application.closeReason
            ? ` (closed: ${CLOSE_REASON_LABELS[application.closeReason]})`
            : application.stage.kind === 'CLOSED'
              ? ' (closed)'
              : null}
        </Fact>
        <Fact term="Applied">{application.appliedOn ? formatCalendarDate(application.appliedOn) : 'Not recorded'}</Fact>
        <Fact term="Source">{source ?? 'Not recorded'}</Fact>
        <Fact term="Location">{where || 'Not recorded'}</Fact>
        <Fact term="Salary">{salary ?? 'Not recorded'}</Fact>
        <Fact term="Posting">
          {application.postingUrl ? (
            <a
              href={application.postingUrl}
              target="_blank"
              rel="noopener noreferrer nofollow"
              className="break-all text-brand-700 hover:underline"
            >
              {application.postingUrl}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : (
            'Not recorded'
          )}
        </Fact>
      </dl>
    </div>
  );
}
