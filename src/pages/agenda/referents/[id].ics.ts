/** One referent's permanences: /agenda/referents/<id>.ics */
import type { APIRoute, GetStaticPaths } from 'astro';
import { calendrier, evenementsReferent } from '../../../lib/page-tools/agenda.ts';
import { loadSite, type Referent } from '../../../lib/site/content.ts';
import { todayInRennes } from '../../../lib/time/dates.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  return site.referents
    .filter((r) => r.data.permanences.length > 0)
    .map((referent) => ({ params: { id: referent.id }, props: { referent } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ referent: Referent }> = async ({ props: { referent }, site: siteUrl }) => {
  const site = await loadSite();
  const quartier = site.quartier.get(referent.data.quartier)!.data.nom;
  const ics = calendrier(
    `Permanences des référents, quartier ${quartier}`,
    siteUrl!,
    referent.data.verifie_le,
    evenementsReferent(referent, site, siteUrl!, todayInRennes()),
  );
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
