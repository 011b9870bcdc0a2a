/** Issue 5, step 5: nothing is sent to the person unless they ticked the box asking for it; never on a sealed form. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue } from '../../functions/notify/deliver.ts';
import { smtpMailer } from '../../functions/notify/smtp.ts';
import { FORM_KEYS, forms } from '../../src/schemas/forms/index.ts';
import { CONFIRMATION_FIELD } from '../../src/schemas/forms/shared-fields.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, settings, type Harness } from './harness.ts';
import { freePort, SmtpSink } from './smtp-sink.ts';

let h: Harness;
let sink: SmtpSink;
beforeEach(async () => {
  h = await makeHarness();
  sink = new SmtpSink(await freePort());
  await sink.start('up');
});
afterEach(async () => {
  await sink.stop();
  await h.cleanup();
});

const INSCRIPTION = validSubmissions['inscription-formation'];
const deliver = () =>
  deliverDue({
    store: h.store,
    mailer: smtpMailer({ host: '127.0.0.1', port: sink.port, tls: 'aucun', from: 'f@fabrique.test', timeoutMs: 2000 }),
    clock: { now: () => NOW },
    mailDomain: 'fabrique.test',
  });
const post = async (key: keyof typeof validSubmissions, values: Record<string, string | string[]>) =>
  h.postForm(key, urlEncoded(values), { accept: 'application/json' });

describe('confirmation to the person', () => {
  it('by default only the team is written to', async () => {
    expect((await post('inscription-formation', INSCRIPTION)).status).toBe(200);
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    expect(sink.received.map((m) => m.headers.to)).toEqual([expect.not.stringContaining(INSCRIPTION.email as string)]);
  });

  it('when the box is ticked, one confirmation goes to the person, repeating none of the answers', async () => {
    expect((await post('inscription-formation', { ...INSCRIPTION, [CONFIRMATION_FIELD]: 'oui' })).status).toBe(200);
    expect(await h.rows('SELECT kind, recipients_json FROM outbox ORDER BY id')).toEqual([
      { kind: 'equipe', recipients_json: JSON.stringify(settings['inscription-formation'].destinataires) },
      { kind: 'confirmation', recipients_json: JSON.stringify([INSCRIPTION.email]) },
    ]);
    expect(await deliver()).toEqual({ sent: 2, failed: 0 });
    const toPerson = sink.received.filter((m) => m.headers.to === INSCRIPTION.email);
    expect(toPerson).toHaveLength(1);
    expect(toPerson[0]!.headers.subject).toMatch(/Votre inscription est enregistrée/);
    for (const value of [INSCRIPTION.nom, INSCRIPTION.prenom]) expect(toPerson[0]!.text).not.toContain(value);
  });

  it('the box exists on non-sealed forms only; a sealed form refuses it as an unknown field', async () => {
    const ctx = { ...content, today: NOW.toISOString().slice(0, 10) };
    for (const key of FORM_KEYS) {
      const has = forms[key].fields(ctx, undefined).some((f) => f.name === CONFIRMATION_FIELD);
      if (settings[key].sensible) expect(has, key).toBe(false);
    }
    expect(forms['inscription-formation'].fields(ctx, 'ecole-inclusive').some((f) => f.name === CONFIRMATION_FIELD)).toBe(true);
    const res = await post('demande-aide', { ...validSubmissions['demande-aide'], [CONFIRMATION_FIELD]: 'oui' });
    expect(res.status).toBe(422);
    expect(await h.count()).toEqual({ submissions: 0, outbox: 0 });
  });
});
