/** Groups the sitemap's pages by the template (src/pages file) that renders them, for per-template checks. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TRADUITES } from '../../src/i18n/languages.ts';

// Top-level names that are their own template (aide.astro, quartiers/…); any other first segment is [page].astro.
const OWN = new Set(
  readdirSync(fileURLToPath(new URL('../../src/pages/', import.meta.url)))
    .map((f) => f.replace(/\.astro$/, ''))
    .filter((f) => !f.startsWith('[')),
);

/** "/quartiers/le-blosne/contact/" → "/quartiers/:id/contact/"; "/accessibilite/" → "/:page/"; "/en/" → "/:langue/". */
export function templateOf(pagePath: string): string {
  const segs = pagePath.split('/').filter(Boolean);
  if (segs.length === 0) return '/';
  // Every language's pages share their French page's template: "/ar/aide/" → "/:langue/aide/", and
  // "/ar/programmes/fabrique/" → "/:langue/programmes/:id/" (src/components/ProgrammeTraduit.astro).
  if (TRADUITES.some((l) => l.code === segs[0]))
    return `/:langue${templateOf(`/${segs.slice(1).join('/')}/`.replace('//', '/'))}`;
  if (segs.length === 1) return OWN.has(segs[0]!) ? pagePath : '/:page/';
  return `/${[segs[0], ':id', ...segs.slice(2)].join('/')}/`;
}

/** Template → its pages, in sitemap order. */
export function byTemplate(paths: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of paths) groups.set(templateOf(p), [...(groups.get(templateOf(p)) ?? []), p]);
  return groups;
}

/** Counts the resources the browser reports as render-blocking (Resource Timing's renderBlockingStatus). */
export const RENDER_BLOCKING_COUNT = () =>
  (performance.getEntriesByType('resource') as (PerformanceResourceTiming & { renderBlockingStatus?: string })[]).filter(
    (e) => e.renderBlockingStatus === 'blocking',
  ).length;
