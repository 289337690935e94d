import 'server-only';

// Web push, for the code that sends reminders: build a payload, send it to the user's browsers,
// read one outcome per browser. The subscription routes (app/api/push) use the rest.
export { buildInterviewPushPayload, MAX_PAYLOAD_BYTES, serializePushPayload, type PushAction, type PushPayload } from './payload';
export { sendPushToUser, type PushOptions, type PushOutcome } from './send-push-to-user';
export { getVapidKeys } from './vapid-keys';
