/**
 * Lighthouse 12's render-blocking audit ("Eliminate render-blocking resources") on one page of every template, in
 * Debian's Chromium, on the built site served by the project's server. Part of `npm run bench`.
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
