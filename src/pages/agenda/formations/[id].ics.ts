/** One training's sessions: /agenda/formations/<id>.ics */
import type { APIRoute, GetStaticPaths } from 'astro';
import { calendrier, evenementsFormation } from '../../../lib/page-tools/agenda.ts';
import { loadSite, type Formation } from '../../../lib/site/content.ts';
import { todayInRennes } from '../../../lib/time/dates.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.formations.map((formation) => ({ params: { id: formation.id }, props: { formation } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ formation: Formation }> = async ({ props: { formation }, site: siteUrl }) => {
  const site = await loadSite();
  const ics = calendrier(
    `${formation.data.titre} — Fabrique rennaise des solidarités`,
    siteUrl!,
    formation.data.verifie_le,
    evenementsFormation(formation, site, siteUrl!, todayInRennes()),
  );
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
