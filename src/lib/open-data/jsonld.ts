/**
 * Build: schema.org JSON-LD for search engines and assistants: GovernmentService for a quartier's referents, Event for
 * each training session, Place with opening hours for a place. Same facts as the page, nothing more.
 */
import type { Formation, Lieu, Quartier, Site } from '../site/content.ts';
import { JOURS } from '../../schemas/common.ts';
import { etatSession } from '../time/sessions.ts';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** The publisher (content/organisations, `editeur`), named only once an editor has confirmed it: the programme names none. */
const editeur = (site: Site) => {
  const e = site.organisations.find((o) => o.data.editeur && !o.data.exemple);
  return e ? { '@type': 'Organization', name: e.data.nom, ...(e.data.site_web && { url: e.data.site_web }) } : undefined;
};

const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });
/** "2027-02-11" + "09:30" → "2027-02-11T09:30:00+01:00" (Paris offset of that day). */
export function parisDateTime(date: string, hhmm: string): string {
  const name = offset.formatToParts(new Date(`${date}T${hhmm}:00Z`)).find((p) => p.type === 'timeZoneName')!.value;
  return `${date}T${hhmm}:00${name.replace('GMT', '') || '+00:00'}`;
}

function place(lieu: Lieu, siteUrl: URL, withHours = false) {
  const d = lieu.data;
  return {
    '@type': 'Place',
    name: d.nom,
    url: new URL(`/lieux/${lieu.id}/`, siteUrl).href,
    address: {
      '@type': 'PostalAddress',
      streetAddress: d.adresse.rue,
      postalCode: d.adresse.code_postal,
      addressLocality: d.adresse.ville,
      addressCountry: 'FR',
    },
    ...(withHours && {
      openingHoursSpecification: d.horaires.flatMap((h) =>
        h.creneaux.map((c) => {
          const [opens, closes] = c.split('-') as [string, string];
          return {
            '@type': 'OpeningHoursSpecification',
            dayOfWeek: h.jours.map((j) => `https://schema.org/${DAYS[JOURS.indexOf(j)]}`),
            opens,
            closes,
          };
        }),
      ),
    }),
  };
}

export const jsonLdLieu = (lieu: Lieu, siteUrl: URL) => ({ '@context': 'https://schema.org', ...place(lieu, siteUrl, true) });

/** One Event per session to come; a cancelled one says so. */
export function jsonLdFormation(formation: Formation, site: Site, siteUrl: URL, today: string) {
  const d = formation.data;
  return d.sessions
    .filter((s) => s.date >= today)
    .map((s) => {
      const [debut, fin] = s.creneau.split('-') as [string, string];
      return {
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: d.titre,
        description: d.resume,
        url: new URL(`/formations/${formation.id}/`, siteUrl).href,
        startDate: parisDateTime(s.date, debut),
        endDate: parisDateTime(s.date, fin),
        eventStatus: `https://schema.org/${etatSession(s, d, today) === 'annulee' ? 'EventCancelled' : 'EventScheduled'}`,
        eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
        isAccessibleForFree: d.gratuit,
        location: place(site.lieu.get(s.lieu)!, siteUrl),
        ...(editeur(site) && { organizer: editeur(site) }),
      };
    });
}

/** The quartier's referents as a City service, available at the places of their permanences. */
export function jsonLdQuartier(quartier: Quartier, site: Site, siteUrl: URL) {
  const lieux = [
    ...new Set(
      site.referents.filter((r) => r.data.quartier === quartier.id).flatMap((r) => r.data.permanences.map((p) => p.lieu)),
    ),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: `Référents handicap et inclusion, quartier ${quartier.data.nom}`,
    serviceType: 'Écoute et orientation handicap et inclusion',
    url: new URL(`/quartiers/${quartier.id}/`, siteUrl).href,
    ...(editeur(site) && { provider: editeur(site) }),
    areaServed: { '@type': 'Place', name: `${quartier.data.nom}, Rennes` },
    isAccessibleForFree: true,
    availableChannel: lieux.map((id) => ({
      '@type': 'ServiceChannel',
      serviceLocation: place(site.lieu.get(id)!, siteUrl),
    })),
  };
}
