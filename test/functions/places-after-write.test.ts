/**
 * Places right when they matter (issue 21, item 5), on each back-end (SAME_SUITE): six people fill a
 * six-place session; the seventh, who had read « 6 » before they signed up, reads 0 at once — no copy kept by
 * the server or, through `no-store`, by a browser or proxy — and is put on the waiting list and told so.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()));
afterEach(() => h.cleanup());

const KEY = 'ecole-inclusive/juin'; // six places left in the fixture world
const signUp = { ...validSubmissions['inscription-formation'], session: 'juin' };
type Answer = { ok?: boolean; next?: string; listeAttente?: boolean; message?: string };

async function placesLeft(): Promise<{ left: number | undefined; cacheControl: string | null }> {
  const res = await h.app.request('/f/inscription-formation/places?formation=ecole-inclusive');
  const body = (await res.json()) as { places: Record<string, number> | null };
  return { left: body.places?.[KEY], cacheControl: res.headers.get('cache-control') };
}

describe('the places figure after a write', () => {
  it('6 sign-ups on a 6-place session: the 7th reads 0 places at once and lands on the waiting list', async () => {
    // The seventh person opens the page first: 6 places, and the answer may be kept by no one.
    const before = await placesLeft();
    expect(before).toEqual({ left: 6, cacheControl: 'no-store' });
    for (let i = 1; i <= 6; i++) {
      const answer = (await (await h.postJson('inscription-formation', { ...signUp, prenom: `Personne ${i}` })).json()) as Answer;
      expect(answer).toMatchObject({ ok: true });
      expect(answer.listeAttente).toBeUndefined();
      // Never higher than the true count, right after each write.
      expect((await placesLeft()).left).toBe(6 - i);
    }
    expect(await placesLeft()).toEqual({ left: 0, cacheControl: 'no-store' });
    const seventh = (await (await h.postJson('inscription-formation', { ...signUp, prenom: 'Septième' })).json()) as Answer;
    expect(seventh).toMatchObject({ ok: true, listeAttente: true, message: expect.stringMatching(/complète.*liste d’attente/) });
    // Sent to the person's private page (functions/suivi.ts), which says where they stand.
    const follow = new URL(seventh.next!).pathname;
    expect(follow).toMatch(/^\/suivi\/[A-Za-z0-9_-]{43}$/);
    expect(await (await h.app.request(follow)).text()).toContain('Sur la liste d’attente.');
    expect((await placesLeft()).left).toBe(0);
  });
});
