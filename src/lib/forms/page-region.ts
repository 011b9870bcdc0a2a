/** Build and server (Node and Worker): Puts new content in place of the form in a built page, so error pages keep the site's own layout. */
import { REGION_END, REGION_START } from './render-form.ts';
import { escapeHtml } from './html.ts';

/** The page with its form region replaced, or undefined when the page has no form region. */
export function replaceRegion(page: string, html: string): string | undefined {
  const start = page.indexOf(REGION_START);
  const end = page.indexOf(REGION_END, start);
  if (start < 0 || end < 0) return undefined;
  return page.slice(0, start) + REGION_START + html + page.slice(end);
}

/** Prefixes the <title>, e.g. "Erreur : ", so screen-reader users hear at once that something is wrong. */
export function prefixTitle(page: string, prefix: string): string {
  return page.replace(/<title>/, `<title>${escapeHtml(prefix)}`);
}

/** Replaces the <title> text entirely. */
export function setTitle(page: string, title: string): string {
  return page.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`);
}
