/**
 * The editor's settings from the environment (functions/editeur/node.ts starts it). Kept apart, with no import of
 * the editor itself: a server installed without the editor's sources (`src/admin/`) reads them and starts.
 */
import path from 'node:path';

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
