/**
 * Browser: Next-date enhancement (src/components/ProchaineDate/ProchaineDate.astro): the built page may be days old; here,
 * with today's date in Rennes, the first coming date is shown, as "aujourd’hui" or "demain" when it is.
 * Sessions listed as coming (`data-jusquau`) that have passed since are hidden, or marked passed in a table.
 */
import { libelleJour, prochaine } from '../../lib/time/prochaine.ts';

const today = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date());
for (const el of document.querySelectorAll<HTMLElement>('[data-module="prochaine-date"]')) {
  const next = prochaine((el.dataset.dates ?? '').split(' ').filter(Boolean), today);
  const libelle = el.dataset.libelle ?? 'Prochaine date';
  if (!next) {
    el.textContent = `${libelle}\u00a0: pas de date à venir connue pour l’instant.`;
    continue;
  }
  const time = document.createElement('time');
  time.dateTime = next;
  time.textContent = libelleJour(next, today);
  el.replaceChildren(`${libelle}\u00a0: `, time, '.');
}

for (const el of document.querySelectorAll<HTMLElement>('[data-jusquau]')) {
  if ((el.dataset.jusquau ?? '') >= today) continue;
  const etat = el.querySelector<HTMLElement>('[data-etat]');
  if (etat) etat.textContent = 'Session passée';
  else el.hidden = true;
}
