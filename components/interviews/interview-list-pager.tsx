import { TextLink } from '@/components/ui/text-link';
import type { InterviewListQuery } from '@/lib/validation/interview';
import { interviewListHref } from './interview-list-href';

type Props = { query: Pick<InterviewListQuery, 'view' | 'status' | 'q' | 'cursor'>; nextCursor: string | null };

/** Back to the first page once past it, and on to the next while there is one; the filters stay. */
export function InterviewListPager({ query, nextCursor }: Props) {
  const base = { view: query.view, status: query.status, q: query.q };
  return (
    <div className="flex justify-between text-sm">
      {query.cursor ? <TextLink href={interviewListHref(base)}>← First page</TextLink> : <span />}
      {nextCursor ? <TextLink href={interviewListHref({ ...base, cursor: nextCursor })}>Next page →</TextLink> : null}
    </div>
  );
}
