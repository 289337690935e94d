// The bench's table and its targets (the ratios that decide "met"; absolute figures on a shared
// machine are only rough).

const KB = 1024;
const MB = 1024 * 1024;

const format = {
  rate: (value) => (value == null ? '–' : value.toFixed(0)),
  ms: (value) => (value == null ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0)),
  ratio: (value) => (value == null ? '–' : value.toFixed(2)),
  kb: (value) => (value == null ? '–' : (value / KB).toFixed(0)),
  count: (value) => (value == null ? '–' : String(value)),
};

function table(headings, rows) {
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(headings), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The markdown table of every route, normal and heavy user side by side. */
export function formatTable(results) {
  const headings = [
    'route',
    'user',
    'req/s',
    '÷ floor',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'alone ms',
    'SQL/req',
    'JS KB gz',
    'peak RSS MB',
  ];
  const rows = results.map((row) => [
    row.route,
    row.user,
    format.rate(row.load?.requestsPerSecond),
    format.ratio(row.floorRatio),
    format.ms(row.load?.p50),
    format.ms(row.load?.p95),
    format.ms(row.load?.p99),
    format.count(row.load?.errors),
    format.ms(row.aloneMs),
    format.count(row.statements),
    format.kb(row.firstLoadJs?.bytes),
    row.peakRss == null ? '–' : (row.peakRss / MB).toFixed(0),
  ]);
  return table(headings, rows);
}

/** Each target of the performance work, measured in this run: [{ target, met, detail }]. */
export function evaluateTargets(results, { peakRss }) {
  const pages = results.filter((row) => row.kind === 'page');
  const byRoute = (user) => new Map(results.filter((row) => row.user === user).map((row) => [row.route, row]));
  const normal = byRoute('normal');
  const heavy = byRoute('heavy');
  const targets = [];
  const check = (target, failures, detail) =>
    targets.push({ target, met: failures.length === 0, detail: failures.length ? failures.join('; ') : detail });
  // A run with --only that measured no page says nothing about the page targets.
  const checkPages = (target, failures, detail) =>
    pages.length > 0
      ? check(target, failures, detail)
      : targets.push({ target, met: null, detail: 'no page in this run' });

  checkPages(
    'every dynamic page ≥ 0.5 × the floor req/s (normal user)',
    pages
      .filter((row) => row.user === 'normal' && !(row.floorRatio >= 0.5))
      .map((row) => `${row.route} ${format.ratio(row.floorRatio)}`),
    'all pages',
  );
  // Pages only: the feed and the CSV export of 10,000 interviews are a hundred times the bytes of an
  // ordinary user's, so their target is the time alone below.
  const heavyRatios = [...heavy.values()]
    .filter((row) => row.kind === 'page' && normal.has(row.route))
    .map((row) => ({
      route: row.route,
      ratio: row.load.requestsPerSecond / normal.get(row.route).load.requestsPerSecond,
    }));
  (heavyRatios.length > 0
    ? check
    : (target) => targets.push({ target, met: null, detail: 'no heavy page in this run' }))(
    'heavy user req/s ≥ 0.8 × normal user on every page',
    heavyRatios.filter(({ ratio }) => !(ratio >= 0.8)).map(({ route, ratio }) => `${route} ${format.ratio(ratio)}`),
    heavyRatios.map(({ route, ratio }) => `${route} ${format.ratio(ratio)}`).join(', '),
  );
  for (const route of ['calendar feed', 'CSV export']) {
    const row = heavy.get(route);
    if (row)
      check(
        `heavy ${route} alone < 1 s`,
        row.aloneMs != null && row.aloneMs < 1000
          ? []
          : [row.aloneMs == null ? 'no answer within 60 s' : `${format.ms(row.aloneMs)} ms`],
        `${format.ms(row.aloneMs)} ms`,
      );
  }
  check(
    'server RSS < 400 MB through the bench',
    peakRss < 400 * MB ? [] : [`peak ${(peakRss / MB).toFixed(0)} MB`],
    `peak ${(peakRss / MB).toFixed(0)} MB`,
  );
  checkPages(
    '≤ 8 SQL statements on every page',
    pages.filter((row) => !(row.statements <= 8)).map((row) => `${row.route} (${row.user}) ${row.statements}`),
    'all pages',
  );
  checkPages(
    'the same SQL statements per page for both users',
    pages
      .filter((row) => row.user === 'heavy' && normal.get(row.route)?.statements !== row.statements)
      .map((row) => `${row.route} ${normal.get(row.route)?.statements} → ${row.statements}`),
    'all pages',
  );
  checkPages(
    'first-load JS ≤ 160 KB gzip on every page',
    // The load runs' pages (the normal user's rows) and the pages measured for first-load JS only.
    results
      .filter(
        (row) =>
          ((row.kind === 'page' && row.user !== 'heavy') || row.kind === 'first-load') &&
          !(row.firstLoadJs?.bytes <= 160 * KB),
      )
      .map((row) => `${row.route} ${format.kb(row.firstLoadJs?.bytes)} KB`),
    'all pages',
  );
  return targets;
}

export function formatTargets(targets) {
  const verdict = (met) => (met === null ? 'not run' : met ? 'met    ' : 'NOT MET');
  return targets
    .map(({ target, met, detail }) => `${verdict(met)}  ${target}${detail ? `: ${detail}` : ''}`)
    .join('\n');
}
