/**
 * Lighthouse 12 on one page of every template, in Debian's Chromium, on the built site served by the project's
 * server, part of `npm run bench` (alone: `npm run bench -- lighthouse`): its render-blocking audit, then the mobile
 * scores against ../shared/spec/budgets.md (median of 3 runs: performance ≥ 98, accessibility, best practices and
 * SEO 100, cumulative layout shift ≤ 0.02), with Lighthouse's default mobile emulation and simulated throttling.
 *
 * Lighthouse 12.2.3 predates Chromium's renaming of a trace field (PipelineReporter's `chrome_frame_reporter` is now
 * `frame_reporter`) and its trace engine then fails every trace audit. So each page is gathered (-G), the field is
 * given its old name too, and the saved artifacts are audited (-A): the audit itself is Lighthouse's, unchanged.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, sitemapPaths, startSite } from '../e2e/browser.ts';
import { byTemplate } from '../e2e/templates.ts';

export type RenderBlockingAudit = { template: string; path: string; passed: boolean; items: number; error?: string };
const AUDIT = 'render-blocking-resources';

type TraceEvent = { name: string; args?: Record<string, unknown> };

async function renameTraceField(dir: string) {
  const file = path.join(dir, 'defaultPass.trace.json');
  const trace = JSON.parse(await readFile(file, 'utf8')) as { traceEvents: TraceEvent[] };
  for (const e of trace.traceEvents)
    if (e.name === 'PipelineReporter' && e.args?.frame_reporter && !e.args.chrome_frame_reporter)
      e.args.chrome_frame_reporter = e.args.frame_reporter;
  await writeFile(file, JSON.stringify(trace));
}

/** One page, gathered then audited; exported so the audit can be checked against a page with a blocking stylesheet. */
export async function audit(port: number, origin: string, template: string, pagePath: string): Promise<RenderBlockingAudit> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lh-'));
  try {
    const flags = { port, onlyAudits: [AUDIT], logLevel: 'error' as const };
    await lighthouse(origin + pagePath, { ...flags, gatherMode: dir });
    await renameTraceField(dir);
    const run = await lighthouse(origin + pagePath, { ...flags, auditMode: dir });
    const result = run?.lhr.audits[AUDIT];
    const items = (result?.details as { items?: unknown[] } | undefined)?.items?.length ?? 0;
    return { template, path: pagePath, passed: result?.score === 1 && items === 0, items, error: result?.errorMessage };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A page's scores (0–100) and layout shift, from one gathered and audited run. */
export type Scores = {
  performance: number;
  accessibility: number;
  'best-practices': number;
  seo: number;
  cls: number;
  /** What the performance score is made of, in ms: the first contentful, largest contentful paints, blocking time. */
  fcp: number;
  lcp: number;
  tbt: number;
};
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export const LIGHTHOUSE_BUDGET = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100, cls: 0.02 };

async function scores(port: number, url: string): Promise<Scores> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lh-'));
  try {
    const flags = { port, onlyCategories: [...CATEGORIES], logLevel: 'error' as const };
    await lighthouse(url, { ...flags, gatherMode: dir });
    await renameTraceField(dir);
    const lhr = (await lighthouse(url, { ...flags, auditMode: dir }))!.lhr;
    const score = (c: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      seo: score('seo'),
      cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
      fcp: lhr.audits['first-contentful-paint']?.numericValue ?? Number.NaN,
      lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      tbt: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median of `runs` runs per template; returns how many budgets were missed. */
export async function lighthouseScores(runs = 3): Promise<number> {
  const templates = [...byTemplate(await sitemapPaths())].map(([template, pages]) => ({ template, path: pages[0]! }));
  const [site, chrome] = await Promise.all([
    startSite(),
    chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS }),
  ]);
  let missed = 0;
  console.log(`\nLighthouse 12.2.3, mobile, médiane de ${runs} passages par modèle de page`);
  console.log(`  ${'modèle'.padEnd(36)} perf  a11y  prat.  SEO   CLS     FCP    LCP    TBT (ms)`);
  try {
    for (const { template, path: pagePath } of templates) {
      const all: Scores[] = [];
      // A trace is sometimes lost on this shared machine (NO_NAVSTART): a failed run is tried again, up to twice.
      for (let failures = 0; all.length < runs && failures < 3;) {
        try {
          all.push(await scores(chrome.port, site.url + pagePath));
        } catch {
          failures++;
        }
      }
      if (all.length === 0) {
        console.log(`  ÉCHEC ${template.padEnd(30)} aucun passage n’a abouti (${pagePath})`);
        missed++;
        continue;
      }
      const m = Object.fromEntries(
        (Object.keys(all[0]!) as (keyof Scores)[]).map((k) => [k, median(all.map((s) => s[k]))]),
      ) as Scores;
      const low = CATEGORIES.filter((c) => m[c] < LIGHTHOUSE_BUDGET[c]);
      const shift = !(m.cls <= LIGHTHOUSE_BUDGET.cls);
      missed += low.length + (shift ? 1 : 0);
      console.log(
        `  ${low.length || shift ? 'ÉCHEC' : 'OK   '} ${template.padEnd(30)} ${CATEGORIES.map((c) => String(m[c]).padStart(4)).join('  ')}  ${m.cls.toFixed(3)} ${[m.fcp, m.lcp, m.tbt].map((v) => Math.round(v).toString().padStart(6)).join(' ')}  ${pagePath}`,
      );
    }
  } finally {
    chrome.kill();
    await site.close();
  }
  return missed;
}

export async function lighthouseRenderBlocking(): Promise<RenderBlockingAudit[]> {
  const templates = [...byTemplate(await sitemapPaths())].map(([template, pages]) => ({ template, path: pages[0]! }));
  const [site, chrome] = await Promise.all([
    startSite(),
    chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS }),
  ]);
  const results: RenderBlockingAudit[] = [];
  try {
    for (const { template, path: pagePath } of templates) {
      // A trace is sometimes lost on this shared machine (NO_NAVSTART): up to three tries.
      let result: RenderBlockingAudit | undefined;
      for (let attempt = 0; attempt < 3 && !result?.passed; attempt++)
        result = await audit(chrome.port, site.url, template, pagePath);
      results.push(result!);
    }
  } finally {
    chrome.kill();
    await site.close();
  }
  console.log('\nLighthouse 12.2.3, render-blocking-resources, one page per template');
  for (const r of results)
    console.log(
      `  ${r.passed ? 'OK  ' : 'FAIL'} ${r.template.padEnd(30)} ${String(r.items).padStart(2)} blocking   ${r.error ?? r.path}`,
    );
  return results;
}
