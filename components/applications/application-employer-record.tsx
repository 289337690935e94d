import { employerRescheduleSummary } from '@/lib/domain/interview-time-changes';

/** The employer's record on this application, read before the next round; nothing when clean. */
export function ApplicationEmployerRecord({
  employerReschedules,
  employerNoShows = 0,
}: {
  employerReschedules: number;
  employerNoShows?: number;
}) {
  const summary = employerRescheduleSummary(employerReschedules, employerNoShows);
  if (!summary) return null;
  return (
    <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900" role="note">
      {summary}.
    </p>
  );
}
