/**
 * Node server: the page /admin/programmation (issue 22, item 4): the entries in progress in the editor, their state,
 * and a date to publish each on. The forms post to /admin/programmation (`branche`, `quand` as
 * `<input type="datetime-local">` sends it, read by `dateDeSaisie`, and `action`: « programmer » or « annuler »).
 * No script.
 */
import { html } from 'hono/html';
import { cadreEditeur, dateEtHeure } from './historique-page.ts';
import { saisieDeDate, type EntreeDuFlux, type Statut } from './programmation.ts';

export const STATUT_EN_FRANCAIS: Record<Statut, string> = {
  draft: 'Brouillon',
  pending_review: 'En relecture',
  pending_publish: 'Prête à publier',
};

/** An entry as the page lists it: the server may add the entry's title and its collection's name in the editor. */
export type EntreeAffichee = EntreeDuFlux & { titre?: string; collectionLibelle?: string };

export type Messages = { erreurs?: string[]; confirmations?: string[] };

function entree(e: EntreeAffichee, i: number) {
  const id = `fiche-${i + 1}`;
  const etat = e.statut ? STATUT_EN_FRANCAIS[e.statut] : 'État inconnu';
  return html`<li>
    <h2 id="${id}">${e.titre ?? e.slug} (${e.collectionLibelle ?? e.collection})</h2>
    <p>État : <strong>${etat}</strong></p>
    <p>
      ${
        e.quand
          ? html`Publication programmée le <time datetime="${e.quand.toISOString()}">${dateEtHeure(e.quand)}</time>${
                e.statut === 'pending_publish' ? '.' : html` : elle n’aura lieu que si la fiche est « Prête à publier » d’ici là.`
              }`
          : 'Pas de publication programmée.'
      }
    </p>
    <form method="post" action="/admin/programmation">
      <input type="hidden" name="branche" value="${e.branche}" />
      <label for="quand-${i + 1}">Publier le</label>
      <input
        type="datetime-local"
        id="quand-${i + 1}"
        name="quand"
        value="${e.quand ? saisieDeDate(e.quand) : ''}"
        aria-describedby="${id}"
      />
      <button type="submit" name="action" value="programmer">Programmer</button>
      ${e.quand ? html`<button type="submit" name="action" value="annuler" class="second">Annuler la programmation</button>` : ''}
    </form>
  </li>`;
}

/** The page: the messages of the last request, what the date does, then each entry in progress. */
export function programmationPage(entrees: EntreeAffichee[], messages: Messages = {}): string {
  const { erreurs = [], confirmations = [] } = messages;
  return cadreEditeur(
    'Publications programmées',
    html`${erreurs.length ? html`<div class="erreur" role="alert">${erreurs.map((m) => html`<p>${m}</p>`)}</div>` : ''}
      ${confirmations.length ? html`<div class="info" role="status">${confirmations.map((m) => html`<p>${m}</p>`)}</div>` : ''}
      <p>
        Vous pouvez choisir le jour et l’heure où une fiche en cours sera mise en ligne, par exemple une nouvelle session annoncée
        un jour donné. À cette date, le serveur la publie seul, mais seulement si elle est « Prête à publier » : une personne qui
        relit doit l’avoir approuvée avant. Une fiche encore « Brouillon » ou « En relecture » attend.
      </p>
      <p>Les heures sont celles de Rennes.</p>
      ${
        entrees.length
          ? html`<ul class="versions">
              ${entrees.map(entree)}
            </ul>`
          : html`<p>Aucune fiche en cours dans l’éditeur.</p>`
      }`,
  );
}
