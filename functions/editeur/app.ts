/**
 * The editor's own origin (issue 22): Decap CMS, its configuration for the signed-in person, its git backend
 * (api.ts), the check before a save, the publication's state; nothing else is served there. It runs wherever
 * `content/` is — independent of the build: a content mistake never takes the editor away (item 2).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { stringify } from 'yaml';
import { decapConfig } from '../../src/admin/decap-config.ts';
import { ADMIN_PAGE, decapDist, verifierScript } from '../../src/admin/page.ts';
import type { EquipeDeps } from '../equipe/deps.ts';
import { adminHeaders } from '../security-headers.ts';
import { apiRoute, type ApiOptions } from './api.ts';
import { routesDeVerification } from './verification.ts';
import { entrer, exigerEditeur, memeOrigine, sortir, type EditeurEnv } from './entree.ts';
import type { Publication } from './publication.ts';

export type EditeurOptions = {
  deps: EquipeDeps;
  /** The public site's origin, where the inbox signs people in. */
  sitePublic: () => string;
  construction: string;
  depot: string;
  branche: string;
  /** The served release (its admin/verifier.js when the build tools are absent). */
  dist: string;
  api: Omit<ApiOptions, 'deps'>;
  publication: Publication;
  today: () => string;
  /** More routes (history, scheduling, sign-ups), mounted behind the same sign-in. */
  routes?: (app: Hono<EditeurEnv>) => void;
};

const js = { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' };

export function createEditeurApp(o: EditeurOptions) {
  const app = new Hono<EditeurEnv>();
  const contentDir = path.join(o.depot, 'content');
  const connexion = () => `${o.sitePublic()}/equipe/editeur`;
  app.use('*', adminHeaders([]));
  app.use('*', async (c, next) => {
    await next();
    c.header('Referrer-Policy', 'no-referrer');
    if (!c.res.headers.get('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use('*', memeOrigine);
  app.get('/', (c) => c.redirect('/admin/', 301));
  app.get('/admin', (c) => c.redirect('/admin/', 301));
  app.get('/admin/entree', (c) => entrer(c, o.deps, connexion()));
  app.use('/admin/*', exigerEditeur(o.deps, connexion));

  app.get('/admin/', (c) => c.html(ADMIN_PAGE));
  app.post('/admin/sortie', async (c) => {
    await sortir(c, o.deps);
    return c.redirect(`${o.sitePublic()}/equipe/`, 303);
  });
  app.get('/admin/config.yml', (c) =>
    c.body(
      `# Généré depuis src/schemas/ pour ${c.get('staff').name}.\n${stringify(
        decapConfig({
          serveur: { branche: o.branche },
          siteUrl: o.sitePublic(),
          reglagesFormulaires: c.get('droits').has('reglages'),
        }),
      )}`,
      200,
      { 'Content-Type': 'text/yaml; charset=utf-8' },
    ),
  );
  const decapFolder = () => decapDist(path.join(o.construction, 'package.json'));
  app.get('/admin/:script{(\\d+\\.)?decap-cms\\.js}', async (c) =>
    c.body(await readFile(path.join(decapFolder(), c.req.param('script'))), 200, {
      ...js,
      'Cache-Control': 'public, max-age=86400',
    }),
  );
  app.get('/admin/verifier.js', async (c) => {
    const built = path.join(o.dist, 'admin', 'verifier.js');
    return c.body(existsSync(built) ? await readFile(built, 'utf8') : await verifierScript(), 200, js);
  });
  app.post('/admin/api/v1', bodyLimit({ maxSize: 20 * 1024 * 1024 }), apiRoute({ ...o.api, deps: o.deps }));
  app.get('/admin/publication', (c) => c.json(o.publication.courant));

  routesDeVerification(app, contentDir);
  app.get('/admin/verification/', async (c) => {
    const [{ checkAll }, { problemsPage }] = await Promise.all([
      import('../../src/lib/content-checks/check-all.ts'),
      import('../../src/lib/content-checks/problems-page.ts'),
    ]);
    return c.html(problemsPage(await checkAll(contentDir, { today: o.today() })));
  });
  o.routes?.(app);
  app.notFound((c) => c.text('Page introuvable dans l’éditeur.', 404));
  return app;
}
