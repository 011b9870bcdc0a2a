/**
 * Browser, in the editor /admin/: Decap in plain French everywhere (issue 22, item 9). Decap's French phrases
 * leave some in English (its fallback) and say « schéma » or « Modifications enregistrées » on a form nobody has
 * touched: they are completed and reworded here. The lists Decap draws with react-select keep that library's
 * English (« No options », « Select... », and what it says to screen readers): those texts are replaced as they
 * appear. A date field shows its date in words (« jeudi 26 novembre 2026 »): the browser's date control may write
 * it month first.
 */
import { formatDateLongue } from '../../lib/time/dates.ts';

type Phrases = { [key: string]: string | Phrases };
type Cms = { getLocale?: (l: string) => Phrases | undefined; registerLocale?: (l: string, p: Phrases) => void };

/** Phrases Decap's French lacks (shown in English) or words too technically. */
export const PHRASES: Phrases = {
  auth: { loginWithForgejo: 'Se connecter avec Forgejo' },
  collection: {
    collectionTop: { viewAsList: 'Afficher en liste', viewAsGrid: 'Afficher en grille' },
    entries: { unpublishedHeader: 'Fiches non publiées' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'champ' } },
    editorControlPane: {
      widget: {
        // Decap: « Le champ … ne correspond pas au schéma: … » ; the message after it is the schema's own, in French.
        regexPattern: '%{fieldLabel} : %{pattern}.',
      },
      i18n: {
        copyFromLocale: 'Remplir depuis une autre langue',
        copyFromLocaleConfirm: 'Remplir avec le texte de la langue %{locale} ? Ce qui est écrit ici sera remplacé.',
      },
    },
    editorInterface: { toggleNotes: 'Afficher ou masquer les notes' },
    editorNotesPane: {
      title: 'Notes',
      emptyState: 'Pas encore de note.',
      addNote: 'Ajouter une note',
      addPlaceholder: 'Écrire une note…',
      editPlaceholder: 'Modifier la note…',
      save: 'Enregistrer',
      cancel: 'Annuler',
      edit: 'Modifier',
      delete: 'Supprimer',
      resolve: 'Marquer comme réglée',
      unresolve: 'Rouvrir',
      confirmDelete: 'Supprimer cette note ?',
      shortcut: 'Astuce : Ctrl + Entrée ajoute la note',
    },
    editorToolbar: {
      // On a form nobody has changed, Decap said « Modifications enregistrées ».
      changesSaved: 'Aucune modification en cours',
      statusInfoTooltipDraft: 'Fiche en brouillon : pour la faire relire, choisissez « En relecture ».',
      statusInfoTooltipInReview: 'Fiche en relecture : rien à faire de plus, vous pouvez encore la modifier.',
    },
    editorWidgets: {
      markdown: {
        strikethrough: 'Barré',
        toggleMode: { rich: 'Passer en texte mis en forme', markdown: 'Passer en texte brut (markdown)' },
      },
      image: { chooseMultiple: 'Choisir des images', addMore: 'Ajouter des images', removeAll: 'Retirer toutes les images' },
      file: { chooseMultiple: 'Choisir des fichiers', addMore: 'Ajouter des fichiers', removeAll: 'Retirer tous les fichiers' },
      datetime: { setToNow: 'Mettre la date du jour' },
      object: { expand: 'Déplier', collapse: 'Replier' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Fermer' } },
  ui: {
    settingsDropdown: { account: 'Menu du compte' },
    toast: {
      entrySaved: 'Fiche enregistrée',
      noteAdded: 'Note ajoutée',
      onFailToAddNote: 'La note n’a pas été ajoutée : %{details}',
      noteUpdated: 'Note modifiée',
      onFailToUpdateNote: 'La note n’a pas été modifiée : %{details}',
      noteDeleted: 'Note supprimée',
      onFailToDeleteNote: 'La note n’a pas été supprimée : %{details}',
      noteResolved: 'Note réglée',
      noteReopened: 'Note rouverte',
      onFailToToggleNote: 'La note n’a pas changé : %{details}',
    },
  },
};

function fusion(base: Phrases, plus: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [k, v] of Object.entries(plus)) {
    const b = out[k];
    out[k] = typeof v === 'object' && typeof b === 'object' ? fusion(b, v) : v;
  }
  return out;
}

/** react-select's English, as it appears in the editor's lists, and what it says to screen readers. */
export const REMPLACEMENTS: [RegExp, string][] = [
  [/^No options$/, 'Aucun choix ne correspond'],
  [/^Loading\.\.\.$/, 'Chargement…'],
  [/^Select\.\.\.$/, 'Choisir…'],
  [/^option (.+), selected\.$/, 'choix $1, sélectionné.'],
  [/^option (.+), deselected\.$/, 'choix $1, retiré.'],
  [/^option (.+) focused, (\d+) of (\d+)\.(.*)$/, 'choix $1, $2 sur $3.'],
  [/^(\d+) results? available( for search term .*)?\.$/, '$1 choix possibles.'],
  [/^Use Up and Down.*$/, 'Flèches haut et bas pour parcourir les choix, Entrée pour choisir, Échap pour fermer.'],
  [/^Select is focused.*$/, 'Liste de choix : tapez pour chercher, flèche bas pour ouvrir.'],
];

/** A text as the editor should read it: react-select's English in French, anything else unchanged. */
export function enFrancais(text: string): string {
  for (const [motif, francais] of REMPLACEMENTS) if (motif.test(text)) return text.replace(motif, francais);
  return text;
}

function traduireNoeud(node: Node): void {
  if (node.nodeType === Node.TEXT_NODE) {
    const t = node.textContent ?? '';
    const f = enFrancais(t.trim());
    if (f !== t.trim()) node.textContent = f;
    return;
  }
  if (node instanceof HTMLInputElement && node.placeholder) node.placeholder = enFrancais(node.placeholder);
  node.childNodes.forEach(traduireNoeud);
}

/** A date field's date in words, right after its control. */
function dateEnMots(input: HTMLInputElement): void {
  const wrapper = input.parentElement;
  if (!wrapper) return;
  let note = wrapper.parentElement?.querySelector<HTMLElement>(`p[data-date-en-mots="${input.id}"]`);
  if (!note) {
    note = document.createElement('p');
    note.dataset.dateEnMots = input.id;
    note.style.cssText = 'margin: 0.25em 0 0; font-size: 0.85em; color: #374151';
    wrapper.after(note);
  }
  const text = /^\d{4}-\d{2}-\d{2}$/.test(input.value) ? `Soit le ${formatDateLongue(input.value)}.` : '';
  // Only a change: the observer below sees this note's own changes.
  if (note.textContent !== text) note.textContent = text;
}

/** Completes Decap's French phrases (before it starts) and translates what it draws in English. */
export function franciser(): void {
  const cms = (window as unknown as { CMS?: Cms }).CMS;
  const fr = cms?.getLocale?.('fr');
  if (fr) cms?.registerLocale?.('fr', fusion(fr, PHRASES));
  const dates = () => document.querySelectorAll<HTMLInputElement>('input[type="date"]').forEach(dateEnMots);
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === 'characterData') traduireNoeud(m.target);
      else m.addedNodes.forEach(traduireNoeud);
    }
    dates();
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  document.addEventListener('input', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'date') dateEnMots(e.target);
  });
}
