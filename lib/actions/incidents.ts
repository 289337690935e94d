'use server';

// The recovery screens' actions. Each step's server function opens its own transaction and
// locks the interview; an action names the signed-in user and refreshes what the step changed.
import { authedAction, type ActionOptions } from './client';
import { revalidateApplicationPages, revalidateLessonPages, revalidateRecoveryPages } from './revalidate';
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
import { recordNoShowOutcome } from '@/lib/server/recovery/record-no-show-outcome';
import { resolveNoShowCheck } from '@/lib/server/recovery/resolve-no-show-check';
import { startNoShow } from '@/lib/server/recovery/start-no-show';
import { recordNoShowOutcomeSchema, resolveNoShowCheckSchema, startNoShowSchema } from '@/lib/validation/no-show';
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
    revalidateLessonPages();
  },
};

export const startRecoveryAction = authedAction(
  startRecoverySchema,
  (values, { user }) => startRecovery(user.id, values),
  refresh,
);

export const recordCallAction = authedAction(
  recordCallSchema,
  (values, { user }) => recordCall(user.id, values),
  refresh,
);

export const saveDraftAction = authedAction(saveDraftSchema, (values, { user }) => saveDraft(user.id, values), refresh);

export const approveDraftAction = authedAction(
  incidentRefSchema,
  (values, { user }) => approveDraft(user.id, values),
  refresh,
);

export const sendMessageAction = authedAction(
  sendMessageSchema,
  (values, { user }) => sendMessage(user.id, values),
  refresh,
);

export const confirmManualSendAction = authedAction(
  confirmManualSendSchema,
  (values, { user }) => confirmManualSend(user.id, values),
  refresh,
);

export const recordOutcomeAction = authedAction(
  recordOutcomeSchema,
  (values, { user }) => recordOutcome(user.id, values),
  refresh,
);

export const draftFollowUpAction = authedAction(
  incidentRefSchema,
  (values, { user }) => draftFollowUp(user.id, values),
  refresh,
);

export const stopWaitingAction = authedAction(
  incidentRefSchema,
  (values, { user }) => stopWaiting(user.id, values),
  refresh,
);

export const recordAttendedLateAction = authedAction(
  incidentRefSchema,
  (values, { user }) => recordAttendedLate(user.id, values),
  refresh,
);

export const skipStepAction = authedAction(
  skipStepSchema,
  (values, { user }) => skipStep(user.id, values),
  refreshWithLessons,
);

export const tickPrepItemAction = authedAction(
  prepChecklistTickSchema,
  (values, { user }) => tickPrepItem(user.id, values),
  refresh,
);

export const completePrepAction = authedAction(
  incidentRefSchema,
  (values, { user }) => completePrep(user.id, values),
  refresh,
);

export const saveLessonAction = authedAction(
  saveLessonSchema,
  (values, { user }) => saveLesson(user.id, values),
  refreshWithLessons,
);

export const dismissMessageAction = authedAction(
  messageRefSchema,
  (values, { user }) => dismissMessage(user.id, values),
  refresh,
);

// The employer's no-show: its start (idempotent, like startRecoveryAction), the checks' finding
// and the outcome.
export const startNoShowAction = authedAction(
  startNoShowSchema,
  (values, { user }) => startNoShow(user.id, values),
  refresh,
);

export const resolveNoShowCheckAction = authedAction(
  resolveNoShowCheckSchema,
  (values, { user }) => resolveNoShowCheck(user.id, values),
  refresh,
);

export const recordNoShowOutcomeAction = authedAction(
  recordNoShowOutcomeSchema,
  (values, { user }) => recordNoShowOutcome(user.id, values),
  // A reschedule or a withdrawal changes the employer's record on the application page.
  {
    revalidate: () => {
      revalidateRecoveryPages();
      revalidateApplicationPages();
    },
  },
);
