/** Every training's sessions in one calendar: /agenda/formations.ics */
import type { APIRoute } from 'astro';
import { calendrier, evenementsFormation } from '../../lib/page-tools/agenda.ts';
import { loadSite } from '../../lib/site/content.ts';
import { todayInRennes } from '../../lib/time/dates.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await loadSite();
  const today = todayInRennes();
  const stamp = site.formations
    .map((f) => f.data.verifie_le)
    .sort()
    .at(-1)!;
  const evenements = site.formations.flatMap((f) => evenementsFormation(f, site, siteUrl!, today));
  return new Response(calendrier('Formations — Fabrique rennaise des solidarités', siteUrl!, stamp, evenements), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
