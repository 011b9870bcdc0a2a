/**
 * Browser, in the editor /admin/: programmes, pages, quartiers and activities previewed as their pages: the title
 * and the text (the markdown body, as Decap renders it) in the site's `prose`, and a programme's easy-read summary
 * (programmes/[id].astro).
 */
import type { Programme } from '../../schemas/programme.ts';
import { formatDate } from '../../lib/time/dates.ts';
import { donnees, estDate, gabarit, h, type ApercuProps } from './outils.ts';

type Falc = Programme['falc'];

function falc(f: Partial<Falc> | undefined) {
  if (!f) return null;
  return h(
    'section',
    { className: 'falc', lang: 'fr', 'aria-labelledby': 'falc-titre' },
    h('h2', { id: 'falc-titre' }, 'En facile à lire'),
    f.statut === 'brouillon'
      ? h(
          'p',
          null,
          h('span', { className: 'badge badge--brouillon' }, 'Brouillon'),
          ' Ce texte n’a pas encore été relu par des personnes en situation de handicap intellectuel.',
        )
      : null,
    h(
      'ul',
      null,
      (f.texte ?? []).map((x, i) => h('li', { key: i }, x)),
    ),
    f.relecture && estDate(f.relecture.le)
      ? h(
          'p',
          { className: 'meta' },
          `Relu par ${f.relecture.par ?? ''} le `,
          h('time', { dateTime: f.relecture.le }, formatDate(f.relecture.le)),
          '.',
        )
      : null,
  );
}

/** A page whose title is `titre` (programmes, pages, activities) or `nom` (quartiers). */
export const ApercuPage = gabarit((props: ApercuProps) => {
  const d = donnees<{ titre: string; nom: string; numero: number; falc: Falc }>(props);
  const titre = d.titre ?? (d.numero !== undefined ? `Quartier ${d.numero} : ${d.nom ?? ''}` : (d.nom ?? ''));
  return h(
    'main',
    { id: 'contenu' },
    h('article', { className: 'prose' }, h('h1', null, titre), props.widgetFor('body'), falc(d.falc)),
  );
});
