import type { InterviewListQuery } from '@/lib/validation/interview';

/** The interviews list's address for a view, status, search and page; empty values are left out. */
export function interviewListHref(query: Partial<InterviewListQuery>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  const search = params.toString();
  return search ? `/interviews?${search}` : '/interviews';
}
