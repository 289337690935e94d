import 'server-only';
import { ghostClockOf } from '@/lib/domain/application-details';
import { ghostState } from '@/lib/domain/ghosting';
import { countApplicationMessages } from '@/lib/server/applications/count-application-messages';
import { getApplication } from '@/lib/server/applications/get-application';
import { listStageChoices } from '@/lib/server/applications/list-stage-choices';

/**
 * The application page: the application with its timeline, rounds and contacts, the user's
 * stages for the stage control, where it stands on the no-reply clock, and what deleting it
 * would take. Three statements whatever the number of rounds; a missing or foreign id throws
 * NotFoundError.
 */
export async function loadApplicationPage(user: { id: string; timeZone: string }, id: string, now = new Date()) {
  const [application, stages, messages] = await Promise.all([
    getApplication(user.id, id),
    listStageChoices(user.id),
    countApplicationMessages(user.id, id),
  ]);
  const clock = ghostClockOf(
    {
      appliedOn: application.appliedOn,
      lastReplyAt: application.lastReplyAt,
      stageChanges: application.stageChanges,
      rounds: application.interviews,
    },
    user.timeZone,
    now,
  );
  const ghost = ghostState({
    noReplyDays: application.stage.noReplyDays,
    stageKind: application.stage.kind,
    last: clock.last,
    timeZone: clock.timeZone,
    now,
  });
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
  };
}
