/**
 * Places of a training session, through HTTP on a real store: the last place goes to one person, the
 * next sign-ups are recorded on the waiting list and told so (JSON and browser), the team's e-mail says
 * « liste d'attente », and GET /f/inscription-formation/places gives the live count. Runs on each back-end.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { confirmationMail } from '../../functions/notify/confirmation.ts';
import { teamNotification } from '../../functions/notify/message.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()));
afterEach(() => h.cleanup());

const signUp = { ...validSubmissions['inscription-formation'] }; // ecole-inclusive, mars-a: 5 places online
// The sign-up has a private link (privateLink): its answer is that page, which says place or waiting list.
const suivi = '/suivi/[A-Za-z0-9_-]{43}';
type Answer = { ok?: boolean; next?: string; id?: string; listeAttente?: boolean; message?: string };
const places = async (query = '') => {
  const res = await h.app.request(`/f/inscription-formation/places${query}`);
  return { res, body: (await res.json()) as { places: Record<string, number> | null } };
};

describe('places of a training session, counted at the handler', () => {
  it('JSON: the 5 places are confirmed, the 6th sign-up is recorded on the waiting list and told so plainly', async () => {
    for (let i = 0; i < 5; i++) {
      const body = (await (await h.postJson('inscription-formation', signUp)).json()) as Answer;
      expect(body.next).toMatch(new RegExp(`${suivi}$`));
      expect(body.listeAttente).toBeUndefined();
    }
    const res = await h.postJson('inscription-formation', { ...signUp, prenom: 'Nolwenn' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Answer;
    expect(body).toMatchObject({ ok: true, listeAttente: true, message: expect.stringMatching(/complète.*liste d’attente/) });
    expect(body.next).toMatch(new RegExp(`${suivi}$`));
    expect(await (await h.app.request(new URL(body.next!).pathname)).text()).toContain('Sur la liste d’attente');
    // Nothing lost: the waiting-list sign-up is stored with what was typed, marked as such.
    expect((await h.count()).submissions).toBe(6);
    expect((await h.stored()).at(-1)).toMatchObject({ prenom: 'Nolwenn', session: 'mars-a' });
    const marked = await h.rows('SELECT session_key, waiting_list FROM submissions WHERE id = ?', body.id!);
    expect(marked).toEqual([{ session_key: 'ecole-inclusive/mars-a', waiting_list: 1 }]);
  });

  it('browser: a full session’s sign-up lands on the waiting-list page, never on a page (or _next) confirming a place', async () => {
    const res = await h.postForm('inscription-formation', urlEncoded({ ...signUp, session: 'mars-b', _next: '/merci-partout/' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/formations/ecole-inclusive/inscription/merci/mars-b/attente/');
    expect((await h.count()).submissions).toBe(1);
  });

  it('12 people post the 5 places at the same moment: 5 confirmed, 7 on the waiting list, 12 stored', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const res = await h.postJson('inscription-formation', { ...signUp, prenom: `Personne ${i}` });
        return (await res.json()) as Answer;
      }),
    );
    expect(answers.filter((a) => a.ok && !a.listeAttente)).toHaveLength(5);
    expect(answers.filter((a) => a.ok && a.listeAttente)).toHaveLength(7);
    expect((await h.count()).submissions).toBe(12);
    expect((await places()).body.places!['ecole-inclusive/mars-a']).toBe(0);
  });

  it('the team’s e-mail of a waiting-list sign-up says « liste d’attente »; a confirmed one does not', async () => {
    await h.postJson('inscription-formation', { ...signUp, session: 'mars-a' });
    await h.postJson('inscription-formation', { ...signUp, session: 'mars-b' });
    const [placed, waiting] = await h.store.dueNotifications(new Date('2030-01-01T00:00:00Z'), 10);
    const mail = teamNotification(waiting!, 'fabrique.test');
    expect(mail.subject).toMatch(/^Liste d’attente — /);
    expect(mail.text).toMatch(/LISTE D’ATTENTE, pas de place confirmée/);
    expect(teamNotification(placed!, 'fabrique.test').subject).not.toMatch(/attente/i);
  });

  it('the confirmation e-mail asked for says « liste d’attente » too, and never confirms a place', async () => {
    const asked = { ...signUp, confirmation: 'oui' };
    await h.postJson('inscription-formation', { ...asked, session: 'mars-b' });
    await h.postJson('inscription-formation', { ...asked, session: 'mars-a' });
    const due = await h.store.dueNotifications(new Date('2030-01-01T00:00:00Z'), 10);
    const [waiting, placed] = due.filter((d) => d.kind === 'confirmation').map((d) => confirmationMail(d, 'fabrique.test'));
    expect(waiting!.subject).toMatch(/^Vous êtes sur la liste d’attente/);
    expect(waiting!.text).toMatch(/pas encore de place/);
    expect(placed!.subject).toMatch(/^Votre inscription est enregistrée/);
  });
});

describe('GET /f/inscription-formation/places', () => {
  it('gives the places left of the sessions that take sign-ups, from the live count', async () => {
    const { res, body } = await places();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Past (dec), cancelled (mai) and closed trainings (creche) are not there: their pages say so already.
    expect(body).toEqual({ places: { 'ecole-inclusive/mars-a': 5, 'ecole-inclusive/mars-b': 0, 'ecole-inclusive/juin': 6 } });
    await h.postJson('inscription-formation', signUp);
    await h.postJson('inscription-formation', signUp);
    expect((await places()).body.places!['ecole-inclusive/mars-a']).toBe(3);
  });

  it('holds no personal data and answers any query the same, never a 5xx', async () => {
    await h.postJson('inscription-formation', signUp);
    const plain = await places();
    expect(JSON.stringify(plain.body)).not.toMatch(/Awa|Diallo|exemple\.fr/);
    for (const query of ['?x=' + 'é'.repeat(5000), '?session[]=1&session=2', '?%E0%A4%A']) {
      const { res, body } = await places(query);
      expect(res.status).toBe(200);
      expect(body).toEqual(plain.body);
    }
    // One training's sessions only; an unknown or malformed one has none.
    expect((await places('?formation=ecole-inclusive')).body).toEqual(plain.body);
    expect((await places('?formation=creche')).body).toEqual({ places: {} });
    for (const query of ['?formation=%00', '?formation=%E0%A4%A', '?formation=' + 'x'.repeat(5000), '?formation=a&formation=b']) {
      const { res, body } = await places(query);
      expect(res.status).toBe(200);
      expect(body).toEqual({ places: {} });
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await h.app.request('/f/inscription-formation/places', { method });
      expect(res.status).toBeLessThan(500);
    }
  });
});
