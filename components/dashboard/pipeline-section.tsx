import Link from 'next/link';
import { Card } from '@/components/ui/card';

type Props = {
  stages: readonly { id: string; name: string; kind: 'OPEN' | 'CLOSED'; count: number }[];
};

/**
 * The pipeline at a glance: how many applications sit in each open stage, and how many are
 * closed. Each count opens the table filtered to that stage. Nothing until there is an application.
 */
export function PipelineSection({ stages }: Props) {
  const total = stages.reduce((sum, stage) => sum + stage.count, 0);
  if (total === 0) return null;
  const open = stages.filter((stage) => stage.kind === 'OPEN');
  const closed = stages.filter((stage) => stage.kind === 'CLOSED' && stage.count > 0);
  const active = open.reduce((sum, stage) => sum + stage.count, 0);
  return (
    <Card
      title="Pipeline"
      description={
        <>
          {active} active {active === 1 ? 'application' : 'applications'}.{' '}
          <Link href="/applications" className="font-medium underline">
            Open the board
          </Link>
        </>
      }
    >
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        {open.map((stage) => (
          <li key={stage.id}>
            <Link
              href={`/applications/table?stage=${stage.id}`}
              className="block rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50"
            >
              <span className="block text-2xl font-semibold text-brand-900">{stage.count}</span>
              <span className="block truncate text-sm text-slate-600">{stage.name}</span>
            </Link>
          </li>
        ))}
      </ol>
      {closed.length > 0 ? (
        <p className="mt-3 text-sm text-slate-600">
          Closed: {closed.map((stage) => `${stage.name} ${stage.count}`).join(' · ')}
        </p>
      ) : null}
    </Card>
  );
}
