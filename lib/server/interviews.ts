import 'server-only';
import { getDb } from '@/lib/db';
import { assertTransition, INTERVIEW_STATUS_LABELS, InvalidTransitionError, type InterviewStatus } from '@/lib/domain/interview-status';
import { resolveLocalStart } from '@/lib/domain/local-start';
import { findPrepItem, isSecondChance } from '@/lib/domain/prep-checklist';
import { formatInZone, zonedLocalToUtc } from '@/lib/domain/time';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { InterviewFormValues } from '@/lib/validation/interview';
import { lockInterview } from './interview-lock';

function toInterviewData(values: InterviewFormValues) {
  const start = resolveLocalStart(values.date, values.startTime, values.timeZone);
  // Instants, not clock readings: a night when the clocks change makes the two differ.
  const end = zonedLocalToUtc(`${values.date}T${values.endTime}`, values.timeZone).instant;
  const durationMinutes = Math.round((end.getTime() - start.instant.getTime()) / 60_000);
  if (durationMinutes <= 0) {
    throw new ValidationError('The end time must be after the start time.', { endTime: 'The end time must be after the start time.' });
  }
  const inPerson = values.format === 'IN_PERSON';
  return {
    start,
    data: {
      company: values.company,
      roleTitle: values.roleTitle,
      roundLabel: values.roundLabel ?? null,
      scheduledStart: start.instant,
      durationMinutes,
      timeZone: values.timeZone,
      format: values.format,
      location: values.location ?? null,
      meetingUrl: values.meetingUrl ?? null,
      contactName: values.contactName ?? null,
      contactEmail: values.contactEmail ?? null,
      contactPhone: values.contactPhone ?? null,
      notes: values.notes ?? null,
      // Travel and buffer only mean something when the candidate has to get somewhere.
      travelMinutes: inPerson ? (values.travelMinutes ?? null) : null,
      bufferMinutes: inPerson ? (values.bufferMinutes ?? null) : null,
    },
  };
}

export async function createInterview(userId: string, values: InterviewFormValues) {
  const { data, start } = toInterviewData(values);
  const interview = await getDb().$transaction(async (tx) => {
    const created = await tx.interview.create({ data: { ...data, userId }, select: { id: true } });
    await tx.activityEvent.create({
      data: { userId, interviewId: created.id, type: 'CREATED', summary: `Interview added for ${formatInZone(start.instant, values.timeZone)}` },
    });
    return created;
  });
  return { id: interview.id, adjustment: start.adjustment, notice: start.message };
}

const trackedFields = ['company', 'roleTitle', 'roundLabel', 'scheduledStart', 'durationMinutes', 'timeZone', 'format', 'location', 'meetingUrl', 'contactName', 'contactEmail', 'contactPhone', 'notes', 'travelMinutes', 'bufferMinutes'] as const;

/**
 * Saves an edit. `expectedUpdatedAt` is the version the form was loaded from: when another
 * tab saved in between, nothing is overwritten and the user is told.
 */
export async function updateInterview(userId: string, id: string, values: InterviewFormValues, expectedUpdatedAt?: Date) {
  const { data, start } = toInterviewData(values);
  await getDb().$transaction(async (tx) => {
    const current = await tx.interview.findFirst({ where: { id, userId } });
    if (!current) throw new NotFoundError('interview');
    if (expectedUpdatedAt && current.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
      throw new ConflictError('This interview was changed in another tab or window since you opened it. Reload to see the latest version; nothing was saved.');
    }
    const changed = trackedFields.filter((field) => String(current[field] ?? '') !== String(data[field] ?? ''));
    if (changed.length === 0) return;
    // The version in the where makes the check and the write one step: of two saves from the
    // same version, the second finds nothing to update.
    const { count } = await tx.interview.updateMany({ where: { id, userId, updatedAt: current.updatedAt }, data });
    if (count === 0) {
      throw new ConflictError('This interview was changed in another tab or window since you opened it. Reload to see the latest version; nothing was saved.');
    }
    await tx.activityEvent.create({
      data: { userId, interviewId: id, type: 'UPDATED', summary: `Edited: ${changed.join(', ')}`, details: { changed: [...changed] } },
    });
  });
  return { adjustment: start.adjustment, notice: start.message };
}

export async function deleteInterview(userId: string, id: string): Promise<void> {
  const { count } = await getDb().interview.deleteMany({ where: { id, userId } });
  if (count === 0) throw new NotFoundError('interview');
}

