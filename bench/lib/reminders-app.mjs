// The app's own reminder code for bench/reminders.mjs, run under tsx as the worker is
// (`npm run worker`'s flags), so the bench's Reminder rows and times come from the real rules:
//
//   tsx --conditions=react-server --tsconfig tsconfig.json bench/lib/reminders-app.mjs sync <userId>…
//     recomputes each user's reminders (resyncUserReminders, in a transaction per user)
//   … describe <interviewId>
//     prints the interview's reminders as JSON, due times written in both zones (formatWithZone)
// Needs DATABASE_URL.
const [command, ...ids] = process.argv.slice(2);
const { getDb } = await import('@/lib/db');
const db = getDb();
try {
  if (command === 'sync') {
    const { resyncUserReminders } = await import('@/lib/server/reminders/resync-user-reminders');
    const now = new Date();
    for (const userId of ids) await db.$transaction((tx) => resyncUserReminders(tx, userId, now));
    console.log(JSON.stringify({ synced: ids.length, at: now.toISOString() }));
  } else if (command === 'describe') {
    const { formatWithZone } = await import('@/lib/domain/time');
    const interview = await db.interview.findUniqueOrThrow({
      where: { id: ids[0] },
      select: { id: true, company: true, scheduledStart: true, timeZone: true, user: { select: { timeZone: true } } },
    });
    const reminders = await db.reminder.findMany({
      where: { interviewId: interview.id },
      orderBy: { dueAt: 'asc' },
      select: { kind: true, dueAt: true, state: true, sentAt: true, channels: true, dedupeKey: true, lastError: true },
    });
    const both = (instant) =>
      instant
        ? {
            interviewZone: formatWithZone(instant, interview.timeZone),
            userZone: formatWithZone(instant, interview.user.timeZone),
          }
        : null;
    console.log(
      JSON.stringify({
        interview: {
          id: interview.id,
          company: interview.company,
          timeZone: interview.timeZone,
          userTimeZone: interview.user.timeZone,
          start: both(interview.scheduledStart),
        },
        reminders: reminders.map((reminder) => ({
          ...reminder,
          due: both(reminder.dueAt),
          delivered: both(reminder.sentAt),
        })),
      }),
    );
  } else {
    throw new Error(`unknown command "${command}" (sync or describe)`);
  }
} finally {
  await db.$disconnect();
}
