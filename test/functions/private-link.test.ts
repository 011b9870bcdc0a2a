/**
 * A resident's private link /suivi/<token> (issue 19, item 6), through HTTP on a real store, on each back-end:
 * the sign-up's answer is that page; it shows the state in French and no name, has no referrer, is not
 * indexed nor kept; cancelling frees the place at once for the first person waiting, who is told by e-mail
 * (an outbox row). Only non-sensitive forms have a link. One harness for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms } from '../../src/schemas/forms/index.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, ORIGIN, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => (h = await makeHarness()));
afterAll(() => h.cleanup());

const signUp = validSubmissions['inscription-formation']; // mars-a: 5 places online
const LINK = /^\/suivi\/[A-Za-z0-9_-]{43}$/;

describe('a resident’s private link', () => {
  it('only non-sensitive forms have one', () => {
    const withLink = Object.values(forms).filter((f) => f.privateLink);
    expect(withLink.map((f) => f.key)).toContain('inscription-formation');
    for (const f of withLink) expect(f.sensitive).toBe(false);
  });

  it('shows the state, never a name; cancelling gives the place to the first person waiting, told by e-mail', async () => {
    const links: string[] = [];
    const people = ['Awa', 'Bertrand', 'Chloé', 'Dara', 'Erwan', 'Fanny'];
    for (const prenom of people) {
      const res = await h.postForm('inscription-formation', urlEncoded({ ...signUp, prenom, email: `${prenom.toLowerCase()}@exemple.fr` }));
      expect(res.status).toBe(303);
      const location = res.headers.get('location')!;
      expect(location).toMatch(LINK);
      links.push(location);
    }
    const first = links[0]!;
    const last = links[5]!;
    const page = await h.app.request(first);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-robots-tag')).toMatch(/noindex/);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const text = await page.text();
    expect(text).toContain('Reçue : l’équipe ne l’a pas encore ouverte.');
    expect(text).toContain('Annuler mon inscription');
    expect(text).not.toMatch(/Awa|exemple\.fr/);
    expect(await (await h.app.request(last)).text()).toContain('Sur la liste d’attente');

    // A post from another site is refused; from the page, the sign-up is cancelled and Fanny gets the place.
    const cancel = (link: string, origin = ORIGIN) => h.app.request(`${link}/annuler`, { method: 'POST', headers: { origin } });
    expect((await cancel(first, 'https://ailleurs.example')).status).toBe(403);
    const done = await cancel(first);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${first}?annule=oui`);
    const after = await (await h.app.request(`${first}?annule=oui`)).text();
    expect(after).toContain('Votre inscription est annulée');
    expect(after).not.toContain('Annuler mon inscription');
    expect(await (await h.app.request(last)).text()).not.toContain('liste d’attente');
    const places = async () =>
      Object.fromEntries(
        (await h.rows('SELECT data_json, waiting_list FROM submissions')).map((r) => [
          (JSON.parse(String(r.data_json)) as { prenom: string }).prenom,
          r.waiting_list === null ? 'annulée' : Number(r.waiting_list) === 1 ? 'attente' : 'place',
        ]),
      );
    expect(await places()).toEqual({ Awa: 'annulée', Bertrand: 'place', Chloé: 'place', Dara: 'place', Erwan: 'place', Fanny: 'place' });
    const told = async () => h.rows("SELECT recipients_json, subject FROM outbox WHERE subject = 'place-attribuee'");
    expect(await told()).toEqual([{ recipients_json: '["fanny@exemple.fr"]', subject: 'place-attribuee' }]);
    // Twice: nothing more moves, nobody else is told.
    expect((await cancel(first)).status).toBe(303);
    expect(await told()).toHaveLength(1);
  });

  it('an unknown or malformed token is the same 404; a client’s own _next gets no link', async () => {
    for (const path of ['/suivi/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/suivi/court', '/suivi/%3Cscript%3E']) {
      const res = await h.app.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Lien inconnu ou expiré');
    }
    const res = await h.postForm('inscription-formation', urlEncoded({ ...signUp, _next: '/merci-partout/' }));
    expect(res.headers.get('location')).toBe('/merci-partout/');
  });
});
