// Every page an e2e test opens is checked with axe. Import `test` and `expect` from here instead of
// @playwright/test: the auto fixture below watches every page of the test's context (and of any
// context the test makes with browser.newContext), audits each document once it has loaded, audits
// every open page once more when the test ends, and fails the test on any serious or critical
// violation.
//
// A page the test leaves while its audit is still running cannot be audited (its document is
// gone); accessibility.test.ts therefore visits every page and waits for each audit explicitly.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export * from '@playwright/test';

const FAILING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);

// label-content-name-mismatch (WCAG 2.5.3, label in name) is experimental in axe, so off unless asked.
const EXTRA_RULES = { 'label-content-name-mismatch': { enabled: true } };

export type AccessibilityViolation = { path: string; rule: string; impact: string; help: string; targets: string[] };

/**
 * Messages of errors that only mean the page moved on or closed while axe was reading it. The
 * last one: axe was injected into a document the page then left, so the next document has no
 * axe to run (the new document gets its own audit; accessibility.test.ts calls auditPage
 * directly, so an axe that cannot run at all still fails there).
 */
const GONE =
  /Execution context was destroyed|Target page, context or browser has been closed|Frame was detached|navigat|reading 'runPartial'|axe is not defined/i;

// axe refuses to start while it is already running in a page, so audits of one page take turns.
const auditsInFlight = new WeakMap<Page, Promise<unknown>>();

/** Runs axe on the page as it is now; the serious and critical violations, or null for a non-HTML document or one the page left while axe read it. */
export function auditPage(page: Page): Promise<AccessibilityViolation[] | null> {
  const audit = (auditsInFlight.get(page) ?? Promise.resolve()).catch(() => undefined).then(() => runAxe(page));
  auditsInFlight.set(page, audit);
  return audit;
}

async function runAxe(page: Page): Promise<AccessibilityViolation[] | null> {
  const contentType = await page.evaluate(() => document.contentType);
  if (contentType !== 'text/html') return null;
  const url = page.url();
  // A client-side navigation swaps the title a moment after the URL; give it that moment (bounded,
  // so a page that really has no title is still reported).
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 2_000 }).catch(() => undefined);
  const results = await new AxeBuilder({ page }).options({ rules: EXTRA_RULES }).analyze();
  // The page moved on while axe read it: the findings mix two documents, and the new one gets its
  // own audit from its navigation event.
  if (page.url() !== url) return null;
  const path = new URL(url).pathname;
  return results.violations
    .filter((violation) => FAILING_IMPACTS.has(violation.impact ?? ''))
    .map((violation) => ({
      path,
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** For a test that checks pages explicitly: fails with axe's findings, and goes on to the next page so one run lists them all. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = (await auditPage(page)) ?? [];
  expect.soft(violations, describeViolations(violations)).toEqual([]);
}

function describeViolations(violations: readonly AccessibilityViolation[]): string {
  return violations
    .map((item) => `${item.path}: ${item.rule} (${item.impact}) ${item.help}\n    ${item.targets.join('\n    ')}`)
    .join('\n');
}

class PageAudits {
  readonly violations: AccessibilityViolation[] = [];
  readonly failures: string[] = [];
  private readonly queues = new Map<Page, Promise<void>>();
  private readonly waiting = new Set<Page>();
  private readonly seen = new Set<string>();

  watchContext(context: BrowserContext): void {
    for (const page of context.pages()) this.watchPage(page);
    context.on('page', (page) => this.watchPage(page));
  }

  private watchPage(page: Page): void {
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.schedule(page);
    });
  }

  /** One audit at a time per page; navigations while one waits share the next. */
  private schedule(page: Page): void {
    if (this.waiting.has(page)) return;
    this.waiting.add(page);
    const previous = this.queues.get(page) ?? Promise.resolve();
    this.queues.set(
      page,
      previous.then(async () => {
        await page.waitForLoadState('load').catch(() => undefined);
        this.waiting.delete(page);
        await this.run(page);
      }),
    );
  }

  private async run(page: Page): Promise<void> {
    if (page.isClosed() || page.url() === 'about:blank') return;
    try {
      for (const violation of (await auditPage(page)) ?? []) this.record(violation);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!page.isClosed() && !GONE.test(message)) this.failures.push(`${page.url()}: axe failed: ${message}`);
    }
  }

  private record(violation: AccessibilityViolation): void {
    const key = `${violation.path} ${violation.rule} ${violation.targets.join(',')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.violations.push(violation);
  }

  /** Audits every open page as the test left it, and waits for every audit. */
  async finish(contexts: readonly BrowserContext[]): Promise<void> {
    await Promise.all([...this.queues.values()]);
    for (const page of contexts.flatMap((context) => context.pages())) await this.run(page);
  }

  report(): string {
    return [describeViolations(this.violations), ...this.failures].filter(Boolean).join('\n');
  }
}

/** Routes browser.newContext through `watch` for the length of one test. */
function watchNewContexts(
  browser: Browser,
  contexts: BrowserContext[],
  watch: (context: BrowserContext) => void,
): () => void {
  const { newContext } = browser;
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext.apply(browser, args);
    contexts.push(context);
    watch(context);
    return context;
  };
  return () => {
    browser.newContext = newContext;
  };
}

export const test = base.extend<{ accessibilityAudit: void }>({
  accessibilityAudit: [
    async ({ browser, context }, provide) => {
      const audits = new PageAudits();
      const contexts: BrowserContext[] = [context];
      audits.watchContext(context);
      const restore = watchNewContexts(browser, contexts, (created) => audits.watchContext(created));
      try {
        await provide();
      } finally {
        restore();
      }
      await audits.finish(contexts);
      expect(
        audits.violations.length + audits.failures.length,
        `Accessibility (axe, serious or critical):\n${audits.report()}`,
      ).toBe(0);
    },
    { auto: true },
  ],
});
