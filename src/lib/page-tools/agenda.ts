/**
 * Build: iCalendar feeds (RFC 5545) in Europe/Paris, with its VTIMEZONE: a training's sessions, all trainings, an
 * activity's weekly schedule, a referent's permanences. Built with ical-generator.
 *
 * Times are given as Paris wall-clock strings ("2027-02-11T09:30:00"): ical-generator reads them with the local
 * getters of a Date built from that same local string, so the feed is the same whatever the build's TZ (CI runs
 * with TZ=UTC). DTSTAMP is written in UTC by hand: with a calendar-level zone ical-generator drops its "Z".
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus, type ICalEventData } from 'ical-generator';
import type { Activite, Formation, Referent, Site } from '../site/content.ts';
import { addDays, formatCreneau, weekdayIndex } from '../time/dates.ts';
import { fermetureLe, formatRecurrence, prochainesDates } from '../time/horaires.ts';
import { etatSession, LIBELLE_ETAT } from '../time/sessions.ts';
import { JOURS } from '../../schemas/common.ts';

export const ZONE = 'Europe/Paris';
const BYDAY = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

type Evenement = Omit<ICalEventData, 'start' | 'end' | 'timezone' | 'stamp'> & {
  id: string;
  date: string;
  creneau: string;
};

/** "2027-02-11" + "09:30-12:30" → wall-clock start and end in Paris. */
const heures = (date: string, creneau: string) => {
  const [debut, fin] = creneau.split('-') as [string, string];
  return { start: `${date}T${debut}:00`, end: `${date}T${fin}:00` };
};
const basic = (iso: string, hhmm: string) => `${iso.replace(/-/g, '')}T${hhmm.replace(':', '')}00`;

/** One calendar. `stamp` (AAAA-MM-JJ, e.g. the content's check date) keeps the feed stable from build to build. */
export function calendrier(nom: string, siteUrl: URL, stamp: string, evenements: Evenement[]): string {
  const cal = ical({
    name: nom,
    prodId: { company: 'Fabrique rennaise des solidarites', product: 'Fabrique rennaise des solidarites', language: 'FR' },
    timezone: { name: ZONE, generator: getVtimezoneComponent },
    url: siteUrl.href,
  });
  for (const { id, date, creneau, ...rest } of evenements)
    cal.createEvent({ ...rest, id: `${id}@${siteUrl.hostname}`, ...heures(date, creneau), timezone: ZONE, stamp: new Date() });
  return cal.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${basic(stamp, '00:00')}Z`);
}

const adresse = (site: Site, lieuId: string) => {
  const l = site.lieu.get(lieuId)!.data;
  return `${l.nom}, ${l.adresse.rue}, ${l.adresse.code_postal} ${l.adresse.ville}`;
};

/** A training's sessions; a full or cancelled one says so in its title, a cancelled one is STATUS:CANCELLED. */
export function evenementsFormation(formation: Formation, site: Site, siteUrl: URL, today: string): Evenement[] {
  const d = formation.data;
  const url = new URL(`/formations/${formation.id}/`, siteUrl).href;
  return d.sessions.map((s) => {
    const etat = etatSession(s, d, today);
    const mention = etat === 'annulee' || etat === 'complete' ? `${LIBELLE_ETAT[etat]} : ` : '';
    return {
      id: `formation-${formation.id}-${s.id}`,
      date: s.date,
      creneau: s.creneau,
      summary: `${mention}${d.titre}`,
      description: `${LIBELLE_ETAT[etat]}. ${d.resume}${d.exemple ? ' (Exemple : formation inventée pour illustrer le site.)' : ''}\n${url}`,
      location: adresse(site, s.lieu),
      url,
      status: etat === 'annulee' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    };
  });
}

/** An activity: every week on its day, from its first to its last date. */
export function evenementsActivite(activite: Activite, site: Site, siteUrl: URL): Evenement[] {
  const { jour, creneau, du, au } = activite.data.horaires;
  const premier = addDays(du, (JOURS.indexOf(jour) - weekdayIndex(du) + 7) % 7);
  const url = new URL(`/activites/${activite.id}/`, siteUrl).href;
  return [
    {
      id: `activite-${activite.id}`,
      date: premier,
      creneau,
      summary: activite.data.titre,
      description: `Chaque ${jour}, ${formatCreneau(creneau)}. ${activite.data.resume}\n${url}`,
      location: adresse(site, activite.data.lieu),
      url,
      // UNTIL in UTC (RFC 5545 §3.3.10 with a TZID start): the last day's evening is before midnight in Paris.
      repeating: `RRULE:FREQ=WEEKLY;BYDAY=${BYDAY[JOURS.indexOf(jour)]};UNTIL=${basic(au, '22:59')}Z`,
    },
  ];
}

/** A referent's permanences, repeating as on the page; dates when the place is closed or cancelled are left out (EXDATE). */
export function evenementsReferent(referent: Referent, site: Site, siteUrl: URL, today: string): Evenement[] {
  const url = new URL(`/quartiers/${referent.data.quartier}/`, siteUrl).href;
  return referent.data.permanences.map((p, i) => {
    const lieu = site.lieu.get(p.lieu)!.data;
    const [debut] = p.creneau.split('-') as [string];
    const dates = prochainesDates({ ...p, annulations: [] }, today, 60);
    // Neither a closure of the place nor a cancelled date is in the calendar (prochainesDates leaves them out too).
    const fermees = [...dates.filter((d) => fermetureLe(d, lieu.fermetures)), ...p.annulations.map((a) => a.date)].sort();
    const byday = p.semaines.length
      ? `FREQ=MONTHLY;BYDAY=${p.semaines.map((w) => `${w}${BYDAY[JOURS.indexOf(p.jour)]}`).join(',')}`
      : `FREQ=WEEKLY;BYDAY=${BYDAY[JOURS.indexOf(p.jour)]}`;
    const exdate = fermees.length ? `\nEXDATE;TZID=${ZONE}:${fermees.map((d) => basic(d, debut)).join(',')}` : '';
    return {
      id: `permanence-${referent.id}-${i + 1}`,
      date: dates[0]!,
      creneau: p.creneau,
      summary: `Permanence des référents handicap et inclusion`,
      description: `${formatRecurrence(p)}, ${formatCreneau(p.creneau)}${p.modalites ? `, ${p.modalites}` : ''}.\n${url}`,
      location: adresse(site, p.lieu),
      url,
      repeating: `RRULE:${byday}${exdate}`,
    };
  });
}
