// The SMTP peer of bench/reminders.mjs: a real SMTP server on 127.0.0.1 that keeps every message
// with the time it arrived and, on Linux, the process that sent it. nodemailer opens a
// connection per message (lib/mail.ts has no pool), so the client end of each connection is
// looked up in /proc/net/tcp and its socket found among the open files of the given processes.
import { readdir, readFile, readlink } from 'node:fs/promises';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const hexPort = (port) => port.toString(16).toUpperCase().padStart(4, '0');

/** The inode of the IPv4 socket whose local end is 127.0.0.1:clientPort and remote end is :serverPort. */
async function findSocketInode(clientPort, serverPort) {
  const table = await readFile('/proc/net/tcp', 'utf8').catch(() => '');
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields[1]?.endsWith(`:${hexPort(clientPort)}`) && fields[2]?.endsWith(`:${hexPort(serverPort)}`))
      return fields[9];
  }
  return null;
}

/** The pids of the process and everything below it. */
async function listDescendants(rootPid) {
  const children = new Map();
  for (const name of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
    // The parent pid is the second field after the parenthesised command name.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const found = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift();
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

async function holdsSocket(pid, inode) {
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
  for (const fd of fds)
    if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')) === `socket:[${inode}]`) return true;
  return false;
}

/**
 * Starts the peer. `senders()` returns [{ name, pid }] of the processes that may connect; each
 * message records `sender` (a name, or null when it could not be told).
 */
export async function startRecordingSmtpPeer({ senders = () => [] } = {}) {
  const received = [];
  const senderOfSession = new Map();
  let port = 0;
  const identify = async (clientPort) => {
    const inode = await findSocketInode(clientPort, port);
    if (!inode) return null;
    for (const { name, pid } of senders()) {
      for (const candidate of await listDescendants(pid)) if (await holdsSocket(candidate, inode)) return name;
    }
    return null;
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(session, callback) {
      identify(session.remotePort)
        .then((name) => senderOfSession.set(session.id, name))
        .catch(() => senderOfSession.set(session.id, null))
        .finally(() => callback());
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const receivedAt = new Date();
        simpleParser(Buffer.concat(chunks))
          .then((parsed) => {
            received.push({
              receivedAt,
              rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
              sender: senderOfSession.get(session.id) ?? null,
              parsed,
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  port = server.server.address().port;
  return { port, received, close: () => new Promise((resolve) => server.close(resolve)) };
}
