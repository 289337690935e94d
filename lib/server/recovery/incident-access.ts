import 'server-only';
import type { Tx } from '@/lib/db';
import { type Prisma } from '@/lib/generated/prisma/client';
import { NotFoundError } from '@/lib/errors';
import { interviewFactsSelect } from '@/lib/server/interviews/interview-select';

const lockedIncidentSelect = {
  id: true,
  userId: true,
  interviewId: true,
  kind: true,
  reason: true,
  explanation: true,
  employerWarned: true,
  recoveryState: true,
  outcome: true,
  // The application and contact go with the facts onto a replacement interview.
  interview: { select: { ...interviewFactsSelect, applicationId: true, contactId: true } },
  user: { select: { name: true, email: true } },
} satisfies Prisma.MissedIncidentSelect;

export type LockedIncident = Prisma.MissedIncidentGetPayload<{ select: typeof lockedIncidentSelect }>;

/**
 * Locks the incident, then reads it: every step checks the state machine against the state as it
 * is after any concurrent step has committed, so a double click gets the domain's refusal instead
 * of writing the step twice.
 */
export async function loadIncidentForUpdate(tx: Tx, userId: string, incidentId: string): Promise<LockedIncident> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "MissedIncident" WHERE "id" = ${incidentId} AND "userId" = ${userId} FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('incident');
  const incident = await tx.missedIncident.findFirst({
    where: { id: incidentId, userId },
    select: lockedIncidentSelect,
  });
  if (!incident) throw new NotFoundError('incident');
  return incident;
}
