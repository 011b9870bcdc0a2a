/**
 * Browser, in the editor /admin/: a place previewed as its page (lieux/[id].astro and LieuFiche.astro): address,
 * access, opening hours by day, closures to come and transport, in the site's words (src/lib/time/horaires.ts,
 * src/lib/site/libelles.ts).
 */
import type { Lieu } from '../../schemas/lieu.ts';
import { lignesAcces, MODES_TRANSPORT } from '../../lib/site/libelles.ts';
import { formatDate, todayInRennes } from '../../lib/time/dates.ts';
import { fermeturesAVenir, formatLigneHoraire, horairesParJour } from '../../lib/time/horaires.ts';
import { donnees, estDate, gabarit, h, type ApercuProps } from './outils.ts';

export const ApercuLieu = gabarit((props: ApercuProps) => {
  const d = donnees<Lieu>(props);
  const today = todayInRennes();
  const adresse = d.adresse ?? ({} as Partial<Lieu['adresse']>);
  const lignes = horairesParJour((d.horaires ?? []).map((x) => ({ jours: x.jours ?? [], creneaux: x.creneaux ?? [] })));
  const fermetures = fermeturesAVenir(
    (d.fermetures ?? []).filter((f) => estDate(f.du) && estDate(f.au)),
    today,
  );
  const acces: Lieu['accessibilite'] = {
    plain_pied: 'non-verifie',
    toilettes_adaptees: 'non-verifie',
    boucle_magnetique: 'non-verifie',
    lsf: 'non-verifie',
    ...d.accessibilite,
  };
  const liste = (titre: string, items: string[]) =>
    items.length > 0
      ? [
          h('h3', { key: `t${titre}` }, titre),
          h(
            'ul',
            { key: `l${titre}` },
            items.map((x, i) => h('li', { key: i }, x)),
          ),
        ]
      : null;
  return h(
    'main',
    { id: 'contenu' },
    h('h1', null, d.nom ?? ''),
    h(
      'section',
      { className: 'lieu' },
      h('h2', null, 'Adresse et accès'),
      h('p', null, `${adresse.rue ?? ''}, ${adresse.code_postal ?? ''} ${adresse.ville ?? ''}`),
      h('h3', null, 'Accès'),
      h(
        'ul',
        { className: 'acces' },
        lignesAcces(acces).map((x, i) => h('li', { key: i }, x)),
      ),
      liste('Horaires d’ouverture', lignes.map(formatLigneHoraire)),
      liste(
        'Fermetures exceptionnelles',
        fermetures.map(
          (f) => `${f.du === f.au ? `le ${formatDate(f.du)}` : `du ${formatDate(f.du)} au ${formatDate(f.au)}`} : ${f.motif}`,
        ),
      ),
      liste(
        'Venir en transports en commun',
        (d.transports ?? []).map(
          (t) => `${MODES_TRANSPORT[t.mode] ?? ''} ${(t.ligne ?? '').toUpperCase()}, arrêt ${t.arret ?? ''}`,
        ),
      ),
    ),
    h('div', { className: 'prose' }, props.widgetFor('body')),
  );
});
