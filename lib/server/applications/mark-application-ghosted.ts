import 'server-only';
import { getDb } from '@/lib/db';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { moveApplication, type MoveResult } from './move-application';

export const NO_GHOSTED_STAGE_MESSAGE =
  'You no longer have a Ghosted stage. Choose another stage for this application instead.';

/**
 * The one click the no-reply notice offers: moves the user's application to their Ghosted stage
 * (systemKey GHOSTED, whatever they renamed it to), through moveApplication, so the timeline
 * records it. `expectedStageId` is the stage the notice was shown for: a move since is a conflict.
 */
export async function markApplicationGhosted(
  userId: string,
  applicationId: string,
  options: { expectedStageId?: string; now?: Date } = {},
): Promise<MoveResult> {
  const db = getDb();
  const [application, ghosted] = await Promise.all([
    db.application.findFirst({ where: { id: applicationId, userId }, select: { id: true } }),
    db.applicationStage.findFirst({ where: { userId, systemKey: 'GHOSTED' }, select: { id: true } }),
  ]);
  if (!application) throw new NotFoundError('application');
  if (!ghosted) throw new ValidationError(NO_GHOSTED_STAGE_MESSAGE);
  return moveApplication(userId, applicationId, ghosted.id, {
    expectedStageId: options.expectedStageId,
    closeReason: 'GHOSTED',
    cause: 'USER',
    now: options.now,
  });
}
