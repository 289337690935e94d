'use server';

// The recovery screens' actions. Each step's server function opens its own transaction and
// locks the interview; an action names the signed-in user and refreshes what the step changed.
import { authedAction, type ActionOptions } from './client';
import { revalidateRecoveryPages } from './revalidate';
import { revalidatePath } from 'next/cache';
import { approveDraft } from '@/lib/server/recovery/approve-draft';
import { confirmManualSend } from '@/lib/server/recovery/confirm-manual-send';
import { dismissMessage } from '@/lib/server/recovery/dismiss-message';
import { draftFollowUp } from '@/lib/server/recovery/draft-follow-up';
import { completePrep, tickPrepItem } from '@/lib/server/recovery/prep-checklist';
import { recordAttendedLate } from '@/lib/server/recovery/record-attended-late';
import { recordCall } from '@/lib/server/recovery/record-call';
import { recordOutcome } from '@/lib/server/recovery/record-outcome';
import { saveDraft } from '@/lib/server/recovery/save-draft';
import { saveLesson } from '@/lib/server/recovery/save-lesson';
import { sendMessage } from '@/lib/server/recovery/send-message';
import { skipStep } from '@/lib/server/recovery/skip-step';
import { startRecovery } from '@/lib/server/recovery/start-recovery';
import { stopWaiting } from '@/lib/server/recovery/stop-waiting';
import {
  confirmManualSendSchema,
  incidentRefSchema,
  messageRefSchema,
  prepChecklistTickSchema,
  recordCallSchema,
  recordOutcomeSchema,
  saveDraftSchema,
  saveLessonSchema,
  sendMessageSchema,
  skipStepSchema,
  startRecoverySchema,
} from '@/lib/validation/recovery';

const refresh: ActionOptions<unknown, unknown> = { revalidate: () => revalidateRecoveryPages() };
// Steps that write a lesson also change the lesson pages.
const refreshWithLessons: ActionOptions<unknown, unknown> = {
  revalidate: () => {
    revalidateRecoveryPages();
    revalidatePath('/lessons');
  },
};

export const startRecoveryAction = authedAction(startRecoverySchema, (_input, { user }, raw) => startRecovery(user.id, raw), refresh);

export const recordCallAction = authedAction(recordCallSchema, (_input, { user }, raw) => recordCall(user.id, raw), refresh);

export const saveDraftAction = authedAction(saveDraftSchema, (_input, { user }, raw) => saveDraft(user.id, raw), refresh);

export const approveDraftAction = authedAction(incidentRefSchema, (_input, { user }, raw) => approveDraft(user.id, raw), refresh);

export const sendMessageAction = authedAction(sendMessageSchema, (_input, { user }, raw) => sendMessage(user.id, raw), refresh);

export const confirmManualSendAction = authedAction(confirmManualSendSchema, (_input, { user }, raw) => confirmManualSend(user.id, raw), refresh);

export const recordOutcomeAction = authedAction(recordOutcomeSchema, (_input, { user }, raw) => recordOutcome(user.id, raw), refresh);

export const draftFollowUpAction = authedAction(incidentRefSchema, (_input, { user }, raw) => draftFollowUp(user.id, raw), refresh);

export const stopWaitingAction = authedAction(incidentRefSchema, (_input, { user }, raw) => stopWaiting(user.id, raw), refresh);

export const recordAttendedLateAction = authedAction(incidentRefSchema, (_input, { user }, raw) => recordAttendedLate(user.id, raw), refresh);

export const skipStepAction = authedAction(skipStepSchema, (_input, { user }, raw) => skipStep(user.id, raw), refreshWithLessons);

export const tickPrepItemAction = authedAction(prepChecklistTickSchema, (_input, { user }, raw) => tickPrepItem(user.id, raw), refresh);

export const completePrepAction = authedAction(incidentRefSchema, (_input, { user }, raw) => completePrep(user.id, raw), refresh);

export const saveLessonAction = authedAction(saveLessonSchema, (_input, { user }, raw) => saveLesson(user.id, raw), refreshWithLessons);

export const dismissMessageAction = authedAction(messageRefSchema, (_input, { user }, raw) => dismissMessage(user.id, raw), refresh);
