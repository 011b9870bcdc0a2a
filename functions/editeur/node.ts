/**
 * The editor on the Node server (issue 22): FABRIQUE_EDITEUR_URL names its origin (in demonstration,
 * http://editeur.localhost:PORT, which browsers send to this machine), FABRIQUE_CONSTRUCTION the build folder
 * (a git clone installed with `npm ci`; in demonstration, the project itself) and FABRIQUE_EDITION_DEPOT the
 * content repository (default: data/edition of the build folder). Requests for the editor's host go to its app;
 * /admin/ on the public site is sent there.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import type { EquipeDeps } from '../equipe/deps.ts';
import { createEditeurApp } from './app.ts';
import { startDecapGit } from './decap-git.ts';
import { preparerDepot } from './depot.ts';
import type { EditeurEnv } from './entree.ts';
import { Publication } from './publication.ts';
import { editeurRoutes, publicationsProgrammees } from './routes.ts';

export type EditeurReglages = {
  /** The editor's origin; `port` gives the demonstration's default once the server listens. */
  origine: (port: number) => string;
  construction: string;
  depot: string;
};

/** From the environment: undefined when this server hosts no editor. */
export function editeurDepuis(
  env: Record<string, string | undefined>,
  projet: string,
  demonstration: boolean,
): EditeurReglages | { erreur: string } | undefined {
  const url = env.FABRIQUE_EDITEUR_URL;
  if (!url && !demonstration) return undefined;
  if (url && !/^https?:\/\/[^/]+\/?$/.test(url))
    return {
      erreur: `FABRIQUE_EDITEUR_URL = « ${url} » : attendu l’adresse de l’éditeur, par exemple https://editeur.fabrique-solidarites.rennes.fr`,
    };
  const construction = path.resolve(env.FABRIQUE_CONSTRUCTION ?? projet);
  return {
    origine: (port) => (url ? new URL(url).origin : `http://editeur.localhost:${port}`),
    construction,
    depot: path.resolve(env.FABRIQUE_EDITION_DEPOT ?? path.join(construction, 'data', 'edition')),
  };
}

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
