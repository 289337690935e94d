import 'server-only';

// The interviews area's data functions, for actions, pages and tests.
export { changeInterviewStatus } from './change-interview-status';
export { createInterview } from './create-interview';
export { deleteInterview } from './delete-interview';
export { getInterview } from './get-interview';
export { rescheduleByEmployer } from './reschedule-by-employer';
export { setPrepItem } from './set-prep-item';
export { updateInterview } from './update-interview';
