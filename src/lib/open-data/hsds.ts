/**
 * Build: Open data shaped after Open Referral HSDS 3.0 (https://docs.openreferral.org): one organization (the City),
 * services (referents' permanences, trainings, activities), their locations with addresses and opening hours,
 * schedules (RFC 5545 rules) and the service_at_location links. Nothing about a person beyond what the pages show:
 * referents appear as a service of their quartier, without first name.
 */
import { createHash } from 'node:crypto';
import type { Activite, Formation, Lieu, Referent, Site } from '../site/content.ts';
import { JOURS } from '../../schemas/common.ts';
import { addDays, weekdayIndex } from '../time/dates.ts';
import { etatSession, LIBELLE_ETAT } from '../time/sessions.ts';
import { checkOpenDataStatut, serviceExiste } from '../content-checks/statut-check.ts';

const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const EXEMPLE = 'Exemple : fiche inventée pour illustrer le site. ';

/** RFC 9562 UUID version 5: SHA-1 of a namespace UUID and a name, the same name giving the same id. */
export function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The site's own namespace (drawn once at random): ids stay the same if the site changes address. */
const NAMESPACE = 'df5412ce-c3e4-4941-b76c-ca93b41a122f';

/** HSDS ids are UUIDs: version 5 from our stable keys (`service:formation:<file>`), the same at every build. */
export const uuidFor = (key: string): string => uuidV5(NAMESPACE, key);

export type Schedule = {
  id: string;
  service_id?: string;
  location_id?: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  until?: string;
  count?: number;
  freq?: 'WEEKLY' | 'MONTHLY';
  byday?: string;
  opens_at?: string;
  closes_at?: string;
  description?: string;
};
export type Address = {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  region: string;
  postal_code: string;
  country: string;
  address_type: 'physical';
};
export type Location = {
  id: string;
  location_type: 'physical';
  name: string;
  description?: string;
  transportation?: string;
  url: string;
  addresses: Address[];
  schedules: Schedule[];
};
export type ServiceAtLocation = { id: string; service_id: string; location_id: string; location: Location };
export type Organization = { id: string; name: string; description: string; website: string };
export type Service = {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url: string;
  status: 'active' | 'inactive';
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date: string;
  organization: Organization;
  schedules: Schedule[];
  service_at_locations: ServiceAtLocation[];
};

/** HSDS times are ISO 8601 with seconds (Frictionless `time`): "09:00-12:30" gives 09:00:00 and 12:30:00. */
const creneau = (c: string) => {
  const [debut, fin] = c.split('-') as [string, string];
  return { opens_at: `${debut}:00`, closes_at: `${fin}:00` };
};
const page = (siteUrl: URL, path: string) => new URL(path, siteUrl).href;

export function organization(site: Site, siteUrl: URL): Organization {
  // The programme text names no publisher: the entry marked `editeur` says who, « exemple » until an editor fills it.
  const editeur = site.organisations.find((o) => o.data.editeur);
  return {
    id: uuidFor(`organization:${editeur?.id ?? 'editeur'}`),
    name: editeur?.data.nom ?? 'Éditeur du site (à renseigner)',
    description:
      !editeur || editeur.data.exemple
        ? 'Exemple : le texte du programme ne nomme pas d’éditeur ; cette organisation est citée pour illustrer, à confirmer par un éditeur.'
        : `${editeur.data.nom} publie ces données.`,
    website: page(siteUrl, '/'),
  };
}

