/**
 * Browser, in the editor on the project's server (issue 22, item 3): a bar at the foot of the editor says where
 * the publication stands — « en ligne », « en ligne dans N minutes » while the site is rebuilt, or the French
 * error (the public site keeps its last good release) — and links the entry's history, the publications set for a
 * day and the way out. It reads GET /admin/publication (publication.ts), every 5 seconds while a publication
 * runs, every 30 seconds otherwise; where nothing answers (`npm run admin`, no server), there is no bar.
 */

export type Etat = { etat: 'en-ligne' | 'en-cours' | 'erreur'; depuis: string; prevu?: string; message?: string };

/** The bar's sentence for a state, `maintenant` the browser's clock. */
export function phrase(e: Etat, maintenant: Date): string {
  if (e.etat === 'erreur') return `Publication impossible : ${e.message ?? 'erreur inconnue'}`;
  if (e.etat === 'en-cours') {
    const minutes = e.prevu ? Math.ceil((new Date(e.prevu).getTime() - maintenant.getTime()) / 60_000) : undefined;
    if (minutes === undefined || minutes < 1) return 'Publication en cours : en ligne dans moins d’une minute.';
    return `Publication en cours : en ligne dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
  }
  return 'Site public à jour : les fiches publiées sont en ligne.';
}

/** The entry open in the editor (#/collections/<collection>/entries/<slug>), for its history. */
export function entreeOuverte(hash: string): { collection: string; slug: string } | undefined {
  const [, collection, entries, slug] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/');
  if (!collection || entries !== 'entries' || !slug) return undefined;
  return { collection, slug: decodeURIComponent(slug) };
}

const STYLE =
  '#fabrique-bandeau{position:fixed;inset:auto 0 0 0;z-index:400;display:flex;flex-wrap:wrap;gap:.25rem 1rem;' +
  'align-items:center;padding:.4rem 1rem;background:#fff;border-top:2px solid #1d3557;font:15px/1.4 system-ui,sans-serif;color:#111}' +
  '#fabrique-bandeau[data-etat=erreur]{background:#fdecea;border-color:#a4161a;white-space:pre-line}' +
  '#fabrique-bandeau[data-etat=en-cours]{background:#fff8e1}' +
  '#fabrique-bandeau a,#fabrique-bandeau button{color:#1d3557;text-decoration:underline;background:none;border:0;font:inherit;cursor:pointer;padding:0}' +
  '#fabrique-bandeau form{margin:0}body{padding-bottom:3rem}';

export function afficherBandeau(): void {
  const bar = document.createElement('div');
  bar.id = 'fabrique-bandeau';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'Publication du site');
  const etat = document.createElement('p');
  etat.style.margin = '0';
  etat.setAttribute('role', 'status');
  const historique = document.createElement('a');
  historique.textContent = 'Historique de cette fiche';
  const programmation = document.createElement('a');
  programmation.href = '/admin/programmation';
  programmation.textContent = 'Publications programmées';
  const sortie = document.createElement('form');
  sortie.method = 'post';
  sortie.action = '/admin/sortie';
  const bouton = document.createElement('button');
  bouton.type = 'submit';
  bouton.textContent = 'Se déconnecter';
  sortie.append(bouton);
  bar.append(etat, historique, programmation, sortie);

  const suivreLaFiche = () => {
    const e = entreeOuverte(location.hash);
    historique.hidden = !e;
    if (e) historique.href = `/admin/historique?${new URLSearchParams(e)}`;
  };
  window.addEventListener('hashchange', suivreLaFiche);

  let shown = false;
  let prochaine: ReturnType<typeof setTimeout> | undefined;
  const lire = async () => {
    clearTimeout(prochaine);
    let e: Etat | undefined;
    try {
      const answer = await fetch('/admin/publication', { cache: 'no-store' });
      if (answer.ok) e = (await answer.json()) as Etat;
    } catch {
      /* no server: no bar */
    }
    if (!e) {
      prochaine = setTimeout(() => void lire(), 30_000);
      return;
    }
    if (!shown) {
      const style = document.createElement('style');
      style.textContent = STYLE;
      document.head.append(style);
      document.body.append(bar);
      suivreLaFiche();
      shown = true;
    }
    const text = phrase(e, new Date());
    if (etat.textContent !== text) etat.textContent = text;
    bar.dataset.etat = e.etat;
    prochaine = setTimeout(() => void lire(), e.etat === 'en-cours' ? 5_000 : 30_000);
  };
  void lire();
  // After a change of the editor's (a publication starts with it), read again at once rather than at the next turn.
  const send = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const answer = await send(input, init);
    if (init?.method === 'POST' && (input instanceof Request ? input.url : input.toString()).endsWith('/admin/api/v1'))
      setTimeout(() => void lire(), 300);
    return answer;
  };
}
