/**
 * Browser: Live places of training sessions (GET /f/inscription-formation/places): where JavaScript runs, « places
 * limitées » becomes « 3 places restantes » or « complet : inscription sur liste d’attente ». Without it, or
 * when the count cannot be read, the words of the build stay: never a number that could be stale.
 */
import { LIBELLE_ETAT, PLACES } from '../../lib/time/sessions.ts';

const spots = document.querySelectorAll<HTMLElement>('[data-places]');
// Every session on a page belongs to one training: only its places are asked for.
const formation = spots[0]?.dataset.places?.split('/')[0];
if (formation)
  fetch(`/f/inscription-formation/places?formation=${encodeURIComponent(formation)}`, { headers: { accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<{ places?: Record<string, number> | null }>) : undefined))
    .then((answer) => {
      const places = answer?.places;
      if (!places) return;
      for (const el of spots) {
        const left = places[el.dataset.places ?? ''];
        if (typeof left !== 'number') continue;
        el.textContent = left > 0 ? PLACES.restantes(left) : (el.dataset.placesPlein ?? PLACES.complet);
        // In the sessions table, the state badge beside it follows.
        const badge = el.closest('[data-etat]')?.querySelector('.badge');
        if (badge) {
          badge.textContent = LIBELLE_ETAT[left > 0 ? 'ouverte' : 'complete'];
          badge.className = `badge badge--${left > 0 ? 'ouvert' : 'complet'}`;
        }
      }
    })
    .catch(() => {});
