import 'server-only';
import type PgBoss from 'pg-boss';
import { getDb, type Tx } from '@/lib/db';
import type { ReminderKind } from '@/lib/domain/reminders';
import { buildReminderContent, type ReminderContent, type ReminderLinks } from '@/lib/domain/reminders-content';
import type { Prisma } from '@/lib/generated/prisma/client';
import { interviewFactsSelect } from '@/lib/server/interviews/interview-select';
import { createCheckInToken } from '@/lib/server/notifications/check-in-tokens';
import { syncIncidentReminders } from '@/lib/server/reminders/sync-incident-reminders';
import { syncInterviewReminders } from '@/lib/server/reminders/sync-interview-reminders';
import { getEnv } from '@/lib/env';
import { isDatabaseUnavailable } from '@/lib/errors';
import { planGhostNudges } from '@/lib/server/reminders/plan-ghost-nudges';
import { dispatchApplicationNudges } from './dispatch-application-nudges';
import { queueNotification } from './queue-notification';

/** Due reminders taken per run; the next minute's run takes the rest. */
const BATCH_SIZE = 200;

export type DispatchResult = { queued: number; skipped: number; owners: number };

type Owner = { userId: string; interviewId: string | null; incidentId: string | null; applicationId: string | null };

// The facts every drafted message is built from, and whether it is a second chance.
const contentInterviewSelect = {
  ...interviewFactsSelect,
  resultingFrom: { select: { id: true }, take: 1 },
} satisfies Prisma.InterviewSelect;

/**
 * Hands every due reminder to the delivery queue. Each interview (or incident) is handled in a
 * transaction of its own that first locks its row, as every write to it does, so a user's edit
 * and the dispatcher take turns instead of deadlocking; a row locked by an edit right now is left
 * for the next run. Under that lock the reminders are recomputed with `now` (a moment that passed
 * while nothing was sending is skipped and recorded, quiet hours move one that came due during
 * them), then the still-due ones get their Notification, one delivery per outside channel and a
 * delivery job each, all committed together.
 */
export async function dispatchDueReminders(boss: PgBoss, now: Date = new Date()): Promise<DispatchResult> {
  const db = getDb();
  // Quiet applications get their nudges written first, so one that came due now goes out now. A
  // failure there (other than the database being gone, which stops the whole run) must not hold
  // back the interview reminders below: it is logged and retried on the next run.
  await planGhostNudges(now).catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) throw error;
    console.error('[worker] planning no-reply nudges failed', error);
  });
  const due = await db.reminder.findMany({
    where: { state: 'SCHEDULED', dueAt: { lte: now } },
    orderBy: { dueAt: 'asc' },
    take: BATCH_SIZE,
    select: { userId: true, interviewId: true, incidentId: true, applicationId: true },
  });
  const owners = new Map<string, Owner>();
  for (const row of due) owners.set(`${row.interviewId ?? ''}|${row.incidentId ?? ''}|${row.applicationId ?? ''}`, row);
  const result: DispatchResult = { queued: 0, skipped: 0, owners: owners.size };
  for (const owner of owners.values()) {
    const counts = await db.$transaction((tx) =>
      owner.applicationId
        ? dispatchApplicationNudges(tx, boss, { userId: owner.userId, applicationId: owner.applicationId }, now)
        : dispatchOwner(tx, boss, owner, now),
    );
    result.queued += counts.queued;
    result.skipped += counts.skipped;
  }
  return result;
}

