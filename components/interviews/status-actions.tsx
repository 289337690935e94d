'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useAction } from '@/components/forms/use-action';
import { CheckIn } from './check-in';
import {
  changeInterviewStatusAction,
  deleteInterviewAction,
  rescheduleByEmployerAction,
} from '@/lib/actions/interviews';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/form';
import type { InterviewStatus } from '@/lib/domain/interview-status';

type Props = {
  interviewId: string;
  status: InterviewStatus;
  allowed: readonly InterviewStatus[];
  isUpcoming: boolean;
  openReschedule?: boolean;
  /** "You told them you'd be ~10 minutes late at 13:52", for the check-in's answers. */
  toldLate?: string | null;
};

export function StatusActions({
  interviewId,
  status,
  allowed,
  isUpcoming,
  openReschedule = false,
  toldLate = null,
}: Props) {
  const router = useRouter();
  const [rescheduling, setRescheduling] = useState(openReschedule && status === 'SCHEDULED');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [newTime, setNewTime] = useState({ date: '', time: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const isBeforeSlot = status === 'SCHEDULED' && isUpcoming;
  const isAwaitingAnswer = status === 'SCHEDULED' && !isUpcoming;

  // One message for the whole panel: starting any of its actions clears what the last one said.
  const clearErrors = () => {
    changeStatus.setError(null);
    deleteInterview.setError(null);
    reschedule.setError(null);
  };
  const changeStatus = useAction(changeInterviewStatusAction, {
    onStart: () => clearErrors(),
    onSuccess: () => router.refresh(),
  });
  const deleteInterview = useAction(deleteInterviewAction, {
    onStart: () => clearErrors(),
    onSuccess: () => {
      router.push('/interviews');
      router.refresh();
    },
  });
  const reschedule = useAction(rescheduleByEmployerAction, {
    onStart: () => {
      clearErrors();
      setFieldErrors({});
    },
    onError: (failure) => {
      setFieldErrors(failure.fieldErrors ?? {});
      const [first] = Object.keys(failure.fieldErrors ?? {});
      if (first) document.getElementById(`reschedule-${first}`)?.focus();
    },
    onSuccess: (data) => router.push(`/interviews/${data.id}`),
  });
  const error = changeStatus.error ?? deleteInterview.error ?? reschedule.error;
  const pending = changeStatus.isPending || deleteInterview.isPending || reschedule.isPending;

  const setStatus = (to: 'COMPLETED' | 'CANCELLED' | 'WITHDRAWN') =>
    void changeStatus.execute({ id: interviewId, status: to });
  const submitReschedule = () => void reschedule.execute({ id: interviewId, ...newTime });

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {isAwaitingAnswer ? <CheckIn interviewId={interviewId} showReschedule={false} toldLate={toldLate} /> : null}
      <div className="flex flex-wrap gap-2">
        {isBeforeSlot ? (
          <>
            <a
              href="#card-preparation"
              className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
            >
              Go to preparation
            </a>
            <Link
              href={`/interviews/${interviewId}/recover?kind=RUNNING_LATE`}
              className="inline-flex items-center rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm font-medium text-amber-900 hover:bg-amber-100"
            >
              Running late / can’t make it
            </Link>
          </>
        ) : null}
        {/* A scheduled interview is marked attended or missed through the check-in, once it has started. */}
        {status !== 'SCHEDULED' && allowed.includes('COMPLETED') ? (
          <Button variant="secondary" pending={pending} onClick={() => setStatus('COMPLETED')}>
            {status === 'MISSED' ? 'Correct: I attended' : 'Mark completed'}
          </Button>
        ) : null}
        {status !== 'SCHEDULED' && allowed.includes('MISSED') ? (
          <Link
            href={`/interviews/${interviewId}/recover?kind=MISSED`}
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
          >
            Correct: I missed it
          </Link>
        ) : null}
        {allowed.includes('RESCHEDULED') && status === 'SCHEDULED' ? (
          <Button variant="secondary" onClick={() => setRescheduling((value) => !value)} aria-expanded={rescheduling}>
            Rescheduled by employer
          </Button>
        ) : null}
        {allowed.includes('CANCELLED') ? (
          <Button variant="secondary" pending={pending} onClick={() => setStatus('CANCELLED')}>
            Cancelled by employer
          </Button>
        ) : null}
        {allowed.includes('WITHDRAWN') ? (
          <Button variant="secondary" pending={pending} onClick={() => setStatus('WITHDRAWN')}>
            I withdrew
          </Button>
        ) : null}
      </div>
      {rescheduling ? (
        <div className="grid gap-3 rounded-md border border-slate-200 bg-slate-50 p-4 sm:grid-cols-3">
          <Field id="reschedule-date" label="New date" error={fieldErrors.date}>
            <Input
              id="reschedule-date"
              type="date"
              value={newTime.date}
              onChange={(event) => setNewTime({ ...newTime, date: event.target.value })}
            />
          </Field>
          <Field id="reschedule-time" label="New start time" error={fieldErrors.time}>
            <Input
              id="reschedule-time"
              type="time"
              value={newTime.time}
              onChange={(event) => setNewTime({ ...newTime, time: event.target.value })}
            />
          </Field>
          <div className="flex items-end">
            <Button pending={pending} onClick={submitReschedule}>
              Save new time
            </Button>
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3 text-sm">
        <Link
          href={`/interviews/${interviewId}/edit`}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
        >
          Edit
        </Link>
        {confirmingDelete ? (
          <span className="flex items-center gap-2">
            <span>Delete this interview and its history?</span>
            <Button
              variant="danger"
              pending={pending}
              onClick={() => void deleteInterview.execute({ id: interviewId })}
            >
              Yes, delete
            </Button>
            <Button variant="secondary" onClick={() => setConfirmingDelete(false)}>
              Keep it
            </Button>
          </span>
        ) : (
          <Button variant="secondary" className="!px-3 !py-1.5" onClick={() => setConfirmingDelete(true)}>
            Delete…
          </Button>
        )}
      </div>
    </div>
  );
}
