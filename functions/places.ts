/**
 * GET /f/inscription-formation/places — places left per training session, from the store's live count, for
 * the pages' small enhancement (src/components/PlacesEnDirect/places-en-direct.ts). Same origin, no personal data; `?formation=` narrows
 * it to one training (an unknown one gets no sessions), any other query is ignored. Cached a few seconds so a busy page costs the store little.
 */
import type { Context } from 'hono';
import { todayInRennes } from '../src/lib/time/dates.ts';
import { placesLeft } from '../src/lib/time/sessions.ts';
import type { AppDeps, FormsEnv } from './deps.ts';

export const PLACES_ROUTE = '/f/inscription-formation/places';
const MAX_AGE_S = 15;

export async function answerPlaces(c: Context<FormsEnv>, deps: AppDeps): Promise<Response> {
  try {
    const taken = await deps.store.placesTaken();
    c.header('Cache-Control', `public, max-age=${MAX_AGE_S}`);
    // ?formation=<id>: one training's sessions only (a page needs no more); anything else there is an unknown id.
    const only = c.req.query('formation');
    const formations = deps.config.content.formations.filter((f) => only === undefined || f.id === only);
    return c.json({ places: placesLeft(formations, taken, todayInRennes(deps.clock.now(), {})) });
  } catch {
    // The pages keep their "places limitées": nothing wrong is shown.
    c.header('Cache-Control', 'no-store');
    c.header('Retry-After', '30');
    return c.json({ places: null }, 503);
  }
}
