/**
 * Node server: the page of a file's versions, /admin/historique (issue 22, item 4). Each version says when, who and
 * what changed; « Restaurer cette version » posts to /admin/historique/restaurer, which makes a draft of it to be
 * reviewed, never a change of the site at once. No script: it works under a CSP without inline code; its one
 * stylesheet is the team inbox's (functions/equipe/layout.ts), inline (/admin/ allows inline styles).
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { CSS } from '../equipe/layout.ts';
import { formatDate, formatHeure } from '../../src/lib/time/dates.ts';
import type { Version } from './historique.ts';
import { saisieDeDate } from './programmation.ts';

/** « 4 décembre 2026 à 14 h 05 », in Rennes's time. */
export function dateEtHeure(quand: Date): string {
  const local = saisieDeDate(quand);
  return `${formatDate(local.slice(0, 10))} à ${formatHeure(local.slice(11))}`;
}

const STYLE = `${CSS}.versions{padding-left:1.25rem}.versions>li{margin-bottom:1.5rem}.versions h2{font-size:1.1rem;margin:.5rem 0}`;

/** The frame of the editor's own pages: French, a skip link, a way back to the editor, one stylesheet. */
type Corps = HtmlEscapedString | Promise<HtmlEscapedString>;

export function cadreEditeur(titre: string, corps: Corps): string {
  const page = html`<!DOCTYPE html>
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="same-origin" />
        <title>${titre} — Éditeur du site</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <a class="evitement" href="#contenu">Aller au contenu</a>
        <header>
          <p class="marque">Fabrique rennaise des solidarités — Éditeur du site</p>
          <nav aria-label="Éditeur">
            <ul>
              <li><a href="/admin/">Retour à l’éditeur</a></li>
              <li><a href="/admin/programmation">Publications programmées</a></li>
            </ul>
          </nav>
        </header>
        <main id="contenu" tabindex="-1">
          <h1>${titre}</h1>
          ${corps}
        </main>
      </body>
    </html>`;
  // Nothing here is asynchronous: hono/html gives a string at once.
  if (page instanceof Promise) throw new Error('cadreEditeur : contenu asynchrone inattendu');
  return page.toString();
}

const supprimee = (v: Version) => v.changements.includes('Fiche supprimée');

function version(chemin: string, v: Version, i: number) {
  const id = `version-${i + 1}`;
  const restorable = i > 0 && !supprimee(v);
  return html`<li>
    <h2 id="${id}"><time datetime="${v.date}">${dateEtHeure(new Date(v.date))}</time>, par ${v.auteur}</h2>
    ${i === 0 && !supprimee(v) ? html`<p>C’est la version publiée aujourd’hui.</p>` : ''}
    ${
      v.changements.length
        ? html`<ul>
            ${v.changements.map((c) => html`<li>${c}</li>`)}
          </ul>`
        : html`<p>Aucun changement visible.</p>`
    }
    ${
      restorable
        ? html`<form method="post" action="/admin/historique/restaurer">
            <input type="hidden" name="chemin" value="${chemin}" />
            <input type="hidden" name="commit" value="${v.commit}" />
            <button type="submit" aria-describedby="${id}">Restaurer cette version</button>
          </form>`
        : ''
    }
  </li>`;
}

/** The page: the file's versions, newest first (as `historique()` gives them), each but the current one restorable. */
export function historiquePage(chemin: string, titre: string, versions: Version[]): string {
  return cadreEditeur(
    `Historique : ${titre}`,
    html`<p>Les versions de cette fiche, de la plus récente à la plus ancienne, avec ce qui a changé à chaque fois.</p>
      <p class="info">
        « Restaurer cette version » ne change pas le site tout de suite : cela crée un brouillon avec le contenu de cette version.
        Vous le retrouvez dans l’éditeur, et il n’est publié qu’après relecture, comme toute autre modification.
      </p>
      ${
        versions.length
          ? html`<ol class="versions">
              ${versions.map((v, i) => version(chemin, v, i))}
            </ol>`
          : html`<p>Aucune version enregistrée pour cette fiche.</p>`
      }`,
  );
}
