// The bench's measurements of a running app: load with autocannon, single requests, statements
// per request through the counting relay, first-load JavaScript, and the server's memory.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';

/** The p-th percentile (0–100) of sorted numbers, nearest rank. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/**
 * Runs autocannon against one request for `seconds` after `warmupSeconds` of the same load.
 * A response whose status is not the expected one counts as an error, as do timeouts and
 * refused connections. Latencies are kept per response, so p95 is exact.
 */
export async function runLoad({
  url,
  method = 'GET',
  headers = {},
  body,
  expectStatus = 200,
  connections,
  seconds,
  warmupSeconds,
  timeoutSeconds = 10,
}) {
  const options = { url, method, headers, body, connections, timeout: timeoutSeconds };
  if (warmupSeconds > 0) {
    await autocannon({ ...options, duration: warmupSeconds });
    // The server is still answering the warm-up's last requests; one more request queues
    // behind them, so the measured run starts on an idle server.
    await timeRequest({ url, method, headers, body }, 120_000);
  }
  const latencies = [];
  let unexpected = 0;
  const instance = autocannon({ ...options, duration: seconds });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === expectStatus) latencies.push(responseTime);
    else unexpected += 1;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    ok: latencies.length,
    errors: unexpected + result.errors + result.timeouts,
  };
}

/**
 * One request at a time: the status, the time it took and the body's size. A request that has
 * not answered within `timeoutMs` is a figure too (status 'timeout'), not a reason to stop.
 */
export async function timeRequest({ url, method = 'GET', headers = {}, body }, timeoutMs = 60_000) {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started, bytes: text.byteLength };
  } catch (error) {
    if (error?.name !== 'TimeoutError') throw error;
    return { status: 'timeout', ms: null, bytes: 0 };
  }
}

/**
 * Statements one request costs: the relay's count before and after `attempts` requests sent
 * one by one, the smallest of them (a session's occasional "last seen" write is not the page's).
 * Also returns the requests' median time alone.
 */
export async function measureAlone(relay, request, attempts = 3) {
  const statements = [];
  const times = [];
  let status = null;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const before = relay.count;
    const answer = await timeRequest(request);
    // The app may still be finishing work after the last byte (e.g. a deferred write).
    await new Promise((resolve) => setTimeout(resolve, 50));
    statements.push(relay.count - before);
    times.push(answer.ms);
    status = answer.status;
  }
  const answered = times.filter((ms) => ms !== null).sort((a, b) => a - b);
  return {
    statements: Math.min(...statements),
    aloneMs: answered.length === times.length ? percentile(answered, 50) : null,
    status,
  };
}

const attribute = (tag, name) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];

/**
 * The scripts a page's HTML makes a current browser load before the page works, in order, each
 * once: every `<script src>` and every script it preloads for hydration (`<link rel="preload"
 * as="script">`, `<link rel="modulepreload">`: the chunks of what the page renders through
 * next/dynamic, which hydration waits for). `nomodule` scripts (Next's polyfills for browsers
 * without modules) are left out: a browser that runs modules never downloads them.
 */
export function findFirstLoadScripts(html) {
  const sources = [];
  for (const [tag, name] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    if (/\snomodule\b/i.test(tag)) continue;
    let source;
    if (name.toLowerCase() === 'script') source = attribute(tag, 'src');
    else {
      const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
      if (
        rel.includes('modulepreload') ||
        (rel.includes('preload') && attribute(tag, 'as')?.toLowerCase() === 'script')
      )
        source = attribute(tag, 'href');
    }
    if (source) sources.push(source.replaceAll('&amp;', '&'));
  }
  return [...new Set(sources)];
}

/** First-load JavaScript of a page: the scripts of findFirstLoadScripts, gzipped, in bytes. */
export async function measureFirstLoadJs(baseUrl, pathname, headers) {
  const response = await fetch(new URL(pathname, baseUrl), { headers, redirect: 'manual' });
  const html = await response.text();
  const sources = findFirstLoadScripts(html);
  let total = 0;
  for (const source of sources) {
    const script = await fetch(new URL(source, baseUrl));
    total += gzipSync(Buffer.from(await script.arrayBuffer())).byteLength;
  }
  return { bytes: total, scripts: sources.length, htmlBytes: Buffer.byteLength(html) };
}

const CLOCK_TICKS_PER_SECOND = 100;

function readCpuTicks(pid) {
  // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until the server process has stopped working: below 5 % of a core over two 300 ms
 * windows in a row (at most `limitMs`). When a load run ends, the requests still in flight go
 * on being served; the next measurement must not pay for them. Without /proc it returns at once.
 */
export async function waitForIdle(pid, limitMs = 120_000) {
  const deadline = Date.now() + limitMs;
  let quietWindows = 0;
  try {
    let before = readCpuTicks(pid);
    while (quietWindows < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = readCpuTicks(pid);
      quietWindows = (now - before) / CLOCK_TICKS_PER_SECOND / 0.3 < 0.05 ? quietWindows + 1 : 0;
      before = now;
    }
  } catch {
    // Not Linux, or the process is gone.
  }
}

/** Samples a process's resident memory (Linux /proc) until stopped; `peak` is in bytes. */
export function watchMemory(pid, intervalMs = 200) {
  const watch = { peak: 0, current: 0, sectionPeak: 0 };
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
      watch.current = rss;
      watch.peak = Math.max(watch.peak, rss);
      watch.sectionPeak = Math.max(watch.sectionPeak, rss);
    } catch {
      // Not Linux, or the process is gone: no figure rather than a wrong one.
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  watch.stop = () => clearInterval(timer);
  /** Starts a new section; returns the previous section's peak. */
  watch.section = () => {
    sample();
    const previous = watch.sectionPeak;
    watch.sectionPeak = watch.current;
    return previous;
  };
  return watch;
}
