import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

/** Every field an application records, as the application page and the CSV export read them. */
export const applicationFieldsSelect = {
  id: true,
  company: true,
  roleTitle: true,
  source: true,
  sourceDetail: true,
  postingUrl: true,
  location: true,
  isRemote: true,
  salaryMin: true,
  salaryMax: true,
  salaryCurrency: true,
  salaryPeriod: true,
  appliedOn: true,
  notes: true,
  closedAt: true,
  closeReason: true,
  lastReplyAt: true,
  createdAt: true,
} satisfies Prisma.ApplicationSelect;
