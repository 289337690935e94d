import 'server-only';

// The interviews area's data functions, for actions, pages and other areas (a recovery changes
// the interview's status and drafts its messages from the interview's facts).
export { changeInterviewStatus } from './change-interview-status';
export { createInterview } from './create-interview';
export { deleteInterview } from './delete-interview';
export { getInterview } from './get-interview';
export { interviewFactsSelect, type FactsInterview } from './interview-select';
export { rescheduleByEmployer } from './reschedule-by-employer';
export { setPrepItem } from './set-prep-item';
export { transitionInterviewStatus } from './transition-interview-status';
export { updateInterview } from './update-interview';
