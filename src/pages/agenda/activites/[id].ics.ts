/** One activity's weekly schedule: /agenda/activites/<id>.ics */
import type { APIRoute, GetStaticPaths } from 'astro';
import { calendrier, evenementsActivite } from '../../../lib/page-tools/agenda.ts';
import { loadSite, type Activite } from '../../../lib/site/content.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.activites.map((activite) => ({ params: { id: activite.id }, props: { activite } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ activite: Activite }> = async ({ props: { activite }, site: siteUrl }) => {
  const site = await loadSite();
  const ics = calendrier(
    `${activite.data.titre} — Fabrique rennaise des solidarités`,
    siteUrl!,
    activite.data.verifie_le,
    evenementsActivite(activite, site, siteUrl!),
  );
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
