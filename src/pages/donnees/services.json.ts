/** HSDS 3 services, with their organization, locations and schedules: /donnees/services.json (see /donnees/). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/site/content.ts';
import { todayInRennes } from '../../lib/time/dates.ts';
import { services } from '../../lib/open-data/hsds.ts';

export const GET: APIRoute = async ({ site: siteUrl }) => {
  const body = JSON.stringify(services(await loadSite(), siteUrl!, todayInRennes()), null, 1);
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
