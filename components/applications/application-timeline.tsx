import { Card } from '@/components/ui/card';
import { STAGE_CHANGE_CAUSE_LABELS } from '@/lib/domain/application-details';
import { formatInZone } from '@/lib/domain/time';
import type { StageChangeCause } from '@/lib/generated/prisma/enums';

type Change = {
  id: string;
  fromStageName: string | null;
  toStageName: string;
  changedAt: Date;
  cause: StageChangeCause;
  note: string | null;
};

/** Every move between stages, oldest first, with the stages' names as they were then. */
export function ApplicationTimeline({ changes, timeZone }: { changes: readonly Change[]; timeZone: string }) {
  return (
    <Card title="Timeline">
      {changes.length === 0 ? (
        <p className="text-sm text-slate-600">No stage changes yet.</p>
      ) : (
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
          {changes.map((change) => (
            <li key={change.id} className="text-sm">
              <p className="font-medium text-slate-900">
                {change.fromStageName ? (
                  `${change.fromStageName} → ${change.toStageName}`
                ) : (
                  <>Started in {change.toStageName}</>
                )}
              </p>
              <p className="text-slate-600">
                <time dateTime={change.changedAt.toISOString()}>
                  {formatInZone(change.changedAt, timeZone, { dateStyle: 'medium', timeStyle: 'short' })}
                </time>{' '}
                · {STAGE_CHANGE_CAUSE_LABELS[change.cause]}
              </p>
              {change.note ? (
                <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">{change.note}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
