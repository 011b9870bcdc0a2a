/**
 * The editor on the Node server (issue 22): FABRIQUE_EDITEUR_URL names its origin (in demonstration,
 * http://editeur.localhost:PORT, which browsers send to this machine), FABRIQUE_CONSTRUCTION the build folder
 * (a git clone installed with `npm ci`; in demonstration, the project itself) and FABRIQUE_EDITION_DEPOT the
 * content repository (default: data/edition of the build folder), read by reglages.ts. Requests for the editor's
 * host go to its app; /admin/ on the public site is sent there. Loaded only when the server hosts an editor.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import type { EquipeDeps } from '../equipe/deps.ts';
import { createEditeurApp } from './app.ts';
import { startDecapGit } from './decap-git.ts';
import { preparerDepot } from './depot.ts';
import type { EditeurEnv } from './entree.ts';
import { Publication } from './publication.ts';
import type { EditeurReglages } from './reglages.ts';
import { editeurRoutes, publicationsProgrammees } from './routes.ts';

export type Editeur = {
  app: Hono<EditeurEnv>;
  publication: Publication;
  close: () => Promise<void>;
};

export async function startEditeur(o: {
  reglages: EditeurReglages;
  deps: EquipeDeps;
  sitePublic: () => string;
  dist: string;
  today: () => string;
  notice?: (line: string) => void;
}): Promise<Editeur> {
  const { construction, depot } = o.reglages;
  const { branche } = await preparerDepot(construction, depot);
  const decap = await startDecapGit(construction, depot);
  let file: Promise<unknown> = Promise.resolve();
  const enFile = <T>(work: () => Promise<T>): Promise<T> => {
    const next = file.then(work, work);
    file = next.catch(() => undefined);
    return next;
  };
  const publication = new Publication({
    construction,
    depot,
    branche,
    dist: o.dist,
    now: () => o.deps.clock.now(),
    notice: o.notice,
    verifier: async (contentDir) => {
      const { checkAll } = await import('../../src/lib/content-checks/check-all.ts');
      const report = await checkAll(contentDir, { today: o.today() });
      return [...report.errors, ...report.leftOut].map(
        (p) => `${p.file}${p.field ? `, champ « ${p.field} »` : ''} : ${p.message}`,
      );
    },
  });
  const api = { deps: o.deps, decap, enFile, branche, publier: () => publication.demander() };
  const app = createEditeurApp({
    deps: o.deps,
    sitePublic: o.sitePublic,
    construction,
    depot,
    branche,
    dist: o.dist,
    api,
    publication,
    today: o.today,
    routes: editeurRoutes({
      deps: o.deps,
      api,
      depot,
      branche,
      dist: o.dist,
      contentDir: path.join(depot, 'content'),
      sitePublic: o.sitePublic,
      today: o.today,
    }),
  });
  const arreterProgrammation = publicationsProgrammees({ api, depot, branche, now: () => o.deps.clock.now(), notice: o.notice });
  o.notice?.(`Éditeur du site : contenu dans ${depot}, publié vers ${construction} (branche ${branche}).`);
  return {
    app,
    publication,
    close: async () => {
      arreterProgrammation();
      await publication.termine();
      await decap.close();
    },
  };
}