/** A place with its address and weekly opening hours. */
export function location(lieu: Lieu, siteUrl: URL): Location {
  const d = lieu.data;
  const id = uuidFor(`location:${lieu.id}`);
  return {
    id,
    location_type: 'physical',
    name: d.nom,
    ...(d.exemple && { description: EXEMPLE.trim() }),
    ...(d.transports.length > 0 && {
      transportation: d.transports
        .map((t) => `${t.mode === 'metro' ? 'Métro' : t.mode === 'bus' ? 'Bus' : 'Vélo STAR'} ${t.ligne}, arrêt ${t.arret}`)
        .join(' ; '),
    }),
    url: page(siteUrl, `/lieux/${lieu.id}/`),
    addresses: [
      {
        id: uuidFor(`address:${lieu.id}`),
        location_id: id,
        address_1: d.adresse.rue,
        city: d.adresse.ville,
        state_province: 'Ille-et-Vilaine',
        region: 'Bretagne',
        postal_code: d.adresse.code_postal,
        country: 'FR',
        address_type: 'physical',
      },
    ],
    schedules: d.horaires.flatMap((h, i) =>
      h.creneaux.map((c, j) => ({
        id: uuidFor(`schedule:location:${lieu.id}:${i}:${j}`),
        location_id: id,
        freq: 'WEEKLY' as const,
        byday: h.jours.map((jour) => BYDAY[JOURS.indexOf(jour)]).join(','),
        ...creneau(c),
        description: 'Horaires d’ouverture',
      })),
    ),
  };
}

function atLocation(serviceKey: string, serviceId: string, lieu: Lieu, siteUrl: URL): ServiceAtLocation {
  const loc = location(lieu, siteUrl);
  return {
    id: uuidFor(`service_at_location:${serviceKey}:${lieu.id}`),
    service_id: serviceId,
    location_id: loc.id,
    location: loc,
  };
}
const uniqueLieux = (site: Site, ids: string[]) => [...new Set(ids)].map((id) => site.lieu.get(id)!);

/** The referents of one referent entry: a service of their quartier, its permanences as monthly or weekly rules. */
export function serviceReferent(referent: Referent, site: Site, siteUrl: URL, org: Organization): Service {
  const d = referent.data;
  const quartier = site.quartier.get(d.quartier)!;
  const id = uuidFor(`service:referent:${referent.id}`);
  return {
    id,
    organization_id: org.id,
    name: `Référent handicap et inclusion, quartier ${quartier.data.nom}`,
    description: `${d.exemple ? EXEMPLE : ''}Écoute et orientation des familles et des personnes en situation de handicap : démarches MDPH, école, crèche, loisirs. Langues : ${d.langues.join(', ')}.`,
    url: page(siteUrl, `/quartiers/${quartier.id}/`),
    status: d.statut === 'en-poste' ? 'active' : 'inactive',
    fees_description: 'Gratuit',
    assured_date: d.verifie_le,
    organization: org,
    schedules: d.permanences.map((p, i) => ({
      id: uuidFor(`schedule:referent:${referent.id}:${i}`),
      service_id: id,
      location_id: uuidFor(`location:${p.lieu}`),
      ...(p.semaines.length > 0
        ? { freq: 'MONTHLY' as const, byday: p.semaines.map((w) => `${w}${BYDAY[JOURS.indexOf(p.jour)]}`).join(',') }
        : { freq: 'WEEKLY' as const, byday: BYDAY[JOURS.indexOf(p.jour)] }),
      ...creneau(p.creneau),
      description: `Permanence${p.modalites ? `, ${p.modalites}` : ''}`,
    })),
    service_at_locations: uniqueLieux(
      site,
      d.permanences.map((p) => p.lieu),
    ).map((l) => atLocation(`referent:${referent.id}`, id, l, siteUrl)),
  };
}

/** A training: each session is a one-day schedule (count 1), with its state (open, full, cancelled, past). */
export function serviceFormation(formation: Formation, site: Site, siteUrl: URL, org: Organization, today: string): Service {
  const d = formation.data;
  const id = uuidFor(`service:formation:${formation.id}`);
  return {
    id,
    organization_id: org.id,
    name: d.titre,
    description: `${d.exemple ? EXEMPLE : ''}${d.resume}`,
    url: page(siteUrl, `/formations/${formation.id}/`),
    status: d.sessions.some((s) => s.date >= today) ? 'active' : 'inactive',
    fees_description: d.gratuit ? 'Gratuit' : 'Payant',
    assured_date: d.verifie_le,
    organization: org,
    schedules: d.sessions.map((s) => ({
      id: uuidFor(`schedule:formation:${formation.id}:${s.id}`),
      service_id: id,
      location_id: uuidFor(`location:${s.lieu}`),
      valid_from: s.date,
      valid_to: s.date,
      dtstart: s.date,
      count: 1,
      freq: 'WEEKLY' as const,
      ...creneau(s.creneau),
      description: `Session : ${LIBELLE_ETAT[etatSession(s, d, today)]}`,
    })),
    service_at_locations: uniqueLieux(
      site,
      d.sessions.map((s) => s.lieu),
    ).map((l) => atLocation(`formation:${formation.id}`, id, l, siteUrl)),
  };
}

