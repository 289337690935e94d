import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InterviewTime } from '@/components/interviews/interview-time';
import { StartRecoveryForm } from '@/components/recovery/start-recovery-form';
import { Card } from '@/components/ui/card';
import type { IncidentKind } from '@/lib/domain/recovery-state';
import { NotFoundError } from '@/lib/errors';
import { getInterview } from '@/lib/server/interviews/get-interview';
import { requireUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Recover' };

export default async function RecoverPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const kind: IncidentKind = query.kind === 'RUNNING_LATE' ? 'RUNNING_LATE' : 'MISSED';
  const user = await requireUser(`/interviews/${id}/recover?kind=${kind}`);
  const interview = await getInterview(user.id, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const openIncident = interview.incidents.find((incident) => incident.recoveryState !== 'CLOSED');
  const isLate = kind === 'RUNNING_LATE';
  const phone = interview.contactPhone;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <Link href={`/interviews/${interview.id}`} className="text-sm text-brand-700 underline">
          ← {interview.roleTitle} at {interview.company}
        </Link>
        <h1 className="text-2xl font-semibold text-brand-900">{isLate ? 'Running late? Call ahead now' : 'Recover from a missed interview'}</h1>
        <p className="text-slate-700">
          {interview.roleTitle} at {interview.company} ·{' '}
          <InterviewTime start={interview.scheduledStart} timeZone={interview.timeZone} userTimeZone={user.timeZone} />
        </p>
      </div>

      {isLate ? (
        <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-semibold">Do not just turn up late.</p>
          <p>
            Call them now, before the start time. Say you are sorry, tell them you will be late and offer to reschedule: arriving late and
            flustered helps nobody, and the team may not be able to see you today anyway. Let them choose.
          </p>
          {phone ? (
            <p>
              <a href={`tel:${phone.replace(/[^+\d]/g, '')}`} className="font-semibold underline">
                Call {interview.contactName ?? interview.company} on {phone}
              </a>
            </p>
          ) : (
            <p>No phone number is saved for this interview: use the number from the invitation.</p>
          )}
          <p>Answer below and Rebound prepares what to say on the phone and the email that follows it.</p>
        </div>
      ) : (
        <p className="text-slate-700">
          It happens, and how you handle it now matters more than the miss itself. Rebound walks you through it: call them as soon as
          you can, apologise sincerely, ask to reschedule, and keep the lesson for next time.
        </p>
      )}

      {openIncident ? (
        <Card title="A recovery is already under way">
          <p className="text-sm text-slate-700">
            You started recovering from this interview already; pick up where you left off.{' '}
            <Link href={`/incidents/${openIncident.id}`} className="font-medium text-brand-700 underline">
              Continue the recovery
            </Link>
          </p>
        </Card>
      ) : (
        <Card title={isLate ? 'What is happening' : 'What happened'}>
          <StartRecoveryForm interviewId={interview.id} kind={kind} idempotencyKey={randomUUID()} />
        </Card>
      )}
    </div>
  );
}
