/**
 * The editor's own pages and helpers beside Decap (issue 22), behind the editor's sign-in: a file's history and
 * « Restaurer cette version » (a draft, never a change of the site at once), publications set for a day, the
 * number of people signed up to a session, the site's stylesheet for the previews, and the warnings beside the
 * fields. Everything that writes goes through `envoyer` (api.ts): the same rights and journal as Decap's saves.
 */
import path from 'node:path';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { collections } from '../../src/schemas/index.ts';
import { siteStylesheet } from '../../src/admin/site-css.ts';
import { inscritsRoute } from '../equipe/inscrits.ts';
import type { EquipeDeps } from '../equipe/deps.ts';
import { envoyer, type ApiOptions } from './api.ts';
import type { EditeurEnv } from './entree.ts';
import { cadreEditeur, historiquePage } from './historique-page.ts';
import { DemandeRefusee, cheminVerifie, historique, versionDu } from './historique.ts';
import { programmationPage, type Messages } from './programmation-page.ts';
import {
  dateDeSaisie,
  deprogrammer,
  entreesDuFlux,
  programmer,
  ProgrammationRefusee,
  publierLesProgrammees,
} from './programmation.ts';
import { html } from 'hono/html';

/** Decap's collection and entry of a file of content/ (decap-config.ts names them so), if it has one. */
export function entreeDuFichier(chemin: string): { collection: string; slug: string } | undefined {
  const programme = /^content\/traductions\/([a-z]{2,3})\/programmes\/([a-z0-9-]+)\.md$/.exec(chemin);
  if (programme) return { collection: 'programmes-traduits', slug: `${programme[1]}-${programme[2]}` };
  const traduction = /^content\/traductions\/([a-z]{2,3})\/([a-z-]+)\.md$/.exec(chemin);
  if (traduction) return { collection: 'traductions', slug: `${traduction[1]}-${traduction[2]}` };
  const reglages = /^content\/formulaires\/([a-z0-9-]+)\.ya?ml$/.exec(chemin);
  if (reglages) return { collection: 'formulaires', slug: reglages[1]! };
  const fiche = /^content\/([a-z0-9-]+)\/([a-z0-9][a-z0-9-]*)\.md$/.exec(chemin);
  if (fiche && fiche[1]! in collections) return { collection: fiche[1]!, slug: fiche[2]! };
  return undefined;
}

/** The file of an entry of Decap. */
export function fichierDeLEntree(collection: string, slug: string): string | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) return undefined;
  if (collection === 'traductions') {
    const [code, ...page] = slug.split('-');
    return `content/traductions/${code}/${page.join('-')}.md`;
  }
  if (collection === 'programmes-traduits') {
    const [code, ...programme] = slug.split('-');
    return `content/traductions/${code}/programmes/${programme.join('-')}.md`;
  }
  if (collection === 'formulaires') return `content/formulaires/${slug}.yaml`;
  return collection in collections ? `content/${collection}/${slug}.md` : undefined;
}

export type RoutesOptions = {
  deps: EquipeDeps;
  api: ApiOptions;
  depot: string;
  branche: string;
  dist: string;
  contentDir: string;
  sitePublic: () => string;
  today: () => string;
};

const formulaire = async (c: { req: { parseBody: () => Promise<Record<string, unknown>> } }) => {
  const body = await c.req.parseBody();
  return (name: string) => (typeof body[name] === 'string' ? body[name] : '');
};

