import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import Interleaved from './vitest-sequencer.ts';
import { COMPLETE, COMPLETE_ONLY, REPLAYED_IN_CI } from '../test/scope.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** V8's compiled code of the modules child processes load, kept between them (Node's module.enableCompileCache). */
const compileCache = path.join(tmpdir(), 'fabrique-node-compile-cache');
/** The tests' "today" (package.json, config.jour_des_essais): `npm test` builds the site on that day too. */
const testDay = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { config: { jour_des_essais: string } }
).config.jour_des_essais;

/**
 * The protocol, storage, bad-input, sealing, retention and outbox tests, written once on the harness
 * (test/functions/harness.ts), run again on the Worker with D1 (workerd, Miniflare) and PostgreSQL. Without a server they are skipped, loudly,
 * except in CI (CI=true), where that is an error (test/functions/postgres-server.ts).
 */
const SAME_SUITE = [
  'protocol',
  'bad-inputs-abuse',
  'bad-inputs-malformed',
  'bad-inputs-values',
  'sealed-at-rest',
  'retention',
  'confirmation',
  'notify-smtp',
  'date-parts',
  'forms-mode',
  'thanks-page',
  'team-keys',
  'next-redirect',
  'training-places',
  'places-after-write',
  'deep-nesting',
  'rate-limit-key',
  'health',
  'no-5xx.property',
  'equipe-http',
  'equipe-ops',
  'private-link',
  'server-typography',
];
/** The replays a back-end runs: all of them in `npm run test:complet`, CI's choice otherwise (test/scope.ts). */
const replays = (backend: 'd1' | 'postgres') =>
  SAME_SUITE.filter((name) => COMPLETE || REPLAYED_IN_CI[backend].includes(name)).map((name) => `test/functions/${name}.test.ts`);
/** Files only `npm run test:complet` runs (test/scope.ts says why, one by one). */
const completeOnly = COMPLETE ? [] : Object.keys(COMPLETE_ONLY);
/** Content checks in a browser (test/content/): only by `npm run check:recherche`, never in the code's tests. */
const contenu = process.env.FABRIQUE_CONTENU === 'oui';
const postgres = Boolean(process.env.FABRIQUE_TEST_PG_URL) || process.env.CI === 'true';
if (!postgres)
  console.warn(
    '\n!!! Projet unit-postgres SAUTÉ : FABRIQUE_TEST_PG_URL n’est pas défini (eval "$(bash .ci/postgres)" && export FABRIQUE_TEST_PG_URL).\n',
  );

/**
 * Starting workerd or a server takes seconds when both cores are busy. Given to each project: a project does
 * not inherit the root's test options (with the root's alone, the hooks had vitest's 10 s, and a loaded CI
 * saw D1 harnesses time out).
 */
const hookTimeout = 60_000;
/** Files share their worker's modules (isolate: false): this closes, after each file, the back-ends it opened. */
const teardown = 'test/functions/harness-teardown.ts';

// Two projects: `unit` runs in seconds on sources; `e2e` drives Chromium against the built site (dist/).
export default defineConfig({
  root,
  test: {
    // The repository's forms have example recipients and keys: in production they refuse submissions
    // (src/lib/forms/mode.ts). Tests run the demonstration mode, as `npm start` does; the production
    // mode's own tests ask for it by name.
    // The day is pinned, so that no freshness check or "next session" changes with the calendar.
    // NODE_COMPILE_CACHE: the servers, npm scripts and commands the tests start as child processes compile
    // their modules once per machine, not once per process (about 0.6 s of CPU saved per child).
    env: { FABRIQUE_DEMONSTRATION: 'oui', FABRIQUE_AUJOURDHUI: testDay, NODE_COMPILE_CACHE: compileCache },
    // Most tests wait on another process (workerd, PostgreSQL, Chromium, a socket timeout): on 2 cores,
    // 3 files at a time keep both busy (vitest's default is one fewer than the cores). The browser files run
    // beside the others, interleaved (vitest-sequencer.ts), rather than after them.
    maxWorkers: 3,
    sequence: { sequencer: Interleaved },
    projects: [
      {
        root,
        test: {
          name: 'unit',
          // A component's own tests sit in its folder (src/components/<Name>/); its browser ones are *.e2e.test.ts.
          include: ['test/unit/**/*.test.ts', 'test/functions/**/*.test.ts', 'src/components/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'src/components/**/*.e2e.test.ts', ...completeOnly],
          testTimeout: 30_000,
          hookTimeout,
          isolate: false,
          setupFiles: [teardown],
        },
      },
      // The same tests against the Worker itself (functions/worker.ts, bundled) on workerd with a local D1,
      // served by Miniflare over HTTP; tests of the Node server only (its sockets, its jobs, its SQLite file)
      // are skipped there by name (harness.ts: noNodeServer, notOnSqlite).
      {
        root,
        test: {
          name: 'unit-d1',
          include: replays('d1'),
          env: { FABRIQUE_TEST_BACKEND: 'd1' },
          testTimeout: 30_000,
          hookTimeout,
          isolate: false,
          setupFiles: [teardown],
        },
      },
      ...(postgres
        ? [
            {
              root,
              test: {
                name: 'unit-postgres',
                include: replays('postgres'),
                env: { FABRIQUE_TEST_BACKEND: 'postgres' },
                testTimeout: 30_000,
                hookTimeout,
                isolate: false,
                setupFiles: [teardown],
              },
            },
          ]
        : []),
      ...(contenu
        ? [
            {
              root,
              test: {
                name: 'contenu',
                include: ['test/content/**/*.test.ts'],
                // Today's content, on today's date: not the code tests' pinned day.
                env: { FABRIQUE_AUJOURDHUI: '' },
                testTimeout: 300_000,
                hookTimeout: 180_000,
                globalSetup: ['test/e2e/chromium.ts'],
              },
            },
          ]
        : []),
      {
        root,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts', 'src/components/**/*.e2e.test.ts'],
          exclude: [...configDefaults.exclude, ...completeOnly],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium for the run (chromium.ts), driven by the browser files running at the time.
          globalSetup: ['test/e2e/chromium.ts'],
          // Browser files share their worker's module cache (playwright, the server, the content): imported
          // once per worker, not once per file. Each file starts its own site and contexts.
          isolate: false,
        },
      },
    ],
  },
});
