/**
 * GET /f/inscription-formation/places — places left per training session, from the store's live count, for
 * the pages' small enhancement (src/scripts/places.ts). Same origin, no personal data, no input read:
 * whatever the query, the same answer. Cached a few seconds so a busy page costs the store little.
 */
import type { Context } from 'hono';
import { todayInRennes } from '../src/lib/dates.ts';
import { placesLeft } from '../src/lib/sessions.ts';
import type { AppDeps, FormsEnv } from './deps.ts';

export const PLACES_ROUTE = '/f/inscription-formation/places';
const MAX_AGE_S = 15;

export async function answerPlaces(c: Context<FormsEnv>, deps: AppDeps): Promise<Response> {
  try {
    const taken = await deps.store.placesTaken();
    c.header('Cache-Control', `public, max-age=${MAX_AGE_S}`);
    return c.json({ places: placesLeft(deps.config.content.formations, taken, todayInRennes(deps.clock.now(), {})) });
  } catch {
    // The pages keep their "places limitées": nothing wrong is shown.
    c.header('Cache-Control', 'no-store');
    c.header('Retry-After', '30');
    return c.json({ places: null }, 503);
  }
}