export async function getInterview(userId: string, id: string) {
  const interview = await getDb().interview.findFirst({
    where: { id, userId },
    include: {
      activityEvents: { orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], take: 100 },
      rescheduledFrom: { select: { id: true, scheduledStart: true, timeZone: true, _count: { select: { incidents: true } } } },
      rescheduledTo: { select: { id: true, scheduledStart: true, timeZone: true, status: true } },
      incidents: { select: { id: true, recoveryState: true, kind: true, recordedAt: true }, orderBy: { recordedAt: 'desc' } },
    },
  });
  if (!interview) throw new NotFoundError('interview');
  return interview;
}

/** Moves an interview to another status, refusing transitions the domain forbids. */
export async function changeInterviewStatus(
  userId: string,
  id: string,
  to: InterviewStatus,
  tx?: Prisma.TransactionClient,
): Promise<void> {
  const run = async (db: Prisma.TransactionClient) => {
    const current = await db.interview.findFirst({ where: { id, userId }, select: { status: true } });
    if (!current) throw new NotFoundError('interview');
    try {
      assertTransition(current.status, to);
    } catch (error) {
      if (error instanceof InvalidTransitionError) throw new ValidationError(error.message);
      throw error;
    }
    // The status in the where makes a concurrent change lose cleanly instead of both applying.
    const { count } = await db.interview.updateMany({ where: { id, userId, status: current.status }, data: { status: to } });
    if (count === 0) throw new ConflictError('This interview changed in the meantime. Reload and try again.');
    await db.activityEvent.create({
      data: {
        userId,
        interviewId: id,
        type: 'STATUS_CHANGED',
        summary: `${INTERVIEW_STATUS_LABELS[current.status]} → ${INTERVIEW_STATUS_LABELS[to]}`,
        details: { from: current.status, to },
      },
    });
  };
  if (tx) return run(tx);
  return getDb().$transaction(run);
}

/**
 * The employer moved the interview: the old one becomes "rescheduled" and a new one,
 * linked to it, takes the new time. One transaction.
 */
export async function rescheduleByEmployer(userId: string, id: string, date: string, time: string, now = new Date()) {
  return getDb().$transaction(async (tx) => {
    const old = await tx.interview.findFirst({ where: { id, userId } });
    if (!old) throw new NotFoundError('interview');
    const start = resolveLocalStart(date, time, old.timeZone);
    if (start.instant <= now) {
      throw new ValidationError('The new time is in the past.', { date: 'Choose a date and time in the future.' });
    }
    await changeInterviewStatus(userId, id, 'RESCHEDULED', tx);
    const { id: _id, createdAt: _c, updatedAt: _u, status: _s, prepChecklist: _p, rescheduledFromId: _r, ...copy } = old;
    const created = await tx.interview.create({
      data: { ...copy, prepChecklist: {}, scheduledStart: start.instant, rescheduledFromId: old.id },
      select: { id: true },
    });
    await tx.activityEvent.create({
      data: { userId, interviewId: created.id, type: 'CREATED', summary: `Rescheduled by the employer from ${formatInZone(old.scheduledStart, old.timeZone)}` },
    });
    return { id: created.id, notice: start.message };
  });
}

/** Ticks or unticks one prep item; the tick's time is kept. */
export async function setPrepItem(userId: string, id: string, itemId: string, checked: boolean): Promise<void> {
  await getDb().$transaction(async (tx) => {
    // Locked so two quick ticks cannot overwrite each other's key in the JSON column.
    await lockInterview(tx, userId, id);
    const interview = await tx.interview.findFirstOrThrow({
      where: { id, userId },
      select: { prepChecklist: true, format: true, rescheduledFrom: { select: { _count: { select: { incidents: true } } } } },
    });
    const item = findPrepItem(interview.format, isSecondChance(interview), itemId);
    if (!item) throw new ValidationError('That checklist item does not apply to this interview.');
    const ticks = { ...((interview.prepChecklist ?? {}) as Record<string, string>) };
    if (checked) ticks[itemId] = new Date().toISOString();
    else delete ticks[itemId];
    await tx.interview.update({ where: { id }, data: { prepChecklist: ticks } });
    await tx.activityEvent.create({
      data: { userId, interviewId: id, type: 'CHECKLIST_UPDATED', summary: `${checked ? 'Ticked' : 'Unticked'} “${item.label}”`, details: { itemId, checked } },
    });
  });
}