/** An activity: weekly, from its first to its last date. */
export function serviceActivite(activite: Activite, site: Site, siteUrl: URL, org: Organization, today: string): Service {
  const d = activite.data;
  const id = uuidFor(`service:activite:${activite.id}`);
  const { jour, du, au } = d.horaires;
  return {
    id,
    organization_id: org.id,
    name: d.titre,
    description: `${d.exemple ? EXEMPLE : ''}${d.resume}`,
    url: page(siteUrl, `/activites/${activite.id}/`),
    status: au >= today ? 'active' : 'inactive',
    eligibility_description: `Enfants et jeunes de ${d.ages.min} à ${d.ages.max} ans, en situation de handicap ou non.`,
    minimum_age: d.ages.min,
    maximum_age: d.ages.max,
    assured_date: d.verifie_le,
    organization: org,
    schedules: [
      {
        id: uuidFor(`schedule:activite:${activite.id}`),
        service_id: id,
        location_id: uuidFor(`location:${d.lieu}`),
        valid_from: du,
        valid_to: au,
        dtstart: addDays(du, (JOURS.indexOf(jour) - weekdayIndex(du) + 7) % 7),
        until: au,
        freq: 'WEEKLY',
        byday: BYDAY[JOURS.indexOf(jour)],
        ...creneau(d.horaires.creneau),
      },
    ],
    service_at_locations: [atLocation(`activite:${activite.id}`, id, site.lieu.get(d.lieu)!, siteUrl)],
  };
}

/** Every service of the site, in HSDS 3 "service" form (organization and locations nested). */
export function services(site: Site, siteUrl: URL, today: string): Service[] {
  const org = organization(site, siteUrl);
  // A service of a programme that is still a proposal is never « active » (src/lib/statut-check.ts).
  const statuts = Object.fromEntries(site.programmes.map((p) => [p.id, p.data.statut]));
  const of = (programme: string) => (s: Service) => ({
    ...s,
    status: serviceExiste(statuts[programme]) ? s.status : ('inactive' as const),
  });
  const all = [
    ...site.referents
      .filter((r) => r.data.permanences.length > 0)
      .map((r) => serviceReferent(r, site, siteUrl, org))
      .map(of('referents-handicap-inclusion')),
    ...site.formations.map((f) => serviceFormation(f, site, siteUrl, org, today)).map(of('formations-conjointes')),
    ...site.activites.map((a) => serviceActivite(a, site, siteUrl, org, today)).map(of('loisirs-partages')),
  ];
  const editeur = site.organisations.find((o) => o.data.editeur);
  const problems = checkOpenDataStatut(
    [
      { table: 'organizations.csv', id: org.id, description: org.description, confirme: editeur?.data.exemple === false },
      ...all.map((s) => ({
        table: 'services.csv',
        id: s.id,
        description: s.description,
        status: s.status,
        programme: programmeOf(s),
      })),
    ],
    statuts,
  );
  if (problems.length)
    throw new Error(
      `Données ouvertes à corriger :\n${problems.map((p) => `  - ${p.file}, ${p.field} : ${p.message}`).join('\n')}`,
    );
  return all;
}

const programmeOf = (s: Service) =>
  s.url.includes('/formations/')
    ? 'formations-conjointes'
    : s.url.includes('/activites/')
      ? 'loisirs-partages'
      : 'referents-handicap-inclusion';
