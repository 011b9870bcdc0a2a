/**
 * The built iCalendar feeds, parsed back with a second library (ical.js) and compared with the pages: each training's
 * sessions, each referent's next permanence, each activity's weekly slot. Times are read as absolute instants and
 * shown in Paris, so a feed shifted by the build's time zone (CI runs with TZ=UTC) fails.
 */
import ICAL from 'ical.js';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { addDays, formatCreneau } from '../../src/lib/time/dates.ts';

const dist = new URL('../../dist/', import.meta.url);
const read = (p: string) => readFile(new URL(p.replace(/^\//, ''), dist), 'utf8');
/** A built page with its non-breaking spaces (French typography) read as plain ones, to compare with the feeds. */
const readPage = async (p: string) => (await read(p)).replace(/[\u00a0\u202f]/g, ' ');
// Only the feeds: the build also writes their precompressed copies (.ics.br, .ics.gz) beside them.
const feeds = async (dir: string) =>
  (await readdir(new URL(`agenda/${dir}/`, dist))).filter((f) => f.endsWith('.ics')).map((f) => `/agenda/${dir}/${f}`);
const MOIS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
const paris = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** An ICAL.Time as Paris wall time: ["2027-02-11", "09:30"]. */
const inParis = (t: ICAL.Time) => {
  const p = Object.fromEntries(paris.formatToParts(t.toJSDate()).map((x) => [x.type, x.value]));
  return [`${p.year}-${p.month}-${p.day}`, `${p.hour}:${p.minute}`] as const;
};

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const zone = cal.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}
const slot = (e: ICAL.Event, start = e.startDate) => {
  const end = start.clone();
  end.addDuration(e.duration);
  const [date, debut] = inParis(start);
  return { date, creneau: formatCreneau(`${debut}-${inParis(end)[1]}`) };
};

const all = [
  '/agenda/formations.ics',
  ...(await feeds('formations')),
  ...(await feeds('activites')),
  ...(await feeds('referents')),
];

describe.each(all)('%s', (feed) => {
  it('is RFC 5545 in Europe/Paris with its VTIMEZONE, UTC stamps and unique ids', async () => {
    const ics = await read(feed);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    const { cal, events } = parse(ics);
    expect(cal.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.startDate.zone?.tzid).toBe('Europe/Paris');
      expect(e.component.getFirstProperty('dtstamp')?.getFirstValue()?.toString()).toMatch(/Z$/);
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});

describe('feeds against the pages', () => {
  it('gives each training its sessions, at the dates and times of the page', async () => {
    const trainings = await feeds('formations');
    let total = 0;
    for (const feed of trainings) {
      const page = await readPage(feed.replace('/agenda', '').replace('.ics', '/index.html'));
      const rows = [
        ...page.matchAll(/<tr[^>]*><td[^>]*><time datetime="([\d-]+)">[^<]*<\/time><\/td><td[^>]*>([^<]+)<\/td>/g),
      ].map((m) => ({
        date: m[1],
        creneau: m[2],
      }));
      const { events } = parse(await read(feed));
      expect(events.map((e) => slot(e)).sort((a, b) => a.date.localeCompare(b.date))).toEqual(rows);
      total += rows.length;
    }
    expect(parse(await read('/agenda/formations.ics')).events).toHaveLength(total);
  });

  it('gives each referent the next permanence the quartier page shows', async () => {
    for (const feed of await feeds('referents')) {
      const id = feed.split('/').at(-1)!.replace('.ics', '');
      const { events } = parse(await read(feed));
      const quartier = events[0]!.component.getFirstPropertyValue('url')!.toString();
      const page = await readPage(`${new URL(quartier).pathname}index.html`);
      const card = page.slice(page.indexOf(`id="ref-${id}"`));
      const shown = [
        ...card.slice(0, card.indexOf('</article>')).matchAll(/Prochaine permanence[^<]*: <time datetime="([\d-]+)">/g),
      ].map((m) => m[1]);
      const next = events.map((e) => inParis(e.iterator().next())[0]);
      expect(next, id).toEqual(shown);
    }
  });

  it('gives each activity its weekly slot, within its dates', async () => {
    for (const feed of await feeds('activites')) {
      const page = await readPage(feed.replace('/agenda', '').replace('.ics', '/index.html'));
      const [, jour, creneau, jourFin, moisFin, anFin] = page.match(
        /Chaque ([a-z]+), (de [^,]+), du .+? au (\d+) (\S+) (\d{4})/,
      )!;
      const au = `${anFin}-${String(MOIS.indexOf(moisFin!) + 1).padStart(2, '0')}-${jourFin!.padStart(2, '0')}`;
      const [e] = parse(await read(feed)).events;
      const it = e!.iterator();
      const first = it.next();
      const weekday = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'Europe/Paris' }).format(first.toJSDate());
      expect(weekday).toBe(jour);
      expect(slot(e!, first).creneau).toBe(creneau);
      let last = first;
      for (let next = it.next(); next; next = it.next()) last = next;
      expect(inParis(last)[0] <= au, `${inParis(last)[0]} après le ${au}`).toBe(true);
      expect(inParis(last)[0] > addDays(au, -7), `dernière séance ${inParis(last)[0]}, fin le ${au}`).toBe(true);
    }
  });
});
