import 'server-only';
import { getDb } from '@/lib/db';
import { type MessageChannel, type MessageStatus } from '@/lib/generated/prisma/enums';

/** Messages that go to the employer; scripts and notes are for the candidate and are never "sent". */
const SENDABLE_CHANNELS: MessageChannel[] = ['EMAIL', 'LETTER'];
/** Never sent: still a draft (approved or not) or a send that failed. */
const UNSENT_STATUSES: MessageStatus[] = ['DRAFT', 'FAILED'];
/** The dashboard is a reminder, not an archive: the newest few, with the total beside them. */
const SHOWN = 10;

export type UnsentMessages = Awaited<ReturnType<typeof listUnsentMessages>>;
export type UnsentMessage = UnsentMessages['messages'][number];

/**
 * The user's messages to an employer that were drafted and never sent nor dismissed, newest
 * first, with the recovery each belongs to: a thank-you forgotten when the recovery closed
 * keeps asking to be sent until it is sent or dismissed.
 */
export async function listUnsentMessages(userId: string) {
  const where = {
    userId,
    incidentId: { not: null },
    channel: { in: SENDABLE_CHANNELS },
    status: { in: UNSENT_STATUSES },
    dismissedAt: null,
  };
  const db = getDb();
  const [messages, total] = await Promise.all([
    db.message.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: SHOWN,
      select: {
        id: true,
        kind: true,
        subject: true,
        recipient: true,
        status: true,
        delivery: true,
        createdAt: true,
        incidentId: true,
        interview: { select: { company: true, roleTitle: true } },
      },
    }),
    db.message.count({ where }),
  ]);
  return { messages, total };
}
