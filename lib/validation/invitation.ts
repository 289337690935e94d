import { z } from 'zod/mini';
import { idSchema, isCleanText } from './common';

/** An event's UID as an invitation gives it; one that cannot be an event's is not found. */
const invitationUidSchema = z.custom<string>(
  (value) => typeof value === 'string' && value.length > 0 && value.length <= 1000 && isCleanText(value),
  { message: 'That invitation event does not exist.', params: { code: 'NOT_FOUND' } },
);

/** Which event of which of the user's imported invitation files a confirmation is about. */
export const invitationStepShape = { importId: idSchema('import'), uid: invitationUidSchema };
export const invitationStepSchema = z.object(invitationStepShape);
