import Link from 'next/link';
import { StatusBadge } from '@/components/interviews/status-badge';
import { Card } from '@/components/ui/card';
import type { InterviewStatus } from '@/lib/domain/interview-status';
import { formatInZone } from '@/lib/domain/time';

type Round = {
  id: string;
  roundLabel: string | null;
  scheduledStart: Date;
  status: InterviewStatus;
  incidents: readonly { id: string; kind: string; closedAt: Date | null }[];
};

/** The application's interviews in start order, each with its recovery if it was missed. */
export function ApplicationRounds({
  applicationId,
  rounds,
  timeZone,
}: {
  applicationId: string;
  rounds: readonly Round[];
  timeZone: string;
}) {
  return (
    <Card title="Rounds">
      {rounds.length === 0 ? (
        <p className="text-sm text-slate-600">No rounds yet.</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {rounds.map((round, index) => {
            const recovery = round.incidents[0];
            return (
              <li key={round.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <div>
                  <Link href={`/interviews/${round.id}`} className="font-medium text-brand-700 hover:underline">
                    {round.roundLabel ?? `Round ${index + 1}`}
                  </Link>
                  <p className="text-slate-600">
                    <time dateTime={round.scheduledStart.toISOString()}>
                      {formatInZone(round.scheduledStart, timeZone, { dateStyle: 'medium', timeStyle: 'short' })}
                    </time>
                  </p>
                </div>
                <div className="flex items-center gap-3">
                  <StatusBadge status={round.status} />
                  {recovery ? (
                    <Link href={`/incidents/${recovery.id}`} className="text-brand-700 hover:underline">
                      {recovery.closedAt ? 'Recovery (closed)' : 'Recovery'}
                    </Link>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <Link
        href={`/interviews/new?application=${applicationId}`}
        className="mt-4 inline-flex rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
      >
        Add a round
      </Link>
    </Card>
  );
}
