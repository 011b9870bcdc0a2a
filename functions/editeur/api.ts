/**
 * POST /admin/api/v1, Decap's proxy backend (issue 22, items 3 to 5): the rights first, then decap-server's git
 * middleware (decap-git.ts) on the content repository, one request at a time (its branch switches share one
 * working tree). Writing drafts needs « rediger »; approving (« prête à publier »), publishing, deleting and any
 * direct change of the main branch need « publier »; the forms' settings need « reglages » (administrators).
 * Every commit names the signed-in person (a `Modifié-par:` line); every publication is in the inbox's journal
 * and starts a publication (publication.ts).
 */
import type { Context } from 'hono';
import type { EquipeDeps } from '../equipe/deps.ts';
import type { DecapGit } from './decap-git.ts';
import { estReglage, type Droit } from './droits.ts';
import type { EditeurEnv } from './entree.ts';

type Params = {
  branch?: string;
  collection?: string;
  slug?: string;
  newStatus?: string;
  path?: string;
  paths?: string[];
  entry?: { path?: string };
  dataFiles?: { path?: string; newPath?: string }[];
  asset?: { path?: string };
  options?: { commitMessage?: string; useWorkflow?: boolean; collectionName?: string };
};
export type DecapRequest = { action?: string; params?: Params };

const LECTURE = new Set([
  'info',
  'entriesByFolder',
  'entriesByFiles',
  'getEntry',
  'unpublishedEntries',
  'unpublishedEntry',
  'unpublishedEntryDataFile',
  'unpublishedEntryMediaFile',
  'getMedia',
  'getMediaFile',
  'getDeployPreview',
]);

/** Actions that change the main branch: the public site, once rebuilt. */
const PUBLIENT = new Set(['publishUnpublishedEntry', 'deleteFile', 'deleteFiles', 'persistMedia']);

/** The right an action needs (undefined: reading). */
export function droitRequis({ action = '', params = {} }: DecapRequest): Droit | undefined {
  if (LECTURE.has(action)) return undefined;
  if (PUBLIENT.has(action)) return 'publier';
  if (action === 'persistEntry' && !params.options?.useWorkflow) return 'publier';
  if (action === 'updateUnpublishedEntryStatus' && params.newStatus === 'pending_publish') return 'publier';
  return 'rediger';
}

/** The files a request writes, by path, and the collection it acts on. */
function touche({ params = {} }: DecapRequest): { chemins: string[]; collection?: string } {
  const chemins = [
    params.path,
    ...(params.paths ?? []),
    params.entry?.path,
    params.asset?.path,
    ...(params.dataFiles ?? []).flatMap((f) => [f.path, f.newPath]),
  ].filter((p): p is string => typeof p === 'string');
  return { chemins, collection: params.collection ?? params.options?.collectionName };
}

const REFUS: Record<Droit, string> = {
  rediger: 'Votre compte ne permet pas de modifier le site : demandez à un administrateur l’équipe « redaction ».',
  publier:
    'Seule une personne de l’équipe « relecture » (ou un administrateur) peut approuver, publier ou supprimer une fiche publiée. Passez la fiche « En relecture » : la relecture la publiera.',
  reglages: 'Les réglages des formulaires (destinataires, clés d’équipe) ne sont modifiables que par un administrateur.',
};

export type ApiOptions = {
  deps: EquipeDeps;
  decap: DecapGit;
  /** One git operation at a time, shared with the history's restore and the scheduled publications. */
  enFile: <T>(work: () => Promise<T>) => Promise<T>;
  /** The content repository's main branch: every request acts on it, whatever it names. */
  branche: string;
  /** The main branch changed: publish. */
  publier: () => void;
};

/** Sends a request as `staff`, rights checked; used by the route and by the history's restore. */
export async function envoyer(
  o: ApiOptions,
  staff: { id: string; name: string; email: string },
  droits: Set<Droit>,
  body: DecapRequest,
): Promise<{ status: number; json: unknown }> {
  const besoin = droitRequis(body);
  if (besoin && !droits.has(besoin)) return { status: 403, json: { error: REFUS[besoin] } };
  const { chemins, collection } = touche(body);
  if (besoin && (collection === 'formulaires' || chemins.some(estReglage)) && !droits.has('reglages'))
    return { status: 403, json: { error: REFUS.reglages } };
  // decap-server merges into the branch the request names: only the site's own.
  if (body.params) body.params.branch = o.branche;
  const options = body.params?.options;
  if (options && typeof options.commitMessage === 'string')
    options.commitMessage = `${options.commitMessage}\n\nModifié-par: ${staff.name} <${staff.email}>`;
  const answer = await o.enFile(() => o.decap.send(body));
  if (answer.status < 300 && besoin) {
    const action = body.action ?? '';
    const cible = collection && body.params?.slug ? `${collection}/${body.params.slug}` : chemins.join(', ');
    await o.deps.equipe.audit({
      at: o.deps.clock.now().toISOString(),
      staffId: staff.id,
      action: 'edition',
      target: cible.slice(0, 300),
      detail: action,
    });
    if (PUBLIENT.has(action) || (action === 'persistEntry' && !options?.useWorkflow)) o.publier();
  }
  return answer;
}

export const apiRoute = (o: ApiOptions) => async (c: Context<EditeurEnv>) => {
  let body: DecapRequest;
  try {
    body = await c.req.json<DecapRequest>();
  } catch {
    return c.json({ error: 'Requête illisible : attendu du JSON.' }, 400);
  }
  if (typeof body !== 'object' || body === null || typeof body.action !== 'string')
    return c.json({ error: 'Requête incomplète : l’action manque.' }, 400);
  const { status, json } = await envoyer(o, c.get('staff'), c.get('droits'), body);
  // decap-server answers its own faults in English (« Unknown error »): the editor shows French.
  if (status >= 500)
    return c.json({ error: 'L’enregistrement a échoué sur le serveur ; rien n’a été publié. Réessayez dans un instant.' }, 500);
  return c.json(json as object, status as 200);
};