async function dispatchOwner(
  tx: Tx,
  boss: PgBoss,
  owner: Owner,
  now: Date,
): Promise<{ queued: number; skipped: number }> {
  const locked = owner.interviewId
    ? await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id" FROM "Interview" WHERE "id" = ${owner.interviewId} AND "userId" = ${owner.userId} FOR UPDATE SKIP LOCKED`
    : await tx.$queryRaw<
        { id: string }[]
      >`SELECT "id" FROM "MissedIncident" WHERE "id" = ${owner.incidentId} AND "userId" = ${owner.userId} FOR UPDATE SKIP LOCKED`;
  if (locked.length === 0) return { queued: 0, skipped: 0 };
  const applied = owner.interviewId
    ? await syncInterviewReminders(tx, owner.userId, owner.interviewId, now)
    : await syncIncidentReminders(tx, owner.userId, owner.incidentId as string, now);
  const scope = owner.interviewId ? { interviewId: owner.interviewId } : { incidentId: owner.incidentId };
  const reminders = await tx.reminder.findMany({
    where: { userId: owner.userId, ...scope, state: 'SCHEDULED', dueAt: { lte: now } },
    orderBy: { dueAt: 'asc' },
  });
  if (reminders.length === 0) return { queued: 0, skipped: applied?.skipped ?? 0 };
  const facts = await loadContentFacts(tx, owner, reminders);
  for (const reminder of reminders) await queueReminder(tx, boss, reminder, facts, now);
  return { queued: reminders.length, skipped: applied?.skipped ?? 0 };
}

type ReminderRow = Prisma.ReminderGetPayload<object>;
type ContentFacts = Awaited<ReturnType<typeof loadContentFacts>>;

async function loadContentFacts(tx: Tx, owner: Owner, reminders: readonly ReminderRow[]) {
  const lessonIds = [...new Set(reminders.flatMap((reminder) => reminder.lessonIds))];
  const [user, interview, lessonActions] = await Promise.all([
    tx.user.findUniqueOrThrow({
      where: { id: owner.userId },
      select: { id: true, name: true, email: true, timeZone: true },
    }),
    owner.interviewId
      ? tx.interview.findFirstOrThrow({
          where: { id: owner.interviewId, userId: owner.userId },
          select: contentInterviewSelect,
        })
      : tx.missedIncident
          .findFirstOrThrow({
            where: { id: owner.incidentId as string, userId: owner.userId },
            select: { interview: { select: contentInterviewSelect } },
          })
          .then((incident) => incident.interview),
    lessonIds.length > 0
      ? tx.preventionAction.findMany({
          where: { lessonId: { in: lessonIds }, retiredAt: null, lesson: { userId: owner.userId } },
          orderBy: [{ lessonId: 'asc' }, { position: 'asc' }],
          select: { text: true },
        })
      : Promise.resolve([]),
  ]);
  return { user, interview, lessonActions: lessonActions.map((action) => action.text) };
}

async function buildLinks(tx: Tx, reminder: ReminderRow, facts: ContentFacts, now: Date): Promise<ReminderLinks> {
  const base = getEnv().appUrl;
  const interviewUrl = `${base}/interviews/${facts.interview.id}`;
  const links: ReminderLinks = {
    open: reminder.incidentId ? `${base}/incidents/${reminder.incidentId}` : interviewUrl,
    runningLate: `${interviewUrl}/recover?kind=RUNNING_LATE`,
    lessons: `${base}/lessons/review`,
  };
  if (reminder.kind === 'CHECK_IN') {
    const token = await createCheckInToken(tx, reminder.userId, facts.interview.id, now);
    links.checkInHappened = `${base}/check-in/${token}?answer=happened`;
    links.checkInDidNotHappen = `${base}/check-in/${token}?answer=missed`;
    links.noShow = interviewUrl;
  }
  return links;
}

async function queueReminder(
  tx: Tx,
  boss: PgBoss,
  reminder: ReminderRow,
  facts: ContentFacts,
  now: Date,
): Promise<void> {
  const { resultingFrom, ...interview } = facts.interview;
  const links = await buildLinks(tx, reminder, facts, now);
  const content: ReminderContent = buildReminderContent({
    reminder: { kind: reminder.kind as ReminderKind, leaveBy: reminder.leaveBy },
    interview: { ...interview, isSecondChance: resultingFrom.length > 0 },
    userTimeZone: facts.user.timeZone,
    userName: facts.user.name,
    links,
    lessonActions: facts.lessonActions,
    sentAt: now,
  });
  await queueNotification(tx, boss, reminder, content, links.open, now);
}
