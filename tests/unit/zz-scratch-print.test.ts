import { draftMessage, messageKinds } from '@/lib/domain/message-templates';
import { checkMessage } from '@/lib/domain/message-checklist';
it('prints', () => {
  const full = { kind: 'MISSED' as const, candidateName: 'Alex Morgan', contactName: 'Jane Smith', company: 'Acme Ltd', roleTitle: 'Backend Engineer', roundLabel: 'Second round', scheduledStart: new Date('2026-03-03T14:00:00Z'), timeZone: 'Europe/London', format: 'IN_PERSON' as const, reason: 'TRAFFIC_TRANSPORT' as const, explanation: 'my train was cancelled and the replacement bus took two hours. Then I got lost.', newStart: new Date('2026-03-10T09:30:00Z'), leaveBy: new Date('2026-03-10T08:20:00Z'), location: '1 King Street, London' };
  let out = '';
  for (const kind of messageKinds) { const m = draftMessage(kind, full); out += `==== ${kind}\nSUBJECT: ${m.subject}\n${m.body}\n`; }
  for (const kind of messageKinds) { const m = draftMessage(kind, { kind: 'RUNNING_LATE' }); out += `==== RL-empty ${kind}\nSUBJECT: ${m.subject}\n${m.body}\n`; }
  out += JSON.stringify(checkMessage(draftMessage('APOLOGY', full).body), null, 1);
  console.log(out);
});
