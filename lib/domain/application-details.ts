// Words and formats for what an application records (its source, salary, contacts, timeline),
// shared by the application form, the table and the application page, and by the schemas that
// check them. Plain constants, so a component can import them without bringing zod.
import type {
  ApplicationCloseReason,
  ApplicationSource,
  ContactRole,
  SalaryPeriod,
  StageChangeCause,
} from '@/lib/generated/prisma/enums';

export const APPLICATION_SOURCES = [
  'JOB_BOARD',
  'REFERRAL',
  'COMPANY_SITE',
  'RECRUITER',
  'OTHER',
] as const satisfies readonly ApplicationSource[];

export const SOURCE_LABELS: Readonly<Record<ApplicationSource, string>> = {
  JOB_BOARD: 'Job board',
  REFERRAL: 'Referral',
  COMPANY_SITE: 'Company site',
  RECRUITER: 'Recruiter',
  OTHER: 'Other',
};

export const SALARY_PERIODS = ['YEAR', 'MONTH', 'HOUR'] as const satisfies readonly SalaryPeriod[];

export const SALARY_PERIOD_LABELS: Readonly<Record<SalaryPeriod, string>> = {
  YEAR: 'per year',
  MONTH: 'per month',
  HOUR: 'per hour',
};

export const CONTACT_ROLES = [
  'RECRUITER',
  'HIRING_MANAGER',
  'INTERVIEWER',
  'OTHER',
] as const satisfies readonly ContactRole[];

export const CONTACT_ROLE_LABELS: Readonly<Record<ContactRole, string>> = {
  RECRUITER: 'Recruiter',
  HIRING_MANAGER: 'Hiring manager',
  INTERVIEWER: 'Interviewer',
  OTHER: 'Other',
};

export const STAGE_CHANGE_CAUSE_LABELS: Readonly<Record<StageChangeCause, string>> = {
  USER: 'moved by you',
  INTERVIEW_SCHEDULED: 'an interview was scheduled',
  IMPORT: 'imported',
  MIGRATION: 'carried over from your interviews',
};

export const CLOSE_REASON_LABELS: Readonly<Record<ApplicationCloseReason, string>> = {
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
  GHOSTED: 'Ghosted',
  OFFER_DECLINED: 'Offer declined',
  OFFER_ACCEPTED: 'Offer accepted',
  POSITION_FILLED: 'Position filled',
};

export type SalaryRange = {
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: SalaryPeriod | null;
};

/**
 * "£50,000–£60,000 per year", "From $40 per hour", "Up to €4,000 per month"; null when no salary
 * was given. The currency code was checked when it was saved, but a code Intl does not know still
 * prints (as the code itself) rather than breaking the page.
 */
export function formatSalary(range: SalaryRange, locale = 'en-GB'): string | null {
  const { salaryMin, salaryMax, salaryCurrency, salaryPeriod } = range;
  if (salaryMin === null && salaryMax === null) return null;
  let format: (value: number) => string;
  try {
    const formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: salaryCurrency ?? 'XXX',
      maximumFractionDigits: 0,
    });
    format = (value) => formatter.format(value);
  } catch {
    format = (value) => `${salaryCurrency ?? ''} ${value.toLocaleString(locale)}`.trim();
  }
  const period = salaryPeriod ? ` ${SALARY_PERIOD_LABELS[salaryPeriod]}` : '';
  if (salaryMin !== null && salaryMax !== null) {
    return salaryMin === salaryMax
      ? `${format(salaryMin)}${period}`
      : `${format(salaryMin)}–${format(salaryMax)}${period}`;
  }
  if (salaryMin !== null) return `From ${format(salaryMin)}${period}`;
  return `Up to ${format(salaryMax ?? 0)}${period}`;
}

/** The source as shown: the label, or what the user wrote for "Other". */
export function describeSource(source: ApplicationSource | null, sourceDetail: string | null): string | null {
  if (!source) return null;
  if (source === 'OTHER' && sourceDetail) return sourceDetail;
  return SOURCE_LABELS[source];
}

/** A 'YYYY-MM-DD' date column (stored at UTC midnight) as people read it: "3 Dec 2026". */
export function formatCalendarDate(date: Date, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** A 'YYYY-MM-DD' date column as the value of a date input. */
export function toDateInputValue(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// The close reason a closed default stage implies (as moveApplication records it); a closed stage
// of the user's own implies none.
const CLOSE_REASON_BY_SYSTEM_KEY: Readonly<Record<string, ApplicationCloseReason>> = {
  ACCEPTED: 'OFFER_ACCEPTED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
  GHOSTED: 'GHOSTED',
};

/** Why an application entering this stage is closed, when the stage says. */
export function closeReasonForStage(stage: { kind: 'OPEN' | 'CLOSED'; systemKey: string | null }) {
  if (stage.kind !== 'CLOSED') return null;
  return CLOSE_REASON_BY_SYSTEM_KEY[stage.systemKey ?? ''] ?? null;
}

/** What findApplicationWarnings found; the form shows it and offers to save anyway. */
export type ApplicationWarnings = {
  sameRole: { id: string; company: string; roleTitle: string; stageName: string }[];
  recentClosures: {
    id: string;
    company: string;
    roleTitle: string;
    closeReason: ApplicationCloseReason;
    closedAt: Date;
  }[];
};

export function hasApplicationWarnings(warnings: ApplicationWarnings): boolean {
  return warnings.sameRole.length > 0 || warnings.recentClosures.length > 0;
}
