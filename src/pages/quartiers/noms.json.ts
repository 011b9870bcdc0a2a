/**
 * Build: the names the quartier finder knows (src/components/TrouverQuartier/trouver-quartier.ts), with each
 * quartier's referent in words, as one small file it fetches when its field is first used.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { loadSite } from '../../lib/site/content.ts';
import { nomsDuFinder, referentEnMots } from '../../components/TrouverQuartier/names.ts';

export const GET: APIRoute = async () => {
  const site = await loadSite();
  const noms = nomsDuFinder(site.quartiers, await getCollection('quartiers-noms'));
  const referents = Object.fromEntries(
    site.quartiers.map((q) => [q.id, referentEnMots(site.referents.filter((r) => r.data.quartier === q.id))]),
  );
  return new Response(JSON.stringify({ noms, referents }), { headers: { 'content-type': 'application/json' } });
};
