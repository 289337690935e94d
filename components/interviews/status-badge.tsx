import { INTERVIEW_STATUS_LABELS, type InterviewStatus } from '@/lib/domain/interview-status';

const tones: Record<InterviewStatus, string> = {
  SCHEDULED: 'bg-brand-50 text-brand-700 ring-brand-100',
  COMPLETED: 'bg-green-50 text-green-800 ring-green-200',
  MISSED: 'bg-red-50 text-red-800 ring-red-200',
  RESCHEDULED: 'bg-amber-50 text-amber-800 ring-amber-200',
  CANCELLED: 'bg-slate-100 text-slate-700 ring-slate-200',
  WITHDRAWN: 'bg-slate-100 text-slate-700 ring-slate-200',
};

export function StatusBadge({ status }: { status: InterviewStatus }) {
  return (
    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${tones[status]}`}>
      {INTERVIEW_STATUS_LABELS[status]}
    </span>
  );
}
