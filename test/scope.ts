/**
 * How much the tests cover. CI (`npm test`) runs every behaviour once, on its reference runtime: one page per
 * template, hundreds of property cases, the three stores' contracts, the back-end replays listed in
 * REPLAYED_IN_CI. `npm run test:complet` (FABRIQUE_ESSAIS_COMPLETS=oui) runs everything: every page of the
 * sitemap, thousands of property cases, every replay on the Worker + D1 and on PostgreSQL, and the files of
 * COMPLETE_ONLY. The README says which is which.
 */
export const COMPLETE = process.env.FABRIQUE_ESSAIS_COMPLETS === 'oui';

/**
 * The files only `npm run test:complet` runs, each with why: operations drills that start several servers,
 * Workers or databases, and browser journeys whose every step CI already checks elsewhere. CI must stay under
 * 6 minutes on two cores (issue 18); these add about 9 minutes.
 */
export const COMPLETE_ONLY: Record<string, string> = {
  // Operations drills (EXPLOITATION.md): each is a scenario over several processes.
  'test/functions/notify-http-api.test.ts': 'the mail API down, failing and back, over six deployments of the Worker',
  'test/functions/worker-deploy.test.ts': 'wrangler’s deployment steps, offline',
  'test/functions/forge-pipeline.test.ts': 'the forge’s pipeline run on a copy: a whole build (its shape is in CI)',
  'test/functions/durability.test.ts': 'kill -9 during posts, then every acknowledged post read back',
  'test/functions/slow-clients.test.ts': 'hundreds of slow sockets until their timeouts (bad-inputs-abuse keeps one case)',
  'test/functions/bounded-memory.test.ts': 'the heap after 10,000 distinct values (100,000 here)',
  'test/functions/monitoring.test.ts': '/_metriques read by Prometheus’s own parser over a run',
  // Browser journeys: their parts are checked in CI by the unit tests and the other browser files.
  'test/e2e/admin.test.ts': 'the visual editor: builds of a copy of the project and Decap’s 1.5 MB bundle',
  'test/e2e/editeur.test.ts':
    'the editor on the server, sign-in to rebuilt public pages: two builds (its server side is in CI, editeur-serveur)',
  'test/e2e/admin-apercu.test.ts': 'the editor’s preview, field warnings and words: astro dev on a copy of the project',
  'test/e2e/e2c-journey.test.ts': 'two residents’ whole journeys to the E2C (each form and page is in CI)',
  'test/e2e/print.test.ts': 'print layout of one page per template',
  'test/e2e/search-chunks.test.ts': 'which index chunks a search fetches (the index’s shape is in CI, index-chunks)',
  'test/e2e/label-in-name.test.ts': 'every control’s visible label in its accessible name (axe checks the sample)',
  'test/e2e/phones-and-index.test.ts': 'phone links and the A–Z index in a browser (their HTML is in CI)',
  'test/e2e/forms-production.test.ts': 'the production mode’s closed forms in a browser (the handler’s refusal is in CI)',
  'test/e2e/training-places.test.ts': 'live places in a browser (places-after-write and training-places in CI)',
  'src/components/ServiceWorker/offline-update.e2e.test.ts': 'a new build replacing the offline copy',
  'src/components/ServiceWorker/offline-save-data.e2e.test.ts': 'Save-Data and the offline copy',
  'src/components/Ecouter/ecouter.e2e.test.ts': 'the read-aloud button with the browser’s speech',
  'src/components/ProchaineDate/prochaine-date.e2e.test.ts': 'the next date recomputed in the browser days after the build',
  'src/components/Recherche/recherche-vide.e2e.test.ts': 'searches that find nothing (danger words: recherche-securite, in CI)',
};

/**
 * The back-end replays CI runs on the Worker + D1 and on PostgreSQL: what each store does its own way (saving
 * and reading back, sealing, places under concurrency, idempotency, the purge, the inbox). The others are the
 * same createApp over the same contract and run on every back-end in `npm run test:complet`.
 */
export const REPLAYED_IN_CI: Record<'d1' | 'postgres', string[]> = {
  // workerd takes seconds per Worker: the sealing and the inbox (the Worker's store itself: store-d1,
  // equipe-store-d1, and its HTTP basics: worker.test, in the unit project).
  d1: ['sealed-at-rest', 'equipe-http'],
  postgres: ['protocol', 'sealed-at-rest', 'training-places', 'bad-inputs-abuse', 'retention', 'equipe-http', 'equipe-ops'],
};
