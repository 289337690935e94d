// What the stages page shows of a stage (the loader's rows have this shape).
export type StageItem = {
  id: string;
  name: string;
  position: number;
  kind: 'OPEN' | 'CLOSED';
  noReplyDays: number | null;
  systemKey: string | null;
  applicationCount: number;
};

export type StageChoice = { id: string; name: string };

/** "after 14 days without a reply", or that the stage never counts as silent. */
export function describeThreshold(stage: Pick<StageItem, 'kind' | 'noReplyDays'>): string {
  if (stage.kind === 'CLOSED') return 'Closed: nothing to wait for.';
  if (stage.noReplyDays === null) return 'Never flagged for silence.';
  return `Flagged after ${stage.noReplyDays} ${stage.noReplyDays === 1 ? 'day' : 'days'} without a reply.`;
}

export function describeCount(count: number): string {
  return count === 1 ? '1 application' : `${count} applications`;
}
