/**
 * A form whose service does not exist yet (src/schemas/forms/form.ts, `notYetOpen`) refuses every post with a
 * clear French message and what exists today; nothing is stored, queued or sent (shared/spec/bad-inputs.md), and
 * a browser gets back what it typed, to copy. The world is the fixture's, with the women's resource place still a
 * proposal and the Centre without a referent, as in content/.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import type { ContentContext } from '../../src/schemas/forms/context.ts';
import { applyFormsMode } from '../../src/lib/forms/mode.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { sqliteBackend, testTeamKey, type TestBackend } from './harness-backends.ts';
import { ORIGIN, settings } from './harness.ts';

const proposals: ContentContext = {
  ...content,
  programmes: { 'informations-pratiques': 'proposition' },
  quartiers: content.quartiers.map((q) => (q.id === 'centre' ? { ...q, sansReferent: true } : q)),
};

let backend: TestBackend | undefined;
afterEach(async () => {
  await backend?.close(false);
  backend = undefined;
});

async function app() {
  backend = sqliteBackend();
  const { sealedSettings } = await testTeamKey(settings);
  const served = applyFormsMode({ ...settings, ...sealedSettings }, 'demonstration');
  const forms = createApp({
    store: backend.store,
    clock: { now: () => NOW },
    config: {
      origins: [ORIGIN],
      settings: served,
      content: proposals,
      rateLimit: { max: 1000, windowMs: 60_000 },
      clientHashSalt: 'sel',
    },
    clientAddress: () => '203.0.113.7',
    log: () => {},
  });
  const post = (key: string, body: string, headers: Record<string, string>) =>
    forms.request(`/f/${key}`, { method: 'POST', body, headers: { origin: ORIGIN, ...headers } });
  const rows = async (table: string) => Number((await backend!.rows(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
  return { post, count: async () => ({ submissions: await rows('submissions'), outbox: await rows('outbox') }) };
}

describe('a form whose service does not exist yet', () => {
  it('the women’s call-back form refuses a JSON post, with the numbers that answer today, and stores nothing', async () => {
    const { post, count } = await app();
    const res = await post('femmes-rappel', JSON.stringify(validSubmissions['femmes-rappel']), {
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { errors: { code: string; message: string }[] };
    expect(body.errors).toEqual([
      {
        code: 'INACTIVE',
        message: expect.stringMatching(/pas encore ouvert.*aucune équipe ne peut vous rappeler.*3919.*17.*SMS au 114/s),
      },
    ]);
    expect(await count()).toEqual({ submissions: 0, outbox: 0 });
  });

  it('a browser gets a French page that says so and links the help page; on the women’s form, nothing typed is shown again', async () => {
    const { post, count } = await app();
    const res = await post('femmes-rappel', urlEncoded(validSubmissions['femmes-rappel']), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('<h1>Ce formulaire est fermé</h1>');
    expect(html).not.toContain('Inscriptions fermées');
    expect(html).toMatch(/aucune équipe ne peut vous rappeler/);
    expect(html).toContain('<a href="/aide/">');
    // A safe number written back on a page someone else may read: not on the pages for people facing violence.
    expect(html).not.toContain('06 00 00 00 02');
    expect(await count()).toEqual({ submissions: 0, outbox: 0 });
  });

  it('elsewhere a browser gets back what it typed, escaped, to copy: nothing is lost, nothing stored', async () => {
    const { post, count } = await app();
    const typed = { ...validSubmissions['contact-referent'], quartier: 'centre', nom: 'Lou <b>', message: 'Mon texte précieux' };
    const res = await post('contact-referent', urlEncoded(typed), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toMatch(/Centre n’a pas encore de référent/);
    expect(html).toContain('Rien n’a été enregistré ni envoyé');
    expect(html).toMatch(/<textarea id="copie-message" readonly[^>]*>Mon texte précieux<\/textarea>/);
    expect(html).toContain('Lou &lt;b&gt;');
    expect(html).not.toContain('Lou <b>');
    expect(html).not.toContain('copie-quartier');
    expect(await count()).toEqual({ submissions: 0, outbox: 0 });
  });

  it('a quartier without a referent collects no message; one with a referent still does', async () => {
    const { post, count } = await app();
    const json = { 'content-type': 'application/json', accept: 'application/json' };
    const refused = await post(
      'contact-referent',
      JSON.stringify({ ...validSubmissions['contact-referent'], quartier: 'centre' }),
      json,
    );
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(
      /Centre n’a pas encore de référent.*poste est à pourvoir.*ne le recueille donc pas.*\/aide\//s,
    );
    expect(await count()).toEqual({ submissions: 0, outbox: 0 });
    const accepted = await post('contact-referent', JSON.stringify(validSubmissions['contact-referent']), json);
    expect(accepted.status).toBe(200);
    expect((await count()).submissions).toBe(1);
  });
});
