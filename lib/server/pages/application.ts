import 'server-only';
import { countEmployerRecord } from '@/lib/server/applications/count-employer-record';
import { countApplicationMessages } from '@/lib/server/applications/count-application-messages';
import { getApplication } from '@/lib/server/applications/get-application';
import { listStageChoices } from '@/lib/server/applications/list-stage-choices';
import { readGhostStates } from '@/lib/server/applications/read-ghost-states';

/**
 * The application page: the application with its timeline, rounds and contacts, the user's
 * stages for the stage control, where it stands on the no-reply clock, how often the employer
 * moved its rounds, and what deleting it would take. Five statements whatever the number of rounds; a missing or foreign id throws
 * NotFoundError.
 */
export async function loadApplicationPage(user: { id: string; timeZone: string }, id: string, now = new Date()) {
  const [application, stages, messages, ghosts, employerRecord] = await Promise.all([
    getApplication(user.id, id),
    listStageChoices(user.id),
    countApplicationMessages(user.id, id),
    // The no-reply clock as the nudges read it, so the page and the nudge always agree.
    readGhostStates(user.id, [id], now),
    countEmployerRecord(user.id, id),
  ]);
  const ghost = ghosts.get(id)?.ghost ?? ({ kind: 'none' } as const);
  const ghostedStage = stages.find((stage) => stage.systemKey === 'GHOSTED') ?? null;
  const incidents = application.interviews.flatMap((interview) => interview.incidents);
  const deletion = {
    rounds: application.interviews.length,
    recoveries: incidents.length,
    messages,
    lessons: incidents.reduce((total, incident) => total + incident._count.lessons, 0),
  };
  return {
    application,
    stages,
    ghost,
    canMarkGhosted: Boolean(ghostedStage && ghostedStage.id !== application.stage.id),
    deletion,
    employerReschedules: employerRecord.reschedules,
    employerNoShows: employerRecord.noShows,
  };
}
