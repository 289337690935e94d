import 'server-only';
import type { PrepChecklist } from '@/lib/domain/recovery-view';
import { type RecoveryState } from '@/lib/domain/recovery-state';
import { computeLeaveBy } from '@/lib/domain/travel';
import { getDb, type Tx } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { type Prisma } from '@/lib/generated/prisma/client';
import {
  type IncidentRefValues,
  type PrepChecklistTickValues,
  listSecondChancePrepItems,
} from '@/lib/validation/recovery';
import { advanceIncident } from './advance-incident';
import { readPrepTicks, writePrepTick } from '@/lib/server/interviews/write-prep-tick';
import { recordActivity } from '@/lib/server/interviews/record-activity';
import { loadIncidentForUpdate } from './incident-access';

// The ticks land on the new interview's timeline, which reads forward: an item worded as a
// reminder about the miss is written there as what the candidate will do instead.
const timelineLabels: Partial<Record<PrepChecklistTickValues['itemId'], string>> = {
  'second-chance-no-rehash': 'Will keep the conversation on the role and what I bring',
};

export const prepInterviewSelect = {
  id: true,
  scheduledStart: true,
  timeZone: true,
  format: true,
  travelMinutes: true,
  bufferMinutes: true,
  prepChecklist: true,
} satisfies Prisma.InterviewSelect;

type PrepInterview = Prisma.InterviewGetPayload<{ select: typeof prepInterviewSelect }>;

const NO_NEW_INTERVIEW = 'There is no new interview to prepare for yet: record their answer with the new time first.';

// The column is shared with the interview page's own checklist, so unknown keys are kept as they are.
function readTickTime(value: Prisma.JsonValue | undefined): Date | null {
  if (typeof value !== 'string') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The second-chance checklist of an interview, with the leave-by time it is planned around. */
export function describePrepChecklist(interview: PrepInterview): PrepChecklist {
  const ticks = readPrepTicks(interview.prepChecklist);
  const items = listSecondChancePrepItems(interview.format).map((item) => ({
    id: item.id,
    label: item.label,
    checked: Boolean(ticks[item.id]),
    checkedAt: readTickTime(ticks[item.id]),
  }));
  return {
    interviewId: interview.id,
    scheduledStart: interview.scheduledStart,
    timeZone: interview.timeZone,
    leaveBy: computeLeaveBy({
      start: interview.scheduledStart,
      travelMinutes: interview.travelMinutes,
      bufferMinutes: interview.bufferMinutes,
    }),
    items,
    isComplete: items.every((item) => item.checked),
  };
}

async function findSecondChanceInterviewId(tx: Tx, userId: string, incidentId: string): Promise<string> {
  const request = await tx.rescheduleRequest.findFirst({
    where: { userId, incidentId, status: 'ACCEPTED', newInterviewId: { not: null } },
    orderBy: [{ respondedAt: 'desc' }, { id: 'desc' }],
    select: { newInterviewId: true },
  });
  if (!request?.newInterviewId) throw new ValidationError(NO_NEW_INTERVIEW);
  return request.newInterviewId;
}

/**
 * Ticks or unticks one item of the second-chance checklist, on the rescheduled interview named
 * directly or through its incident. Each tick keeps the time it was made.
 *
 * Throws NotFoundError for an incident or interview that is missing or not the user's, and
 * ValidationError for an incident without a new interview yet.
 */
export async function tickPrepItem(userId: string, data: PrepChecklistTickValues): Promise<PrepChecklist> {
  return getDb().$transaction(async (tx) => {
    if (data.incidentId) await loadIncidentForUpdate(tx, userId, data.incidentId);
    const interviewId = data.interviewId ?? (await findSecondChanceInterviewId(tx, userId, data.incidentId ?? ''));
    const label =
      timelineLabels[data.itemId] ??
      listSecondChancePrepItems(null).find((item) => item.id === data.itemId)?.label ??
      data.itemId;
    await writePrepTick(tx, { userId, interviewId, itemId: data.itemId, label, checked: data.checked });
    const updated = await tx.interview.findFirstOrThrow({
      where: { id: interviewId, userId },
      select: prepInterviewSelect,
    });
    return describePrepChecklist(updated);
  });
}

/**
 * Finishes the second-chance preparation (PREP → LESSON) once every applicable item is ticked.
 *
 * Throws NotFoundError for an incident that is missing or not the user's, and ValidationError when
 * preparation is not the open step (the state machine's message) or an item is still unticked.
 */
export async function completePrep(userId: string, data: IncidentRefValues): Promise<{ state: RecoveryState }> {
  return getDb().$transaction(async (tx) => {
    const incident = await loadIncidentForUpdate(tx, userId, data.incidentId);
    const state = await advanceIncident(tx, incident, { type: 'PREP_DONE' });
    const interviewId = await findSecondChanceInterviewId(tx, userId, incident.id);
    const interview = await tx.interview.findFirstOrThrow({
      where: { id: interviewId, userId },
      select: prepInterviewSelect,
    });
    const missing = describePrepChecklist(interview).items.filter((item) => !item.checked);
    if (missing.length > 0) {
      throw new ValidationError(
        `Tick every item before moving on. Still open: ${missing.map((item) => item.label.toLowerCase()).join('; ')}.`,
      );
    }
    await recordActivity(tx, [
      {
        userId,
        interviewId,
        type: 'CHECKLIST_UPDATED',
        summary: 'Preparation done: ready for the interview.',
        details: { incidentId: incident.id },
      },
    ]);
    return { state };
  });
}
