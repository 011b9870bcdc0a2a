/**
 * Browser, in the editor /admin/: what the previews share (issue 22, item 8). Decap gives `window.h` (React's
 * createElement) and `window.createClass`; the entry's fields come as an Immutable map. A place named by a
 * referent or a session is read from content/ as it is on disk (GET /admin/fichier, as verifier.ts does), once.
 */
import { parse } from 'yaml';
import { typographie } from '../../lib/page-tools/typographie.ts';
import type { Lieu } from '../../schemas/lieu.ts';
import { suivreAvertissements } from './notes-champs.ts';

/** A React element, as Decap's React builds it (opaque here). */
export type Noeud = unknown;
type Enfant = unknown;
type H = (type: unknown, props?: Record<string, unknown> | null, ...children: Enfant[]) => Noeud;

/** What Decap passes a preview template. */
export type ApercuProps = {
  entry: { getIn: (path: string[]) => unknown; get: (key: string) => unknown };
  widgetFor: (name: string) => Noeud;
};

type Classe = { state: Record<string, unknown>; setState: (s: Record<string, unknown>) => void; props: ApercuProps };
type CreateClass = (spec: Record<string, unknown> & ThisType<Classe>) => unknown;

const fenetre = window as unknown as { h?: H; createClass?: CreateClass };

const texte = (c: Enfant): Enfant => (typeof c === 'string' ? typographie(c) : Array.isArray(c) ? c.map(texte) : c);

/** React's createElement, from Decap; every text with the site's typography, as the build's middleware gives it. */
export const h: H = (type, props, ...children) => fenetre.h!(type, props ?? null, ...children.map(texte));

/** The entry's fields as plain values. */
export function donnees<T>(props: ApercuProps): Partial<T> {
  const data = props.entry.getIn(['data']) as { toJS?: () => unknown } | undefined;
  return data?.toJS?.() ?? {};
}

/** The fields of a place, once per page load: undefined while they load, null when there is no such place. */
const lieux = new Map<string, Lieu | null>();
const enCours = new Map<string, Promise<void>>();

function chargerLieu(id: string): Promise<void> {
  let p = enCours.get(id);
  if (!p) {
    p = fetch(`/admin/fichier?chemin=${encodeURIComponent(`content/lieux/${id}.md`)}`, { cache: 'no-store' })
      .then((r) => (r.ok ? r.text() : ''))
      .then((text) => {
        const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
        lieux.set(id, front ? (parse(front) as Lieu) : null);
      })
      .catch(() => void lieux.set(id, null));
    enCours.set(id, p);
  }
  return p;
}

/**
 * A preview template: `rendu(props, lieu)` draws it, `lieu(id)` giving the fields of a place it names (or undefined
 * until they arrive, when the template is drawn again). Drawn at each change of the entry, it also hands the entry
 * to the warnings beside the fields (notes-champs.ts).
 */
export function gabarit(rendu: (props: ApercuProps, lieu: (id: string) => Lieu | null | undefined) => Noeud): unknown {
  return fenetre.createClass!({
    getInitialState() {
      return { charges: 0 };
    },
    render(this: Classe) {
      suivreAvertissements(this.props.entry);
      const lieu = (id: string) => {
        if (!id) return null;
        if (lieux.has(id)) return lieux.get(id);
        void chargerLieu(id).then(() => this.setState({ charges: Number(this.state.charges) + 1 }));
        return undefined;
      };
      return rendu(this.props, lieu);
    },
  });
}

/** The « exemple » badge of invented content (Exemple.astro). */
export const badgeExemple = (exemple: unknown) => (exemple ? h('span', { className: 'badge badge--exemple' }, 'exemple') : null);

/** A date field as the site writes it, or nothing while the editor has not filled it in. */
export const estDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** A slot (« 14:00-17:00 ») complete enough to be formatted. */
export const estCreneau = (v: unknown): v is string => typeof v === 'string' && /^\d{2}:\d{2}-\d{2}:\d{2}$/.test(v);
