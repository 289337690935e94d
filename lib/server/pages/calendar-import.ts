import 'server-only';
import { getDb } from '@/lib/db';
import { reviewInvitationEvent, type InvitationReviewItem } from '@/lib/domain/invitation-plan';
import { readCalendarImport } from '@/lib/server/imports/read-calendar-import';

export type CalendarImportPage = {
  id: string;
  fileName: string;
  items: InvitationReviewItem[];
  /** The open applications a new interview's form offers (the matched one among them). */
  applications: { id: string; company: string; roleTitle: string; stageName: string }[];
};

/**
 * The review page of one imported invitation file: each event decided against the user's
 * interviews (by UID) and open applications (by the organizer's domain or the summary's
 * company). Another user's import throws NotFoundError. Three statements, however many events.
 */
export async function loadCalendarImportPage(
  userId: string,
  userTimeZone: string,
  importId: string,
): Promise<CalendarImportPage> {
  const db = getDb();
  const imported = await readCalendarImport(userId, importId);
  const uids = imported.invitation.events.map((event) => event.uid);
  const [interviews, applications] = await Promise.all([
    db.interview.findMany({
      where: { userId, invitationUid: { in: uids } },
      select: {
        id: true,
        invitationUid: true,
        invitationSequence: true,
        status: true,
        scheduledStart: true,
        durationMinutes: true,
        timeZone: true,
        company: true,
        roleTitle: true,
      },
    }),
    db.application.findMany({
      where: { userId, closedAt: null, stage: { kind: 'OPEN' } },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: 500,
      select: { id: true, company: true, roleTitle: true, stage: { select: { name: true } } },
    }),
  ]);
  const byUid = new Map(interviews.map((interview) => [interview.invitationUid, interview]));
  return {
    id: imported.id,
    fileName: imported.fileName,
    applications: applications.map(({ stage, ...application }) => ({ ...application, stageName: stage.name })),
    items: imported.invitation.events.map((event) =>
      reviewInvitationEvent(event, byUid.get(event.uid) ?? null, { userTimeZone, applications }),
    ),
  };
}
