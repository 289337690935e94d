import Link from 'next/link';
import { Card } from '@/components/ui/card';

type Props = {
  recoveries: readonly {
    id: string;
    interview: { roleTitle: string; company: string };
    stateLabel: string;
    isFollowUpDue: boolean;
  }[];
};

/** The recoveries still open, each with its next step; nothing when there are none. */
export function RecoveriesInProgressSection({ recoveries }: Props) {
  if (recoveries.length === 0) return null;
  return (
    <Card title="Recoveries in progress">
      <ul className="space-y-2 text-sm">
        {recoveries.map((incident) => (
          <li key={incident.id}>
            <Link href={`/incidents/${incident.id}`} className="font-medium text-red-800 underline">
              {incident.interview.roleTitle} at {incident.interview.company}
            </Link>{' '}
            · next: {incident.stateLabel}
            {incident.isFollowUpDue ? (
              <span className="ml-2 font-medium text-amber-800">
                No answer for 3 working days: time for one polite follow-up.
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
