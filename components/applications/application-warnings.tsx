import Link from 'next/link';
import { CLOSE_REASON_LABELS, type ApplicationWarnings } from '@/lib/domain/application-details';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/**
 * What findApplicationWarnings found, with links to those applications: shown before saving a
 * new application (or a round for a new one), which the user may still save.
 */
export function ApplicationWarningsNotice({ warnings }: { warnings: ApplicationWarnings }) {
  return (
    <div
      role="status"
      className="space-y-3 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <h2 className="font-semibold">Before you save: have you been here before?</h2>
      {warnings.sameRole.length > 0 ? (
        <div>
          <p>You already have this role at this company:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {warnings.sameRole.map((application) => (
              <li key={application.id}>
                <Link href={`/applications/${application.id}`} className="font-medium underline">
                  {application.company} — {application.roleTitle}
                </Link>{' '}
                (stage: {application.stageName})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.recentClosures.length > 0 ? (
        <div>
          <p>This company closed an application of yours in the last six months:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {warnings.recentClosures.map((application) => (
              <li key={application.id}>
                <Link href={`/applications/${application.id}`} className="font-medium underline">
                  {application.company} — {application.roleTitle}
                </Link>{' '}
                ({CLOSE_REASON_LABELS[application.closeReason]} on {dateFormat.format(new Date(application.closedAt))})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
