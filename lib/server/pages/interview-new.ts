import 'server-only';
import { getDb } from '@/lib/db';
import { utcToZonedLocal } from '@/lib/domain/time';
import { NotFoundError } from '@/lib/errors';
import type { InterviewFormInput } from '@/lib/validation/interview';

// The open applications the form offers, most recently touched first. Enough for anyone's
// active search; an older one is still found by typing its company and role.
const APPLICATION_CHOICES = 200;

export type ApplicationChoice = { id: string; company: string; roleTitle: string; stageName: string };
export type ContactChoice = { id: string; name: string; email: string | null; phone: string | null; role: string };

/**
 * The new-interview page: the user's open applications to choose from and, when the page was
 * opened for one of them ("Add a round"), the form prefilled from it (company, role, its
 * latest round's zone, format and place) with its contacts to pick from. A missing or foreign
 * application throws NotFoundError.
 */
export async function loadNewInterviewPage(userId: string, userTimeZone: string, applicationId?: string) {
  const db = getDb();
  const [applications, chosen] = await Promise.all([
    db.application.findMany({
      where: { userId, closedAt: null, stage: { kind: 'OPEN' } },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      take: APPLICATION_CHOICES,
      select: { id: true, company: true, roleTitle: true, stage: { select: { name: true } } },
    }),
    applicationId
      ? db.application.findFirst({
          where: { id: applicationId, userId },
          select: {
            id: true,
            company: true,
            roleTitle: true,
            stage: { select: { name: true } },
            contacts: {
              orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
              select: { id: true, name: true, email: true, phone: true, role: true },
            },
            interviews: {
              orderBy: [{ scheduledStart: 'desc' }, { id: 'desc' }],
              take: 1,
              select: {
                scheduledStart: true,
                timeZone: true,
                format: true,
                location: true,
                meetingUrl: true,
                travelMinutes: true,
                contactId: true,
              },
            },
            _count: { select: { interviews: true } },
          },
        })
      : null,
  ]);
  if (applicationId && !chosen) throw new NotFoundError('application');

  const choices: ApplicationChoice[] = applications.map(({ stage, ...application }) => ({
    ...application,
    stageName: stage.name,
  }));
  if (chosen && !choices.some((choice) => choice.id === chosen.id)) {
    choices.unshift({
      id: chosen.id,
      company: chosen.company,
      roleTitle: chosen.roleTitle,
      stageName: chosen.stage.name,
    });
  }

  const lastRound = chosen?.interviews[0];
  const timeZone = lastRound?.timeZone ?? userTimeZone;
  const defaults: InterviewFormInput = {
    applicationId: chosen?.id ?? '',
    contactId: '',
    company: chosen?.company ?? '',
    roleTitle: chosen?.roleTitle ?? '',
    roundLabel: chosen ? `Round ${chosen._count.interviews + 1}` : '',
    // A later round is rarely on the same day as the last one; the date is left to the user.
    date: '',
    startTime: lastRound ? utcToZonedLocal(lastRound.scheduledStart, timeZone).slice(11, 16) : '10:00',
    endTime: '',
    timeZone,
    format: lastRound?.format ?? 'IN_PERSON',
    location: lastRound?.location ?? '',
    meetingUrl: lastRound?.meetingUrl ?? '',
    travelMinutes: lastRound?.travelMinutes?.toString() ?? '',
  };
  defaults.endTime = addHour(defaults.startTime);
  const contacts: ContactChoice[] = chosen?.contacts ?? [];
  return { applications: choices, contacts, defaults };
}

function addHour(time: string): string {
  const [hours = 10, minutes = 0] = time.split(':').map(Number);
  return `${String(Math.min(hours + 1, 23)).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
