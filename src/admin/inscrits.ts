/**
 * Browser, in the editor /admin/ (issue 22, item 7): an editor who ticks « Session annulée » on a training's
 * session sees, right beside the box, how many people are signed up and that ticking it tells none of them
 * (the team tells them from the inbox). The counts come from GET /admin/api/inscrits (functions/equipe/inscrits.ts),
 * same origin; the words from inscrits-message.ts.
 *
 * Decap has no event for a field's change inside a list: its page is watched (MutationObserver). Decap gives each
 * field's control the id `<field name>-field-<n>`: the box is the switch `annulee-field-…` (a button with
 * role="switch" and aria-checked), the session's id the input `id-field-…` of the same list item. The entry is
 * named by the address (#/collections/formations/entries/<id>); a new entry has no sign-ups yet.
 */
import { lireInscrits, messageInscrits, type Inscrits } from './inscrits-message.ts';

const NOTE = 'data-inscrits';

/** The training being edited, from the editor's address; nothing for another collection or a new entry. */
export function formationEditee(hash: string): string | undefined {
  const [, collection, entries, id] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (collection !== 'formations' || entries !== 'entries' || !id) return undefined;
  return decodeURIComponent(id);
}

/** The id typed in the session of this box: the nearest enclosing block that holds a session id field. */
export function sessionDe(box: Element): string | undefined {
  for (let at = box.parentElement; at; at = at.parentElement) {
    const input = at.querySelector<HTMLInputElement>('input[id^="id-field-"]');
    if (input) return input.value.trim() || undefined;
  }
  return undefined;
}

const asked = new Map<string, Promise<Inscrits | undefined>>();

async function demander(formation: string, session: string): Promise<Inscrits | undefined> {
  try {
    const query = new URLSearchParams({ formation, session });
    const answer = await fetch(`/admin/api/inscrits?${query}`, { credentials: 'same-origin', cache: 'no-store' });
    return answer.ok ? lireInscrits(await answer.json()) : undefined;
  } catch {
    return undefined;
  }
}

/** Asked once per session and page view (the counts do not move while an editor writes). */
function inscrits(formation: string, session: string) {
  const key = `${formation}/${session}`;
  let known = asked.get(key);
  if (!known) asked.set(key, (known = demander(formation, session)));
  return known;
}

let notes = 0;

function noteOf(box: HTMLElement): HTMLElement {
  const id = box.getAttribute('aria-describedby');
  const found = id ? document.getElementById(id) : null;
  if (found?.hasAttribute(NOTE)) return found;
  const note = document.createElement('p');
  note.id = `inscrits-${++notes}`;
  note.setAttribute(NOTE, '');
  note.setAttribute('role', 'status');
  Object.assign(note.style, { margin: '8px 0 0', padding: '8px 12px', color: '#1e2532', fontSize: '14px', lineHeight: '1.4' });
  (box.parentElement ?? box).insertAdjacentElement('afterend', note);
  box.setAttribute('aria-describedby', note.id);
  return note;
}

function drop(box: HTMLElement) {
  const id = box.getAttribute('aria-describedby');
  const note = id ? document.getElementById(id) : null;
  if (note?.hasAttribute(NOTE)) note.remove();
  if (note || id?.startsWith('inscrits-')) box.removeAttribute('aria-describedby');
}

async function show(box: HTMLElement, formation: string, session: string) {
  const key = `${formation}/${session}`;
  const note = noteOf(box);
  if (note.dataset.cle === key) return;
  note.dataset.cle = key;
  const { texte, alerte, lien, lienTexte } = messageInscrits(await inscrits(formation, session));
  // Unticked or changed while the server answered: another pass has dealt with it.
  if (note.dataset.cle !== key || !note.isConnected) return;
  // The inbox's colours (functions/equipe/layout.ts): red while people are still to be told.
  note.style.borderLeft = `4px solid ${alerte ? '#a30000' : '#005a9c'}`;
  note.style.background = alerte ? '#fdecec' : '#eaf3fb';
  note.textContent = `${texte} `;
  if (lien && lienTexte) {
    const a = document.createElement('a');
    a.href = lien;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = lienTexte;
    note.append(a);
  }
}

function update() {
  const formation = formationEditee(location.hash);
  for (const box of document.querySelectorAll<HTMLElement>('[role="switch"][id^="annulee-field-"]')) {
    const session = formation && box.getAttribute('aria-checked') === 'true' ? sessionDe(box) : undefined;
    if (formation && session) void show(box, formation, session);
    else drop(box);
  }
}

/** Watches the editor's page for ticked « Session annulée » boxes; call once, after Decap's script. */
export function signalerInscrits(): void {
  let pending: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(pending);
    pending = setTimeout(update, 250);
  };
  new MutationObserver(soon).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['aria-checked'],
  });
  // Typing a session's id changes no attribute; going to another entry changes the address.
  document.addEventListener('input', soon, true);
  window.addEventListener('hashchange', soon);
  soon();
}
