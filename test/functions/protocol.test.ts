/** shared/spec/forms-protocol.md: routes, negotiation, special fields, answers, INACTIVE, headers of the Node server. */
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../../functions/node.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, noNodeServer, settings, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()));
afterEach(() => h.cleanup());

const valid = validSubmissions.agir;
type Answer = {
  ok?: boolean;
  next?: string;
  id?: string;
  error?: string;
  errors?: { field?: string; code?: string; message: string }[];
};
const json = async (res: Response) => (await res.json()) as Answer;

describe('routes', () => {
  it('POST /p/:project/f/:formKey is the same form, the project ignored', async () => {
    const res = await h.app.request('/p/nimporte/f/agir', {
      method: 'POST',
      body: JSON.stringify(valid),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect((await h.count()).submissions).toBe(1);
  });

  it('an unknown form → 404 FORM_NOT_FOUND, "Form not found" for older clients', async () => {
    const res = await h.postJson('inconnu', valid);
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({
      error: 'Form not found',
      errors: [{ code: 'FORM_NOT_FOUND', message: expect.stringMatching(/n’existe pas/) }],
    });
  });

  it('every form answer carries Cache-Control: no-store', async () => {
    for (const res of [await h.postJson('agir', valid), await h.postJson('agir', {}), await h.app.request('/f/agir')])
      expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('negotiation', () => {
  it.each([
    ['Accept: application/json', { accept: 'application/json' }, 'form', true],
    ['X-Requested-With', { 'x-requested-with': 'XMLHttpRequest' }, 'form', true],
    ['a JSON body, no Accept', {}, 'json', true],
    ['a JSON body, but HTML preferred', { accept: 'text/html,application/json;q=0.9' }, 'json', false],
    ['a browser form', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, 'form', false],
  ])('%s', async (_, headers, kind, expectJson) => {
    const res =
      kind === 'json'
        ? await h.post('agir', JSON.stringify(valid), { 'content-type': 'application/json', ...headers })
        : await h.postForm('agir', urlEncoded(valid), headers);
    if (expectJson) {
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({
        ok: true,
        next: expect.stringMatching(/\/formulaires\/agir\/merci\/$/),
        id: expect.any(String),
      });
    } else {
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/formulaires/agir/merci/');
    }
  });
});

describe('special fields', () => {
  it('_next: a same-site path is followed', async () => {
    const res = await h.postForm('agir', urlEncoded({ ...valid, _next: '/aide/' }));
    expect(res.headers.get('location')).toBe('/aide/');
  });

  it.each(['https://malveillant.example/', '//malveillant.example/', '/\\malveillant.example', 'javascript:alert(1)', ' /aide/'])(
    '_next %s is ignored: the form’s own thank-you page is used',
    async (next) => {
      const res = await h.postForm('agir', urlEncoded({ ...valid, _next: next }));
      expect(res.headers.get('location')).toBe('/formulaires/agir/merci/');
    },
  );

  it('special fields are never stored; unsupported ones are ignored', async () => {
    await h.postJson('agir', {
      ...valid,
      _next: '/aide/',
      _subject: 'Objet',
      _cc: 'x@exemple.fr',
      _format: 'plain',
      _language: 'en',
      _template: 'box',
      _gotcha: '',
    });
    const data = JSON.parse(String((await h.rows('SELECT data_json FROM submissions'))[0]!.data_json)) as object;
    expect(Object.keys(data).filter((k) => k.startsWith('_'))).toEqual([]);
  });

  it('on a sensitive form, _subject and _replyto never reach the outbox', async () => {
    await h.postJson('femmes-rappel', { ...validSubmissions['femmes-rappel'], _subject: 'Rappel', _replyto: 'a@exemple.fr' });
    expect(await h.rows('SELECT subject, reply_to FROM outbox')).toEqual([{ subject: null, reply_to: null }]);
  });

  it('on other forms the e-mail field is the Reply-To', async () => {
    await h.postJson('agir', valid);
    expect(await h.rows('SELECT reply_to FROM outbox')).toEqual([{ reply_to: valid.email }]);
  });
});

describe('answers', () => {
  it('empty submission → 422 EMPTY', async () => {
    for (const body of [{}, { _gotcha: '' }]) {
      const res = await h.postJson('agir', body);
      expect(res.status).toBe(422);
      expect((await json(res)).errors).toEqual([{ code: 'EMPTY', message: expect.any(String) }]);
    }
    const page = await h.postForm('agir', '');
    expect(page.status).toBe(422);
    expect(await page.text()).toContain('Le formulaire est vide');
  });

  it('field errors: Formspree codes and French messages', async () => {
    const res = await h.postJson('agir', { prenom: '', email: 'pas-une-adresse', domaines: ['rue'] });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.error).toBe('Validation errors');
    expect(body.errors).toEqual([
      { field: 'prenom', code: 'REQUIRED_FIELD_EMPTY', message: 'Remplissez le champ «\u202fPrénom\u202f»' },
      { field: 'nom', code: 'REQUIRED_FIELD_MISSING', message: 'Remplissez le champ «\u202fNom\u202f»' },
      { field: 'email', code: 'TYPE_EMAIL', message: expect.stringMatching(/adresse e-mail complète/) },
      { field: 'disponibilites', code: 'REQUIRED_FIELD_MISSING', message: expect.stringMatching(/Cochez au moins une case/) },
    ]);
  });

  it('a refused form comes back with what was typed, escaped, and the summary links to the fields', async () => {
    const res = await h.postForm('agir', urlEncoded({ ...valid, email: 'pas-une-adresse', message: 'Ligne 1\r\nLigne "2"' }));
    const html = await res.text();
    expect(html).toContain('<a href="#f-email">');
    expect(html).toContain('value="pas-une-adresse"');
    expect(html).toContain('Ligne 1\r\nLigne &quot;2&quot;</textarea>');
    expect(html).toMatch(/<input[^>]*value="repas"[^>]*checked/);
  });
});

describe('INACTIVE: closed forms say what to do instead', () => {
  it.each([
    ['a cancelled session', { session: 'mai' }, /plus disponible \(annulée\)/],
    ['a past session', { session: 'dec' }, /plus disponible \(session passée\)/],
    ['registrations closed', { formation: 'creche', session: 'avril' }, /inscriptions .* sont fermées/i],
  ])('%s', async (_, over, message) => {
    const res = await h.postJson('inscription-formation', { ...validSubmissions['inscription-formation'], ...over });
    expect(res.status).toBe(403);
    const body = await json(res);
    expect(body.errors).toEqual([{ code: 'INACTIVE', message: expect.stringMatching(message) }]);
    expect(body.errors![0]!.message).toMatch(/autre session|prochaine session/);
    expect((await h.count()).submissions).toBe(0);
  });

  it('an activity with no place left', async () => {
    const res = await h.postJson('inscription-loisirs', {
      ...validSubmissions['inscription-loisirs'],
      activite: 'musique',
      enfant_naissance: '2022-01-01',
    });
    expect(res.status).toBe(403);
    expect((await json(res)).errors![0]).toMatchObject({
      code: 'INACTIVE',
      message: expect.stringMatching(/complet.*autres activités/),
    });
  });

  it('a form closed by its settings', async () => {
    const closed = await makeHarness({
      settings: { agir: { ...settings.agir, ouvert: false, message_ferme: 'Fermé pendant l’été\u00a0: revenez en septembre.' } },
    });
    const res = await closed.postJson('agir', valid);
    expect(res.status).toBe(403);
    expect((await json(res)).errors).toEqual([{ code: 'INACTIVE', message: 'Fermé pendant l’été\u00a0: revenez en septembre.' }]);
    await closed.cleanup();
  });

  it('an unknown training is a field error, not a crash', async () => {
    const res = await h.postJson('inscription-formation', {
      ...validSubmissions['inscription-formation'],
      formation: 'inexistante',
    });
    expect(res.status).toBe(422);
    expect((await json(res)).errors).toContainEqual(expect.objectContaining({ field: 'formation' }));
  });
});

describe('recipients', () => {
  it('contact-referent writes to the quartier’s referents when the settings name them', async () => {
    const perQuartier = await makeHarness({
      settings: {
        'contact-referent': {
          ...settings['contact-referent'],
          destinataires_par_quartier: { 'le-blosne': ['referents.blosne@exemple.fr'] },
        },
      },
    });
    await perQuartier.postJson('contact-referent', validSubmissions['contact-referent']);
    await perQuartier.postJson('contact-referent', { ...validSubmissions['contact-referent'], quartier: 'centre' });
    expect(
      (await perQuartier.rows('SELECT recipients_json FROM outbox ORDER BY id')).map((r) =>
        JSON.parse(String(r.recipients_json)),
      ),
    ).toEqual([['referents.blosne@exemple.fr'], settings['contact-referent'].destinataires]);
    await perQuartier.cleanup();
  });
});

// Node's own composition (headers, compression); on workerd the Worker's are tested in worker.test.ts.
describe.skipIf(noNodeServer)('the Node server', () => {
  it('gives the whole policy to the scripts that run as workers, the short one to a page’s scripts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'headers-'));
    const script = 'self.addEventListener("message", () => {});'.repeat(20);
    for (const file of ['sw.js', 'pagefind/pagefind-worker.js', '_astro/page.js']) {
      mkdirSync(path.dirname(path.join(dir, 'dist', file)), { recursive: true });
      writeFileSync(path.join(dir, 'dist', file), script);
    }
    const server = await startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: path.join(dir, 'dist') });
    try {
      const csp = (p: string) => fetch(`${server.url}${p}`).then((r) => r.headers.get('content-security-policy'));
      const [serviceWorker, pagefindWorker, pageScript] = await Promise.all(
        ['/sw.js', '/pagefind/pagefind-worker.js', '/_astro/page.js'].map(csp),
      );
      // Pagefind's worker runs WebAssembly under its own response's policy.
      expect(pagefindWorker).toContain("'wasm-unsafe-eval'");
      expect(serviceWorker).toBe(pagefindWorker);
      expect(pageScript).toBe("default-src 'none'; frame-ancestors 'none'");
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends the security headers on pages, assets and form answers, and compresses static files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'headers-'));
    mkdirSync(path.join(dir, 'dist', '_astro'), { recursive: true });
    writeFileSync(
      path.join(dir, 'dist', 'index.html'),
      `<!doctype html><html lang="fr"><title>t</title>${'<p>Bonjour</p>'.repeat(200)}</html>`,
    );
    writeFileSync(path.join(dir, 'dist', '_astro', 'site.css'), 'body{color:#111}'.repeat(100));
    const server = await startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: path.join(dir, 'dist') });
    try {
      const answers = await Promise.all([
        fetch(`${server.url}/`, { headers: { 'accept-encoding': 'br' } }),
        fetch(`${server.url}/_astro/site.css`, { headers: { 'accept-encoding': 'gzip' } }),
        fetch(`${server.url}/f/agir`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url },
          body: '{}',
        }),
        fetch(`${server.url}/absente/`),
      ]);
      for (const res of answers) {
        const csp = res.headers.get('content-security-policy') ?? '';
        if (res.headers.get('content-type')?.startsWith('text/html')) {
          expect(csp).toContain("script-src 'self'");
          expect(csp).toContain("style-src 'self'");
          expect(csp).not.toContain('unsafe-inline');
          expect(res.headers.get('permissions-policy')).toContain('geolocation=()');
        } else {
          // A stylesheet or a JSON answer: nothing may run in it, and a page's policies do not act on it.
          expect(csp).toBe("default-src 'none'; frame-ancestors 'none'");
          expect(res.headers.get('permissions-policy')).toBeNull();
        }
        expect(csp).toContain("frame-ancestors 'none'");
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(Number(/max-age=(\d+)/.exec(res.headers.get('strict-transport-security') ?? '')?.[1])).toBeGreaterThanOrEqual(
          31_536_000,
        );
        expect(res.headers.get('referrer-policy')).toBe('same-origin');
      }
      expect(answers[0].headers.get('content-encoding')).toBe('br');
      expect(answers[1].headers.get('content-encoding')).toBe('gzip');
      expect(answers[1].headers.get('cache-control')).toContain('immutable');
      expect(answers[2].headers.get('cache-control')).toBe('no-store');
      expect(answers[3].status).toBe(404);
      expect(await answers[0].text()).toContain('<p>Bonjour</p>');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts a browser post whose Origin is "null" only when Sec-Fetch-Site says same-origin', async () => {
    const nullOrigin = (site?: string) =>
      h.postJson('agir', valid, { origin: 'null', ...(site ? { 'sec-fetch-site': site } : {}) });
    expect((await nullOrigin('same-origin')).status).toBe(200);
    expect((await nullOrigin('cross-site')).status).toBe(403);
    expect((await nullOrigin('same-site')).status).toBe(403);
    expect((await nullOrigin()).status).toBe(403);
  });
});