export function editeurRoutes(o: RoutesOptions) {
  return (app: Hono<EditeurEnv>) => {
    app.get('/admin/historique', async (c) => {
      const collection = c.req.query('collection');
      const slug = c.req.query('slug');
      const chemin = c.req.query('chemin') ?? (collection && slug ? fichierDeLEntree(collection, slug) : undefined);
      try {
        if (!chemin) throw new DemandeRefusee('Indiquez la fiche dont vous voulez l’historique.');
        const versions = await historique(o.depot, cheminVerifie(chemin), o.branche);
        return c.html(historiquePage(chemin, path.basename(chemin).replace(/\.(md|ya?ml)$/, ''), versions));
      } catch (e) {
        if (!(e instanceof DemandeRefusee)) throw e;
        return c.html(cadreEditeur('Historique', html`<p class="erreur" role="alert">${e.message}</p>`), 400);
      }
    });

    app.post('/admin/historique/restaurer', async (c) => {
      const champ = await formulaire(c);
      const [chemin, commit] = [champ('chemin'), champ('commit')];
      const refus = (message: string, status: 400 | 403 | 500 = 400) =>
        c.html(
          cadreEditeur(
            'Restaurer une version',
            html`<p class="erreur" role="alert">${message}</p>
              <p><a href="/admin/historique?chemin=${encodeURIComponent(chemin)}">Retour à l’historique</a></p>`,
          ),
          status,
        );
      let texte: string | undefined;
      try {
        texte = await versionDu(o.depot, chemin, commit);
      } catch (e) {
        if (e instanceof DemandeRefusee) return refus(e.message);
        throw e;
      }
      const entree = entreeDuFichier(chemin);
      if (texte === undefined || !entree)
        return refus('Cette version ne peut pas être restaurée : la fiche n’existait pas alors.');
      const { status, json } = await envoyer(o.api, c.get('staff'), c.get('droits'), {
        action: 'persistEntry',
        params: {
          branch: o.branche,
          entry: { slug: entree.slug, path: chemin, raw: texte },
          assets: [],
          options: {
            collectionName: entree.collection,
            commitMessage: `Restauration de ${chemin} (version ${commit.slice(0, 8)})`,
            useWorkflow: true,
            status: 'draft',
          },
        } as never,
      });
      if (status >= 300) {
        const erreur = (json as { error?: string }).error;
        return refus(
          status === 403 && erreur ? erreur : 'La restauration a échoué ; rien n’a changé. Réessayez.',
          status === 403 ? 403 : 500,
        );
      }
      return c.html(
        cadreEditeur(
          'Version restaurée en brouillon',
          html`<p class="info" role="status">
              La version de ${chemin} est maintenant un brouillon dans l’éditeur, onglet « Flux de travail ». Le site public n’a
              pas changé : il changera quand une personne de la relecture l’aura publiée.
            </p>
            <p><a href="/admin/#/workflow">Ouvrir le flux de travail</a></p>`,
        ),
      );
    });

    const pageProgrammation = async (messages?: Messages) =>
      programmationPage(
        (await entreesDuFlux(o.depot)).map((e) => ({ ...e, titre: e.slug })),
        messages,
      );
    app.get('/admin/programmation', async (c) => c.html(await pageProgrammation()));
    app.post('/admin/programmation', async (c) => {
      const champ = await formulaire(c);
      if (!c.get('droits').has('rediger'))
        return c.html(await pageProgrammation({ erreurs: ['Votre compte ne permet pas de modifier le site.'] }), 403);
      const [branche, quand, action] = [champ('branche'), champ('quand'), champ('action')];
      try {
        if (action === 'annuler') {
          await o.api.enFile(() => deprogrammer(o.depot, branche));
          return c.html(await pageProgrammation({ confirmations: ['La programmation est annulée.'] }));
        }
        const date = dateDeSaisie(quand);
        if (!date)
          return c.html(
            await pageProgrammation({ erreurs: ['Indiquez le jour et l’heure de publication, par exemple 15/01/2027 à 09:00.'] }),
            400,
          );
        if (date.getTime() <= o.deps.clock.now().getTime())
          return c.html(
            await pageProgrammation({ erreurs: ['Cette date est passée : choisissez un jour et une heure à venir.'] }),
            400,
          );
        await o.api.enFile(() => programmer(o.depot, branche, date));
        return c.html(await pageProgrammation({ confirmations: ['La publication est programmée.'] }));
      } catch (e) {
        if (!(e instanceof ProgrammationRefusee)) throw e;
        return c.html(await pageProgrammation({ erreurs: [e.message] }), 400);
      }
    });

    // Counts only (never a name): an editor who cancels a session learns how many people the team must tell.
    app.route('/admin/api/inscrits', inscritsRoute(o.deps, { origine: o.sitePublic() }));

    app.get('/admin/site.css', async (c) =>
      c.body(await siteStylesheet(o.dist), 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }),
    );
    app.post('/admin/avertissements', bodyLimit({ maxSize: 256 * 1024 }), async (c) => {
      const { answerWarnings } = await import('../../src/lib/content-checks/avertissements.ts');
      const { status, avertissements, problemes } = await answerWarnings(o.contentDir, await c.req.text(), o.today());
      return c.json({ avertissements, problemes }, status as 200 | 400);
    });
  };
}

/** Publishes, at their date, the entries a reviewer made ready; every minute, and once at start. */
export function publicationsProgrammees(o: {
  api: ApiOptions;
  depot: string;
  branche: string;
  now: () => Date;
  notice?: (line: string) => void;
}): () => void {
  const systeme = { id: 'programmation', name: 'Publication programmée', email: 'serveur@localhost' };
  const run = () =>
    publierLesProgrammees(
      o.depot,
      o.now(),
      async (collection, slug) => {
        const { status, json } = await envoyer(o.api, systeme, new Set(['rediger', 'publier', 'reglages']), {
          action: 'publishUnpublishedEntry',
          params: { branch: o.branche, collection, slug },
        });
        if (status >= 300) throw new Error(JSON.stringify(json));
      },
      (branche, e) =>
        o.notice?.(`Éditeur : la publication programmée de ${branche} a échoué (${String(e)}) ; nouvel essai dans une minute.`),
    ).catch((e: unknown) => o.notice?.(`Éditeur : publications programmées illisibles (${String(e)}).`));
  void run();
  const timer = setInterval(() => void run(), 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
