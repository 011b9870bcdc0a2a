/**
 * Browser, in the editor /admin/: a referent previewed as the quartier's page shows it (ReferentFiche.astro): the
 * card, its permanences with their days, hours and place, the next date and the cancelled dates, with the site's
 * own wording (src/lib/time/, src/lib/page-tools/typographie.ts).
 */
import type { Referent } from '../../schemas/referent.ts';
import { aLieu } from '../../lib/page-tools/typographie.ts';
import { PROFILS } from '../../lib/site/libelles.ts';
import { formatCreneau, formatDate, formatDateLongue, todayInRennes } from '../../lib/time/dates.ts';
import { annulationsAVenir, formatRecurrence, prochainesDates } from '../../lib/time/horaires.ts';
import { gabarit, badgeExemple, donnees, estCreneau, estDate, h, type ApercuProps, type Noeud } from './outils.ts';
import type { Lieu } from '../../schemas/lieu.ts';

type Permanence = Referent['permanences'][number];

/** The next date, as ProchaineDate.astro writes it for one date (the browser script updates it on the site). */
function prochaine(dates: string[], today: string): Noeud {
  const d = dates.find((x) => x >= today);
  if (!d) return null;
  return h(
    'span',
    { className: 'prochaine-date' },
    `Prochaine permanence, au ${formatDate(today)} : `,
    h('time', { dateTime: d }, formatDateLongue(d)),
    '.',
  );
}

function permanence(p: Partial<Permanence>, lieu: Lieu | null | undefined, today: string, i: number): Noeud {
  const nom = lieu?.nom ?? p.lieu ?? '';
  const { preposition, article } = aLieu(nom);
  const perm = { jour: p.jour ?? 'lundi', semaines: p.semaines ?? [], annulations: p.annulations ?? [] };
  const next = p.jour ? prochainesDates(perm, today, 6, lieu?.fermetures ?? []) : [];
  return h(
    'li',
    { key: i },
    p.jour ? formatRecurrence(perm) : '(jour à choisir)',
    ', ',
    estCreneau(p.creneau) ? formatCreneau(p.creneau) : '(horaire à compléter)',
    ', ',
    preposition,
    ' ',
    h('a', { href: p.lieu ? `/lieux/${p.lieu}/` : undefined }, article, nom || '(lieu à choisir)'),
    p.modalites ? `, ${p.modalites}` : '',
    '.',
    next.length > 0 ? ' ' : '',
    next.length > 0 ? prochaine(next, today) : null,
    ...annulationsAVenir(perm, today)
      .filter((a) => estDate(a.date))
      .map((a, j) => [
        ' ',
        h(
          'strong',
          { key: `a${j}`, className: 'annulation', 'data-jusquau': a.date },
          `Pas de permanence le ${formatDateLongue(a.date)} : ${a.raison ?? ''}.`,
        ),
      ]),
  );
}

/** The referent's card (ReferentFiche.astro), in the quartier page's list of cards. */
export const ApercuReferent = gabarit((props: ApercuProps, lieu) => {
  const d = donnees<Referent>(props);
  const today = todayInRennes();
  const titre = d.statut === 'poste-ouvert' ? 'Poste de référent à pourvoir' : (d.prenom ?? '');
  const permanences = (d.permanences ?? []) as Partial<Permanence>[];
  const carte = h(
    'article',
    { className: 'card referent', 'aria-labelledby': 'ref-apercu' },
    h('h3', { id: 'ref-apercu' }, titre, ' ', badgeExemple(d.exemple)),
    d.statut === 'en-poste'
      ? [
          d.profil ? h('p', { key: 'profil' }, PROFILS[d.profil]) : null,
          h('p', { key: 'langues' }, `Langues : ${(d.langues ?? []).join(', ')}`),
        ]
      : h(
          'p',
          null,
          h('span', { className: 'badge badge--ouvert' }, 'Poste ouvert'),
          ' ',
          h('a', { href: '/formulaires/candidature-referent/' }, 'Proposer votre candidature'),
        ),
    props.widgetFor('body'),
    permanences.length > 0
      ? [
          h('p', { key: 'titre' }, h('strong', null, 'Permanences')),
          h(
            'ul',
            { key: 'liste' },
            permanences.map((p, i) => permanence(p, lieu(p.lieu ?? ''), today, i)),
          ),
        ]
      : null,
    estDate(d.verifie_le)
      ? h('p', { className: 'meta' }, 'Fiche vérifiée le ', h('time', { dateTime: d.verifie_le }, formatDate(d.verifie_le)), '.')
      : null,
  );
  return h(
    'main',
    { id: 'contenu' },
    h('section', null, h('h2', null, 'Référents handicap et inclusion'), h('ul', { className: 'grid' }, h('li', null, carte))),
  );
});
