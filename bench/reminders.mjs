#!/usr/bin/env node
// npm run bench:reminders: two reminder workers on one database, sending real email, and
// whether every due reminder arrives once.
//
//   npm run bench:reminders [-- --users 50 --timeout 180 --verbose]
//
// 1. A fresh database: a new database on BENCH_DATABASE_URL's server, or a throwaway embedded
//    PostgreSQL cluster, migrated.
// 2. A real SMTP peer on 127.0.0.1 that records every message, when it came and (on Linux)
//    which worker's connection brought it (bench/lib/reminders-smtp.mjs).
// 3. `--users` users (Europe/London), each with one in-person interview in America/New_York,
//    in three groups: the leave-by reminder a minute overdue, the leave-by reminder at one of the
//    next two whole minutes (at least half a minute ahead), the evening-before reminder likewise
//    (an interview tomorrow, the user's evening-before time set to then). Email is on for both kinds. The Reminder
//    rows are made by the app's own resyncUserReminders (bench/lib/reminders-app.mjs, under tsx).
// 4. Two `npm run worker` processes (scripts/worker.ts under tsx, as npm runs it) with SMTP_*
//    pointing at the peer; waits until every email reminder due within the next
//    DUE_WITHIN_MINUTES has arrived or `--timeout` seconds have passed since the workers
//    started and the last of them fell due, a few seconds more for late duplicates, then stops
//    them with SIGTERM.
// 5. Prints the counts, the senders, the time to deliver and one interview's reminders in both
//    zones; writes it all as JSON to bench/results/.
// Figures only: it exits 0 whatever they are (non-zero only when it could not measure).
import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import pg from 'pg';
import { migrateDatabase } from '../scripts/lib/migrate.mjs';
import { describeMachine, openBenchDatabase } from './lib/bench-database.mjs';
import { startRecordingSmtpPeer } from './lib/reminders-smtp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsxCli = require.resolve('tsx/cli');
// The flags of `npm run worker` (package.json), so the helper and the workers load the app alike.
const TSX_FLAGS = ['--conditions=react-server', '--tsconfig', 'tsconfig.json'];
const USER_ZONE = 'Europe/London';
const INTERVIEW_ZONE = 'America/New_York';
const TRAVEL_MINUTES = 30;
const BUFFER_MINUTES = 10;
// lib/domain/travel.ts DEFAULT_EARLY_ARRIVAL_MINUTES and reminders.ts LEAVE_BY_LEAD_MINUTES: the
// leave-by reminder comes this long before the start. Only the seeding's aim depends on it; what
// is due is read back from the rows the rules made.
const LEAVE_BY_REMINDER_LEAD_MINUTES = TRAVEL_MINUTES + BUFFER_MINUTES + 15 + 15;
const DUE_WITHIN_MINUTES = 3;
const DUPLICATE_GRACE_MS = 5_000;
const MINUTE = 60_000;

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '50' },
    timeout: { type: 'string', default: '180' },
    verbose: { type: 'boolean', default: false },
  },
});
const number = (name) => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number above 0, not "${args[name]}"`);
  return value;
};
const settings = { users: number('users'), timeoutSeconds: number('timeout'), dueWithinMinutes: DUE_WITHIN_MINUTES };
const log = (message) => console.log(`[bench] ${message}`);

/** 'HH:mm' and 'YYYY-MM-DD' of an instant on the wall clock of a zone. */
function wallClock(instant, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** 15:00 in `timeZone` on the day after `instant`'s date there (the offset looked up, then corrected once). */
function tomorrowAfternoon(instant, timeZone) {
  const { date } = wallClock(new Date(instant.getTime() + 24 * 60 * MINUTE), timeZone);
  const guess = new Date(`${date}T15:00:00Z`);
  const shown = wallClock(guess, timeZone);
  const offset = new Date(`${shown.date}T${shown.time}:00Z`).getTime() - guess.getTime();
  return new Date(guess.getTime() - offset);
}

/** Users, preferences and interviews in three groups (see the header), positioned from `now`. */
function planSeed(count, now) {
  // The dispatcher runs on the minute: a whole minute at least half a minute away.
  const nextMinute = Math.ceil((now.getTime() + MINUTE / 2) / MINUTE) * MINUTE;
  return Array.from({ length: count }, (_, index) => {
    const n = index + 1;
    const group = ['leave-by overdue', 'leave-by ahead', 'evening-before ahead'][index % 3];
    const ahead = new Date(nextMinute + (index % 2) * MINUTE);
    let start;
    let eveningBeforeTime = '18:00';
    if (group === 'leave-by overdue') start = new Date(now.getTime() + (LEAVE_BY_REMINDER_LEAD_MINUTES - 1) * MINUTE);
    else if (group === 'leave-by ahead') start = new Date(ahead.getTime() + LEAVE_BY_REMINDER_LEAD_MINUTES * MINUTE);
    else {
      start = tomorrowAfternoon(now, USER_ZONE);
      eveningBeforeTime = wallClock(ahead, USER_ZONE).time;
    }
    return {
      group,
      userId: `bench-rem-user-${n}`,
      email: `bench-rem-user-${n}@rebound.test`,
      interviewId: `bench-rem-interview-${n}`,
      start,
      eveningBeforeTime,
      company: `Company ${n}`,
    };
  });
}

async function seedDatabase(client, plan) {
  const channels = { LEAVE_BY: ['EMAIL', 'IN_APP'], EVENING_BEFORE: ['EMAIL', 'IN_APP'] };
  const rows = plan.map((row) => ({
    ...row,
    start: row.start.toISOString(),
    token: randomBytes(24).toString('base64url'),
  }));
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "User" (id, email, name, "timeZone", "updatedAt")
       SELECT a."userId", a.email, 'Bench ' || a."userId", $2, now() FROM jsonb_to_recordset($1::jsonb) AS a("userId" text, email text)`,
      [JSON.stringify(rows), USER_ZONE],
    );
    await client.query(
      `INSERT INTO "NotificationPreference" (id, "userId", "eveningBeforeTime", channels, "unsubscribeToken", "updatedAt")
       SELECT 'pref-' || a."userId", a."userId", a."eveningBeforeTime", $2::jsonb, a.token, now()
       FROM jsonb_to_recordset($1::jsonb) AS a("userId" text, "eveningBeforeTime" text, token text)`,
      [JSON.stringify(rows), JSON.stringify(channels)],
    );
    // Every interview belongs to an application: one per interview, in the one stage it needs.
    await client.query(
      `INSERT INTO "ApplicationStage" (id, "userId", name, position, kind, "noReplyDays", "systemKey")
       SELECT DISTINCT a."userId" || '-stage', a."userId", 'Interviewing', 3, 'OPEN'::"StageKind", 7, 'INTERVIEWING'
       FROM jsonb_to_recordset($1::jsonb) AS a("userId" text)`,
      [JSON.stringify(rows)],
    );
    await client.query(
      `INSERT INTO "Application" (id, "userId", company, "roleTitle", "matchKey", "stageId", "updatedAt")
       SELECT a."interviewId" || '-app', a."userId", a.company, 'Backend Engineer',
              lower(a.company) || chr(31) || 'backend engineer', a."userId" || '-stage', now()
       FROM jsonb_to_recordset($1::jsonb) AS a("interviewId" text, "userId" text, company text)`,
      [JSON.stringify(rows)],
    );
    await client.query(
      `INSERT INTO "Interview" (id, "userId", "applicationId", company, "roleTitle", "scheduledStart", "durationMinutes", "timeZone", format, location,
                                "contactName", "contactPhone", status, "travelMinutes", "bufferMinutes", "updatedAt")
       SELECT a."interviewId", a."userId", a."interviewId" || '-app', a.company, 'Backend Engineer', a.start::timestamptz, 60, $2, 'IN_PERSON',
              '350 Fifth Avenue, New York, NY 10118', 'Jordan Recruiter', '+1 212 555 0100', 'SCHEDULED', $3, $4, now()
       FROM jsonb_to_recordset($1::jsonb) AS a("interviewId" text, "userId" text, company text, start text)`,
      [JSON.stringify(rows), INTERVIEW_ZONE, TRAVEL_MINUTES, BUFFER_MINUTES],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Runs bench/lib/reminders-app.mjs under tsx and parses the JSON it prints. */
async function runAppHelper(databaseUrl, ...commandArgs) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [tsxCli, ...TSX_FLAGS, 'bench/lib/reminders-app.mjs', ...commandArgs],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      maxBuffer: 16 * 2 ** 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/** One `npm run worker`: its output prefixed, ready when it says reminders are sent from it. */
function startWorker(name, env) {
  const child = spawn(process.execPath, [tsxCli, ...TSX_FLAGS, 'scripts/worker.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = [];
  let markReady;
  const ready = new Promise((resolve) => (markReady = resolve));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        output.push(line);
        if (line.includes('reminders are being sent from this process')) markReady(new Date());
        if (args.verbose || /error|fail/i.test(line)) console.log(`[${name}] ${line}`);
      }
    });
  }
  return {
    name,
    pid: child.pid,
    ready,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 20_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** The dedupe key a reminder email's Message-ID carries (lib/server/notifications/email-channel.ts). */
function dedupeKeyOf(messageId) {
  const match = /^<?reminder-([A-Za-z0-9_-]+)@/.exec(messageId ?? '');
  return match ? Buffer.from(match[1], 'base64url').toString('utf8') : null;
}

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

function table(headings, rows) {
  const widths = headings.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [line(headings), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  const cleanups = [];
  try {
    const database = await openBenchDatabase('rebound_bench_reminders');
    cleanups.unshift(() => database.stop());
    log(`database: ${database.where}`);
    await migrateDatabase(database.url);

    const workers = [];
    const smtp = await startRecordingSmtpPeer({ senders: () => workers.map(({ name, pid }) => ({ name, pid })) });
    cleanups.unshift(() => smtp.close());
    log(`SMTP peer on 127.0.0.1:${smtp.port}`);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    cleanups.unshift(() => client.end());
    const plan = planSeed(settings.users, new Date());
    await seedDatabase(client, plan);
    const synced = await runAppHelper(database.url, 'sync', ...plan.map((row) => row.userId));
    const syncedAt = new Date(synced.at);
    log(
      `seeded ${plan.length} users with one interview each; reminders computed by resyncUserReminders at ${synced.at}`,
    );

    const { rows: due } = await client.query(
      `SELECT id, "userId", kind, "dedupeKey", "dueAt" FROM "Reminder"
       WHERE state = 'SCHEDULED' AND 'EMAIL' = ANY(channels) AND "dueAt" <= $1 ORDER BY "dueAt"`,
      [new Date(syncedAt.getTime() + DUE_WITHIN_MINUTES * MINUTE)],
    );
    const {
      rows: [{ total }],
    } = await client.query(`SELECT count(*)::int AS total FROM "Reminder"`);
    const dueByKey = new Map(due.map((row) => [row.dedupeKey, row]));
    log(
      `${total} reminders in all; ${due.length} email reminders due by ${new Date(syncedAt.getTime() + DUE_WITHIN_MINUTES * MINUTE).toISOString()}`,
    );

    const {
      SMTP_HOST: _host,
      SMTP_PORT: _port,
      SMTP_USER: _user,
      SMTP_PASSWORD: _password,
      SMTP_SECURE: _secure,
      MAIL_OUTBOX_DIR: _outbox,
      ...baseEnv
    } = process.env;
    const workerEnv = {
      ...baseEnv,
      DATABASE_URL: database.url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'Rebound <reminders@rebound.test>',
      NEXTAUTH_URL: 'http://rebound.test',
    };
    const workersStartedAt = new Date();
    for (const name of ['worker-1', 'worker-2']) workers.push(startWorker(name, workerEnv));
    cleanups.unshift(() => Promise.all(workers.map((worker) => worker.stop())));
    const readyAt = await Promise.all(
      workers.map((worker) =>
        Promise.race([worker.ready, new Promise((resolve) => setTimeout(() => resolve(null), 60_000))]),
      ),
    );
    log(
      `two workers started (pids ${workers.map((worker) => worker.pid).join(', ')}), ready after ${readyAt.map((at) => (at ? `${((at - workersStartedAt) / 1000).toFixed(1)} s` : 'no answer')).join(' and ')}`,
    );

    const lastDue = Math.max(workersStartedAt.getTime(), ...due.map((row) => row.dueAt.getTime()));
    const deadline = lastDue + settings.timeoutSeconds * 1000;
    const arrivedKeys = () => new Set(smtp.received.map((mail) => dedupeKeyOf(mail.parsed.messageId)));
    let lastReport = 0;
    while (Date.now() < deadline) {
      const arrived = arrivedKeys();
      const waiting = due.filter((row) => !arrived.has(row.dedupeKey)).length;
      if (waiting === 0) break;
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        log(`${due.length - waiting} of ${due.length} arrived, ${smtp.received.length} emails so far`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const timedOut = due.some((row) => !arrivedKeys().has(row.dedupeKey));
    await new Promise((resolve) => setTimeout(resolve, DUPLICATE_GRACE_MS));
    const stops = await Promise.all(workers.map((worker) => worker.stop()));
    const stoppedAt = new Date();

    // Counts.
    const mails = smtp.received.map((mail) => ({
      ...mail,
      messageId: mail.parsed.messageId ?? null,
      dedupeKey: dedupeKeyOf(mail.parsed.messageId),
    }));
    const countBy = (items, key) =>
      items.reduce((counts, item) => counts.set(key(item), (counts.get(key(item)) ?? 0) + 1), new Map());
    const byMessageId = countBy(mails, (mail) => mail.messageId);
    const byKey = countBy(
      mails.filter((mail) => mail.dedupeKey),
      (mail) => mail.dedupeKey,
    );
    const duplicateMessageIds = [...byMessageId.values()].reduce((sum, count) => sum + count - 1, 0);
    const duplicateReminders = [...byKey.values()].reduce((sum, count) => sum + count - 1, 0);
    const missing = due.filter((row) => !byKey.has(row.dedupeKey));
    const unexpected = mails.filter((mail) => !dueByKey.has(mail.dedupeKey));
    const wrongRecipient = mails.filter((mail) => {
      const reminder = dueByKey.get(mail.dedupeKey);
      return reminder && !mail.rcptTo.includes(plan.find((row) => row.userId === reminder.userId)?.email);
    });
    const senders = Object.fromEntries(countBy(mails, (mail) => mail.sender ?? 'not told'));
    const firstArrival = new Map();
    for (const mail of mails)
      if (mail.dedupeKey && !firstArrival.has(mail.dedupeKey)) firstArrival.set(mail.dedupeKey, mail.receivedAt);
    const firstDue = due.length ? due[0].dueAt : null;
    const lastReceived = mails.length ? new Date(Math.max(...mails.map((mail) => mail.receivedAt.getTime()))) : null;
    const lateness = due
      .filter((row) => firstArrival.has(row.dedupeKey))
      .map((row) => ({ row, ms: firstArrival.get(row.dedupeKey) - row.dueAt }));
    // Reminders that fell due while both workers were up measure the queue; the overdue ones also wait for the start.
    const dueWhileRunning = lateness.filter(
      ({ row }) => row.dueAt >= Math.max(...readyAt.filter(Boolean).map(Number), workersStartedAt.getTime()),
    );
    const { rows: states } = await client.query(
      `SELECT kind, state, count(*)::int AS n FROM "Reminder" WHERE id = ANY($1) GROUP BY kind, state ORDER BY kind, state`,
      [due.map((row) => row.id)],
    );
    const { rows: deliveries } = await client.query(
      `SELECT channel, state, attempts, count(*)::int AS n FROM "NotificationDelivery" GROUP BY channel, state, attempts ORDER BY channel, state, attempts`,
    );

    const sample = plan.find((row) => row.group === 'evening-before ahead') ?? plan[0];
    const described = await runAppHelper(database.url, 'describe', sample.interviewId);
    const sampleRows = described.reminders.map((reminder) => [
      reminder.kind,
      reminder.due.interviewZone,
      reminder.due.userZone,
      reminder.state,
      reminder.delivered
        ? reminder.delivered.userZone
        : firstArrival.has(reminder.dedupeKey)
          ? `received ${firstArrival.get(reminder.dedupeKey).toISOString()}`
          : '–',
    ]);

    const seconds = (ms) => (ms == null ? '–' : `${(ms / 1000).toFixed(1)} s`);
    const machine = describeMachine();
    console.log(
      `\nRebound reminders bench, ${new Date().toISOString()}, ${machine.cpus} cores, Node ${machine.node}; ${database.where}`,
    );
    console.log(
      `${settings.users} users × 1 interview (users in ${USER_ZONE}, interviews in ${INTERVIEW_ZONE}, in person); 2 workers; timeout ${settings.timeoutSeconds} s after the last due${timedOut ? ' (REACHED)' : ''}\n`,
    );
    console.log(
      table(
        ['figure', 'value'],
        [
          ['reminders in the database', total],
          [
            `email reminders due within ${DUE_WITHIN_MINUTES} min of seeding`,
            `${due.length} (${[...countBy(due, (row) => row.kind)].map(([kind, n]) => `${n} ${kind}`).join(', ')})`,
          ],
          ['emails received', mails.length],
          ['duplicates: same Message-ID', duplicateMessageIds],
          ['duplicates: same reminder twice', duplicateReminders],
          ['missing', missing.length],
          ['unexpected (not among the due)', unexpected.length],
          ['to the wrong recipient', wrongRecipient.length],
          [
            'sent by',
            Object.entries(senders)
              .map(([name, n]) => `${name}: ${n}`)
              .join(', ') || '–',
          ],
          [
            'time to deliver all (first due → last received)',
            seconds(firstDue && lastReceived ? lastReceived - firstDue : null),
          ],
          [
            'due → received, overdue at start (p50 / max)',
            `${seconds(
              percentile(
                lateness.filter((entry) => !dueWhileRunning.includes(entry)).map((entry) => entry.ms),
                50,
              ),
            )} / ${seconds(
              percentile(
                lateness.filter((entry) => !dueWhileRunning.includes(entry)).map((entry) => entry.ms),
                100,
              ),
            )}`,
          ],
          [
            'due → received, fell due while running (p50 / max)',
            `${seconds(
              percentile(
                dueWhileRunning.map((entry) => entry.ms),
                50,
              ),
            )} / ${seconds(
              percentile(
                dueWhileRunning.map((entry) => entry.ms),
                100,
              ),
            )}`,
          ],
          ['reminder states after', states.map((row) => `${row.kind} ${row.state} ${row.n}`).join(', ')],
          [
            'deliveries (channel state attempts: n)',
            deliveries.map((row) => `${row.channel} ${row.state} ${row.attempts}: ${row.n}`).join(', '),
          ],
          [
            'workers stopped',
            stops.map((stop, index) => `${workers[index].name} ${stop.signal ?? `exit ${stop.code}`}`).join(', '),
          ],
        ],
      ),
    );
    console.log(
      `\nOne interview: ${described.interview.company} (${sample.group}), starts ${described.interview.start.interviewZone} = ${described.interview.start.userZone}\n`,
    );
    console.log(table(['kind', 'due (interview zone)', 'due (user zone)', 'state', 'delivered'], sampleRows));
    if (missing.length > 0)
      console.log(
        `\nMissing: ${missing
          .slice(0, 10)
          .map((row) => `${row.kind} due ${row.dueAt.toISOString()}`)
          .join('; ')}${missing.length > 10 ? ' …' : ''}`,
      );

    const resultsDir = path.join(root, 'bench', 'results');
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `reminders-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const result = {
      date: new Date().toISOString(),
      machine,
      database: database.where,
      settings,
      timedOut,
      syncedAt,
      workersStartedAt,
      workersReadyAt: readyAt,
      stoppedAt,
      totalReminders: total,
      due: due.length,
      received: mails.length,
      duplicateMessageIds,
      duplicateReminders,
      missing: missing.map((row) => ({ kind: row.kind, dedupeKey: row.dedupeKey, dueAt: row.dueAt })),
      unexpected: unexpected.map((mail) => ({ messageId: mail.messageId, receivedAt: mail.receivedAt })),
      wrongRecipient: wrongRecipient.length,
      senders,
      firstDue,
      lastReceived,
      deliverAllMs: firstDue && lastReceived ? lastReceived - firstDue : null,
      latencyMs: lateness.map(({ row, ms }) => ({
        kind: row.kind,
        dueAt: row.dueAt,
        ms,
        dueWhileRunning: dueWhileRunning.some((entry) => entry.row === row),
      })),
      reminderStates: states,
      deliveries,
      sample: described,
    };
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nWritten to ${path.relative(root, file)} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  } finally {
    for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch((error) => log(`cleanup: ${error.message}`));
  }
}

main().catch((error) => {
  console.error(`\nThe bench could not run: ${error?.stack ?? error}`);
  process.exit(1);
});
