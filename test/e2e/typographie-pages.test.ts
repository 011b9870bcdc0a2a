/** French typography on every built page: what src/middleware.ts fixes, checked on the real output. */
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { problemesTypographiques } from '../../src/lib/page-tools/typographie.ts';

const dist = path.resolve(import.meta.dirname, '../../dist');
const pages = globSync('**/*.html', { cwd: dist }).sort();
const MOIS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';

/** The text nodes people read (not scripts, styles or attributes), entities decoded. */
function textNodes(html: string): string[] {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .split(/<[^>]*>/)
    .map((t) =>
      t
        .replace(/&nbsp;/g, '\u00a0')
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .filter((t) => t.trim());
}

describe('French typography on every page', () => {
  it.each(pages)('%s', (page) => {
    const html = readFileSync(path.join(dist, page), 'utf8');
    const problems: string[] = [];
    for (const text of textNodes(html)) {
      if (/\p{L}'\p{L}/u.test(text)) problems.push(`apostrophe droite : ${text.slice(0, 60)}`);
      if (/ [:;!?](?=\s|$)/.test(text)) problems.push(`espace sécable avant la ponctuation : ${text.slice(0, 60)}`);
      if (new RegExp(`(?<![\\d\\p{L}])1[\\s\\u00a0](${MOIS})`, 'u').test(text))
        problems.push(`« 1 » au lieu de « 1er » : ${text}`);
      if (/\d+ h \d/.test(text)) problems.push(`heure coupable : ${text.slice(0, 60)}`);
      problems.push(...problemesTypographiques(text));
    }
    // A label is never said twice: « (exemple) » then the « exemple » badge.
    if (/\(exemple\)\s*(<\/a>\s*)?<span class="badge badge--exemple"/.test(html))
      problems.push('étiquette « exemple » en double');
    expect(problems).toEqual([]);
  });
});
