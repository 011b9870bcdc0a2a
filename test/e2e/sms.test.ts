/** "Envoyer par SMS" on the built pages people pass on: a plain link, ≤ 300 characters, facts and address inside. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sitemapPaths } from './browser.ts';
import { templateOf } from './templates.ts';

const paths = (await sitemapPaths()).filter((p) => ['/quartiers/:id/', '/formations/:id/', '/aide/'].includes(templateOf(p)));
const html = (p: string) => readFile(new URL(`../../dist${p}index.html`, import.meta.url), 'utf8');
const smsBodies = (page: string) =>
  [...page.matchAll(/<a href="sms:\?&amp;body=([^"]*)"[^>]*>Envoyer par SMS/g)].map((m) => decodeURIComponent(m[1]!));

describe.each(paths)('%s', (p) => {
  it('has an "Envoyer par SMS" link within 300 characters, ending with a page address of the site', async () => {
    const page = await html(p);
    const canonical = page.match(/<link rel="canonical" href="([^"]+)"/)![1]!;
    const bodies = smsBodies(page);
    expect(bodies.length).toBeGreaterThan(0);
    for (const body of bodies) {
      expect(body.length).toBeLessThanOrEqual(300);
      expect(body).toMatch(new RegExp(`\\n${new URL('/', canonical).href.replace(/[.?]/g, '\\$&')}\\S*/$`));
    }
    // A session sentence, when it fits whole, gives day, year and hour (SMS texts keep whole sentences only).
    if (templateOf(p) === '/formations/:id/' && /session/i.test(bodies[0]!))
      expect(bodies[0]).toMatch(/Prochaine session : .* 20\d\d, de \d+ h|Pas de session/);
    if (templateOf(p) === '/quartiers/:id/') expect(bodies.at(-1)!.endsWith(`\n${canonical}`)).toBe(true);
  });
});

// The list of all referents keeps each one's permanences but leaves the SMS and calendar links to the quartier's
// page it links (a first visit of the list stays within 15 KB, budgets.md).
describe('/referents/', () => {
  it('shows every permanence, and leaves the SMS link to each quartier’s page', async () => {
    const page = await html('/referents/');
    expect(smsBodies(page)).toEqual([]);
    const quartiers = [...page.matchAll(/<h2 id="q-([a-z0-9-]+)">/g)].map((m) => m[1]!);
    expect(quartiers.length).toBe(12);
    const permanences = [...page.matchAll(/<strong>Permanences<\/strong>/g)].length;
    expect(permanences).toBeGreaterThan(0);
    expect(page.match(/data-libelle="Prochaine permanence"/g)?.length).toBeGreaterThanOrEqual(permanences);
    for (const q of quartiers) {
      expect(page).toContain(`href="/quartiers/${q}/"`);
      if (page.includes(`id="ref-${q}-1"`)) expect(smsBodies(await html(`/quartiers/${q}/`)).length).toBeGreaterThan(0);
    }
  });
});
