/**
 * GET /f/inscription-formation/places — places left per training session, from the store's live count, for
 * the pages' small enhancement (src/components/PlacesEnDirect/places-en-direct.ts). Same origin, no personal data; `?formation=` narrows
 * it to one training (an unknown one gets no sessions), any other query is ignored.
 * Never cached, by anyone (`no-store`: browser, proxy, CDN): after a sign-up, the next person must read the true
 * count, not one a few seconds old (issue 21, test/functions/places-after-write.test.ts). There is no server-side
 * copy either, so nothing to invalidate on a write on any back-end: the count is one GROUP BY per page view.
 */
import type { Context } from 'hono';
import { todayInRennes } from '../src/lib/time/dates.ts';
import { placesLeft } from '../src/lib/time/sessions.ts';
import type { AppDeps, FormsEnv } from './deps.ts';

export const PLACES_ROUTE = '/f/inscription-formation/places';

export async function answerPlaces(c: Context<FormsEnv>, deps: AppDeps): Promise<Response> {
  try {
    const taken = await deps.store.placesTaken();
    c.header('Cache-Control', 'no-store');
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
