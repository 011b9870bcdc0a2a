/** The same data as /donnees/services.json, one CSV per HSDS table: /donnees/csv/<table>.csv */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../lib/site/content.ts';
import { todayInRennes } from '../../../lib/time/dates.ts';
import { TABLES, tables } from '../../../lib/open-data/csv.ts';
import { services } from '../../../lib/open-data/hsds.ts';

export const getStaticPaths = (() => TABLES.map((table) => ({ params: { table } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site: siteUrl }) => {
  const csv = tables(services(await loadSite(), siteUrl!, todayInRennes()))[params.table as (typeof TABLES)[number]];
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
