/**
 * Browser, in the editor /admin/: the warnings the build gives without refusing (easy-read summary, freshness…)
 * shown beside their field while the entry is typed (issue 22, item 8). The previews, drawn again at each change
 * of the entry, hand it here; 600 ms after the last change it goes to POST /admin/avertissements
 * (src/lib/content-checks/avertissements.ts), and each answer becomes a note after the field's control, the
 * field found by its label as the editor shows it (« Permanences n° 1 › Horaire »).
 */

type Entree = { get: (key: string) => unknown };
type Avertissement = { champ: string; libelle: string; message: string };

const ATTENTE_MS = 600;
let minuteur: ReturnType<typeof setTimeout> | undefined;
let dernier = '';

/** A label's own text, without Decap's « (optionnel) ». */
const texteDe = (label: HTMLLabelElement) =>
  [...label.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join('')
    .trim();

/** The labels under `scope` reading `nom` (any label when `nom` is undefined), in the page's order. */
const labels = (scope: ParentNode, nom?: string) =>
  [...scope.querySelectorAll<HTMLLabelElement>('label[for]')].filter((l) => nom === undefined || texteDe(l) === nom);

/** The label of a field from its editor path (« Permanences n° 1 › Horaire », « Phrases faciles à lire n° 2 »). */
export function labelDuChamp(libelle: string, racine: ParentNode = document): HTMLLabelElement | undefined {
  let scope: ParentNode = racine;
  let label: HTMLLabelElement | undefined;
  const parts = libelle.split(' › ');
  for (let i = 0; i < parts.length; i++) {
    const m = /^(.*) n° (\d+)$/.exec(parts[i]!);
    label = labels(scope, m ? m[1] : parts[i])[0];
    if (!label) return undefined;
    if (!m) {
      scope = document.getElementById(label.htmlFor)?.parentElement ?? scope;
      continue;
    }
    // An item of a list: the n-th field named by the next part, or the n-th item's own field (a list of values).
    const liste = document.getElementById(label.htmlFor);
    if (!liste) return undefined;
    const rang = Number(m[2]) - 1;
    const suivant = parts[i + 1];
    label = labels(liste, suivant)[rang];
    if (!label) return undefined;
    if (suivant !== undefined) i++;
    scope = document.getElementById(label.htmlFor)?.parentElement ?? liste;
  }
  return label;
}

/** The notes of the last answer, replaced by the next. */
function afficher(avertissements: Avertissement[]): void {
  document.querySelectorAll('[data-avertissement]').forEach((n) => n.remove());
  avertissements.forEach((a, i) => {
    const note = document.createElement('p');
    note.dataset.avertissement = a.champ;
    note.id = `avertissement-${i}`;
    note.style.cssText =
      'margin: 0.4em 0 0.8em; padding: 0.4em 0.6em; border-left: 4px solid #b45309; background: #fffbeb; color: #1f2937; font-size: 0.9em';
    note.textContent = `À revoir, la publication reste possible : ${a.message}`;
    const label = a.libelle ? labelDuChamp(a.libelle) : undefined;
    const champ = label?.parentElement?.parentElement;
    if (label && champ) {
      champ.append(note);
      const controle = document.getElementById(label.htmlFor);
      controle?.setAttribute('aria-describedby', [controle.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
    } else {
      // A warning about the whole entry, or a field not on screen: above the first field.
      const premier = labels(document)[0]?.parentElement?.parentElement;
      premier?.before(note);
    }
  });
}

async function demander(corps: string): Promise<void> {
  try {
    const answer = await fetch('/admin/avertissements', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: corps,
    });
    if (!answer.ok || corps !== dernier) return;
    afficher(((await answer.json()) as { avertissements?: Avertissement[] }).avertissements ?? []);
  } catch {
    // No server to ask (a static copy of the editor): the build still warns.
  }
}

/** The entry as it is now: its warnings are asked for once the editor pauses. */
export function suivreAvertissements(entry: Entree): void {
  const data = (entry.get('data') as { toJS?: () => unknown } | undefined)?.toJS?.() ?? {};
  const saved = entry.get('path');
  const path = typeof saved === 'string' && saved ? saved : `content/${String(entry.get('collection'))}/nouvelle-fiche.md`;
  const corps = JSON.stringify({ path, data });
  if (corps === dernier) return;
  dernier = corps;
  clearTimeout(minuteur);
  minuteur = setTimeout(() => void demander(corps), ATTENTE_MS);
}
