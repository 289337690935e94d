import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import { InterviewTime } from '@/components/interviews/interview-time';
import { StartRecoveryForm } from '@/components/recovery/start-recovery-form';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { TextLink } from '@/components/ui/text-link';
import type { IncidentKind } from '@/lib/domain/recovery-state';
import { loadRecoverPage } from '@/lib/server/pages/interview-recover';
import { requireUser } from '@/lib/session';
import { orNotFound } from '@/app/(app)/or-not-found';

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
  const { interview, openIncident } = await orNotFound(loadRecoverPage(user.id, id));
  const isLate = kind === 'RUNNING_LATE';
  const phone = interview.contactPhone;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <TextLink href={`/interviews/${interview.id}`} className="text-sm">
          ← {interview.roleTitle} at {interview.company}
        </TextLink>
        <PageHeader title={isLate ? 'Running late? Call ahead now' : 'Recover from a missed interview'} />
        <p className="text-slate-700">
          {interview.roleTitle} at {interview.company} ·{' '}
          <InterviewTime start={interview.scheduledStart} timeZone={interview.timeZone} userTimeZone={user.timeZone} />
        </p>
      </div>

      {isLate ? (
        <div className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-semibold">Do not just turn up late.</p>
          <p>
            Call them now, before the start time. Say you are sorry, tell them you will be late and offer to reschedule:
            arriving late and flustered helps nobody, and the team may not be able to see you today anyway. Let them
            choose.
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
          It happens, and how you handle it now matters more than the miss itself. Rebound walks you through it: call
          them as soon as you can, apologise sincerely, ask to reschedule, and keep the lesson for next time.
        </p>
      )}

      {openIncident ? (
        <Card title="A recovery is already under way">
          <p className="text-sm text-slate-700">
            You started recovering from this interview already; pick up where you left off.{' '}
            <TextLink href={`/incidents/${openIncident.id}`} className="font-medium">
              Continue the recovery
            </TextLink>
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
