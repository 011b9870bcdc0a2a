/**
 * Browser, in the editor /admin/: a training previewed as its page (formations/[id].astro): the title, the text and
 * the sessions' table (SessionsTable.astro) with each session's state as the site computes it (src/lib/time/sessions.ts).
 */
import type { Formation } from '../../schemas/formation.ts';
import { BADGE_ETAT } from '../../lib/site/libelles.ts';
import { formatCreneau, formatDateLongue, todayInRennes } from '../../lib/time/dates.ts';
import { etatSession, LIBELLE_ETAT, PLACES } from '../../lib/time/sessions.ts';
import { gabarit, badgeExemple, donnees, estCreneau, estDate, h, type ApercuProps } from './outils.ts';

type Session = Formation['sessions'][number];

export const ApercuFormation = gabarit((props: ApercuProps, lieu) => {
  const d = donnees<Formation>(props);
  const today = todayInRennes();
  const sessions = ((d.sessions ?? []) as Partial<Session>[])
    .filter((s): s is Partial<Session> & { date: string } => estDate(s.date))
    .sort((a, b) => a.date.localeCompare(b.date));
  const lignes = sessions.map((s, i) => {
    const etat = etatSession(
      { ...s, places_restantes: s.places_restantes ?? 0 } as Session,
      { inscriptions: d.inscriptions ?? 'ouvertes' },
      today,
    );
    const nom = lieu(s.lieu ?? '')?.nom ?? s.lieu ?? '';
    return h(
      'tr',
      { key: i, 'data-jusquau': s.date },
      h('td', { 'data-label': 'Date' }, h('time', { dateTime: s.date }, formatDateLongue(s.date))),
      h('td', { 'data-label': 'Horaires' }, estCreneau(s.creneau) ? formatCreneau(s.creneau) : ''),
      h('td', { 'data-label': 'Lieu' }, h('a', { href: `/lieux/${s.lieu ?? ''}/` }, nom)),
      h(
        'td',
        { 'data-label': 'Places', 'data-etat': '' },
        h('span', { className: `badge badge--${BADGE_ETAT[etat]}` }, LIBELLE_ETAT[etat]),
        etat === 'ouverte' || etat === 'complete'
          ? [' ', h('span', { key: 'p' }, etat === 'ouverte' ? PLACES.limitees : PLACES.attente)]
          : null,
      ),
    );
  });
  return h(
    'main',
    { id: 'contenu' },
    h('h1', null, d.titre ?? '', ' ', badgeExemple(d.exemple)),
    h('div', { className: 'prose' }, props.widgetFor('body')),
    h(
      'div',
      { className: 'table-scroll' },
      h(
        'table',
        { className: 'sessions' },
        h('caption', { className: 'visually-hidden' }, `Sessions de la formation ${d.titre ?? ''}`),
        h(
          'thead',
          null,
          h('tr', null, ...['Date', 'Horaires', 'Lieu', 'Places'].map((t) => h('th', { key: t, scope: 'col' }, t))),
        ),
        h('tbody', null, lignes),
      ),
    ),
  );
});
