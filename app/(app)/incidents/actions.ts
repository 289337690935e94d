'use server';

// Glue between the recovery screens and lib/server/recovery. Every server function parses its own
// input and scopes every query by the user, so an action only names the signed-in user, turns the
// refusals a user can act on into a result, and refreshes the pages that show the incident.
import { revalidatePath } from 'next/cache';
import { toActionResult } from '@/lib/action-result';
import type { ActionResult } from '@/lib/errors';
import { approveDraft } from '@/lib/server/recovery/approve-draft';
import { confirmManualSend, type ConfirmManualSendResult } from '@/lib/server/recovery/confirm-manual-send';
import { draftFollowUp, type DraftFollowUpResult } from '@/lib/server/recovery/draft-follow-up';
import { completePrep, tickPrepItem, type PrepChecklist } from '@/lib/server/recovery/prep-checklist';
import { recordAttendedLate } from '@/lib/server/recovery/record-attended-late';
import { recordCall } from '@/lib/server/recovery/record-call';
import { recordOutcome, type RecordOutcomeResult } from '@/lib/server/recovery/record-outcome';
import { saveDraft, type SaveDraftResult } from '@/lib/server/recovery/save-draft';
import { saveLesson, type SaveLessonResult } from '@/lib/server/recovery/save-lesson';
import { sendMessage, type SendMessageResult } from '@/lib/server/recovery/send-message';
import { skipStep } from '@/lib/server/recovery/skip-step';
import { startRecovery, type StartRecoveryResult } from '@/lib/server/recovery/start-recovery';
import { stopWaiting } from '@/lib/server/recovery/stop-waiting';
import type { RecoveryState } from '@/lib/domain/recovery-state';
import { requireUser } from '@/lib/session';
import type {
  ConfirmManualSendInput,
  IncidentRefInput,
  PrepChecklistTickInput,
  RecordCallInput,
  RecordOutcomeInput,
  SaveDraftInput,
  SaveLessonInput,
  SendMessageInput,
  SkipStepInput,
  StartRecoveryInput,
} from '@/lib/validation/recovery';

type StateResult = ActionResult<{ state: RecoveryState }>;

/**
 * Route patterns rather than paths built from the request's ids: nothing the browser sent ends up
 * in a cache key, and every page that shows an incident, an interview or the dashboard is fresh.
 */
function revalidateRecovery(...extraPaths: string[]) {
  revalidatePath('/(app)/incidents/[id]', 'page');
  revalidatePath('/(app)/interviews/[id]', 'page');
  revalidatePath('/interviews');
  revalidatePath('/dashboard');
  for (const path of extraPaths) revalidatePath(path);
}

/** Requires the user (or redirects to sign-in), runs the work for that user, and refreshes the pages after a change. */
async function runForUser<T>(work: (userId: string) => Promise<T>, extraPaths: string[] = []): Promise<ActionResult<T>> {
  // Without an explicit path, sign-in brings the user back to the page the action was posted from.
  const user = await requireUser();
  const result = await toActionResult(() => work(user.id));
  if (result.ok) revalidateRecovery(...extraPaths);
  return result;
}

export async function startRecoveryAction(input: StartRecoveryInput): Promise<ActionResult<StartRecoveryResult>> {
  return runForUser((userId) => startRecovery(userId, input));
}

export async function recordCallAction(input: RecordCallInput): Promise<StateResult> {
  return runForUser((userId) => recordCall(userId, input));
}

export async function saveDraftAction(input: SaveDraftInput): Promise<ActionResult<SaveDraftResult>> {
  return runForUser((userId) => saveDraft(userId, input));
}

export async function approveDraftAction(input: IncidentRefInput): Promise<StateResult> {
  return runForUser((userId) => approveDraft(userId, input));
}

export async function sendMessageAction(input: SendMessageInput): Promise<ActionResult<SendMessageResult>> {
  return runForUser((userId) => sendMessage(userId, input));
}

export async function confirmManualSendAction(input: ConfirmManualSendInput): Promise<ActionResult<ConfirmManualSendResult>> {
  return runForUser((userId) => confirmManualSend(userId, input));
}

export async function recordOutcomeAction(input: RecordOutcomeInput): Promise<ActionResult<RecordOutcomeResult>> {
  return runForUser((userId) => recordOutcome(userId, input));
}

export async function draftFollowUpAction(input: IncidentRefInput): Promise<ActionResult<DraftFollowUpResult>> {
  return runForUser((userId) => draftFollowUp(userId, input));
}

export async function stopWaitingAction(input: IncidentRefInput): Promise<StateResult> {
  return runForUser((userId) => stopWaiting(userId, input));
}

export async function recordAttendedLateAction(input: IncidentRefInput): Promise<StateResult> {
  return runForUser((userId) => recordAttendedLate(userId, input));
}

export async function skipStepAction(input: SkipStepInput): Promise<StateResult> {
  return runForUser((userId) => skipStep(userId, input), ['/lessons']);
}

export async function tickPrepItemAction(input: PrepChecklistTickInput): Promise<ActionResult<PrepChecklist>> {
  return runForUser((userId) => tickPrepItem(userId, input));
}

export async function completePrepAction(input: IncidentRefInput): Promise<StateResult> {
  return runForUser((userId) => completePrep(userId, input));
}

export async function saveLessonAction(input: SaveLessonInput): Promise<ActionResult<SaveLessonResult>> {
  return runForUser((userId) => saveLesson(userId, input), ['/lessons']);
}
