import { StageRow } from './stage-row';
import type { StageItem } from './stage-types';

const GROUPS = [
  { kind: 'OPEN', title: 'Open stages', hint: 'Applications still in play, in board order.' },
  { kind: 'CLOSED', title: 'Closed stages', hint: 'Where applications end: an answer, or your own choice.' },
] as const;

/** The user's stages, open and closed apart, each row with its own controls. */
export function StageGroups({ stages }: { stages: readonly StageItem[] }) {
  const choices = stages.map(({ id, name }) => ({ id, name }));
  const openCount = stages.filter((stage) => stage.kind === 'OPEN').length;
  return (
    <>
      {GROUPS.map((group) => {
        const members = stages.filter((stage) => stage.kind === group.kind);
        const headingId = `stages-${group.kind.toLowerCase()}-heading`;
        return (
          <section key={group.kind} aria-labelledby={headingId} className="space-y-3">
            <div>
              <h2 id={headingId} className="text-lg font-semibold text-slate-900">
                {group.title}
              </h2>
              <p className="text-sm text-slate-600">{group.hint}</p>
            </div>
            {members.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">
                No {group.kind === 'OPEN' ? 'open' : 'closed'} stages.
              </p>
            ) : (
              <ol className="space-y-3">
                {members.map((stage, index) => (
                  <li key={stage.id}>
                    <StageRow
                      stage={stage}
                      place={{ index, total: members.length }}
                      otherStages={choices.filter((choice) => choice.id !== stage.id)}
                      isLastOpen={stage.kind === 'OPEN' && openCount === 1}
                    />
                  </li>
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </>
  );
}
