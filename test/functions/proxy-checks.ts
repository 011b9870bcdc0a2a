/**
 * Issue 20, item 7: what the guide's TLS proxy must do in front of the real Node server, whichever proxy runs it
 * (nginx-proxy.test.ts, caddy-proxy.test.ts): with the server down, the fallback page with the emergency numbers
 * (503, for a page and for a form post); with it up, forms post through it and the JSON `next` is https; the
 * metrics stay inside; no visitor address in anything the proxy wrote. Each proxy runs its block of
 * EXPLOITATION.md as written there, only its ports, certificate and paths replaced (each checked to be there).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackPage, FALLBACK_PAGE } from '../../functions/fallback-page.ts';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { URGENCES } from '../../src/lib/site/urgences.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const HOST = 'fabrique-solidarites.rennes.fr';

/** The fenced block of this language in step 5 of path (b) of the guide, unindented from its list item. */
export function guideBlock(language: 'nginx' | 'caddy'): string {
  const guide = readFileSync(path.join(root, 'functions/EXPLOITATION.md'), 'utf8');
  const step = guide.slice(guide.indexOf('5. **Proxy TLS**'));
  const block = new RegExp('```' + language + '\\n([\\s\\S]*?)\\n\\s*```').exec(step)?.[1];
  if (!block) throw new Error(`EXPLOITATION.md : bloc ${language} introuvable à l’étape 5 du chemin b`);
  return block.replace(/^ {3}/gm, '');
}

/** Replaces each guide string by the test's, failing if the guide no longer holds it. */
export function substitute(block: string, pairs: [from: string, to: string][]): string {
  for (const [from, to] of pairs) {
    expect(block, `le bloc du guide ne contient plus « ${from} »`).toContain(from);
    block = block.replaceAll(from, to);
  }
  return block;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
/** An https request to the proxy on loopback, as a browser for HOST would make it (SNI, Host, the test's certificate). */
function https(
  port: number,
  ca: string,
  pathname: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method: init.method ?? 'GET',
        servername: HOST,
        ca,
        headers: { host: HOST, ...init.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The folder, ports and certificate a proxy is started with. */
export type ProxySetup = {
  dir: string;
  dist: string;
  tlsPort: number;
  httpPort: number;
  appPort: number;
  cert: string;
  key: string;
};
/** A started proxy: how to stop it, and everything it wrote (logs), read after the journeys. */
export type RunningProxy = { stop: () => Promise<void>; logs: () => string; exited: () => string | undefined };

/** The three journeys above, against the proxy `start` runs. */
export function describeGuideProxy(name: string, start: ((setup: ProxySetup) => Promise<RunningProxy>) | undefined) {
  describe.skipIf(!start)(`the guide’s ${name} in front of the Node server`, () => {
    let setup: ProxySetup;
    let proxy: RunningProxy;
    let app: RunningServer | undefined;
    let ca: string;
    const get = (pathname: string, init?: Parameters<typeof https>[3]) => https(setup.tlsPort, ca, pathname, init);

    beforeAll(async () => {
      const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
      // The proxy's workers run as nobody when the tests run as root (CI): they must read the site and the logs' folder.
      chmodSync(dir, 0o755);
      const dist = path.join(dir, 'dist');
      mkdirSync(dist);
      writeFileSync(
        path.join(dist, 'index.html'),
        '<!doctype html><html lang="fr"><title>Accueil</title><h1>Accueil</h1></html>',
      );
      writeFileSync(path.join(dist, FALLBACK_PAGE), fallbackPage());
      const [cert, key] = [path.join(dir, 'cert.pem'), path.join(dir, 'key.pem')];
      execFileSync('openssl', [
        'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
        '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`, '-keyout', key, '-out', cert,
      ], { stdio: 'ignore' }); // prettier-ignore
      ca = readFileSync(cert, 'utf8');
      setup = { dir, dist, cert, key, tlsPort: await freePort(), httpPort: await freePort(), appPort: await freePort() };
      proxy = await start!(setup);
      for (let i = 0; ; i++) {
        try {
          await get('/');
          break;
        } catch (error) {
          const exited = proxy.exited();
          if (i > 100 || exited !== undefined) throw new Error(`${name} ne démarre pas : ${exited ?? ''}`, { cause: error });
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await proxy?.stop();
      if (setup) rmSync(setup.dir, { recursive: true, force: true });
    });

    it('server down: the fallback page with every emergency number, for a page and for a form post; 503, not cached', async () => {
      const page = await get('/quartiers/');
      expect(page.status).toBe(503);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      for (const u of URGENCES) expect(page.body).toContain(`href="${u.lien}"`);
      expect(page.body).toContain('momentanément indisponible');
      const post = await get('/f/agir', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `https://${HOST}` },
        body: urlEncoded(validSubmissions.agir),
      });
      expect(post.status).toBe(503);
      expect(post.body).toContain('href="tel:3919"');
      // The fallback is reached only when the server fails: asked by name, the proxy says 404.
      expect((await get(`/${FALLBACK_PAGE}`)).status).toBe(404);
    });

    it('server up: a form posts through the proxy, `next` is https, the metrics stay inside', async () => {
      app = await startServer({
        port: setup.appPort,
        dbPath: path.join(setup.dir, 'db.sqlite'),
        distDir: setup.dist,
        origins: [`https://${HOST}`],
        trustedProxies: ['127.0.0.1'],
        mode: 'demonstration',
      });
      expect((await get('/')).body).toContain('<h1>Accueil</h1>');
      const json = await get('/f/agir', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: `https://${HOST}` },
        body: urlEncoded(validSubmissions.agir),
      });
      expect(json.status).toBe(200);
      const answer = JSON.parse(json.body) as { ok: boolean; next: string };
      expect(answer.ok).toBe(true);
      expect(answer.next).toMatch(new RegExp(`^https://${HOST.replaceAll('.', '\\.')}/`));
      const browser = await get('/f/agir', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `https://${HOST}` },
        body: urlEncoded({ ...validSubmissions.agir, email: 'autre@exemple.fr' }),
      });
      expect(browser.status).toBe(303);
      // Open to the loopback on the server itself, closed through the proxy.
      expect((await get('/_metriques')).status).toBe(404);
    });

    it('the proxy kept no visitor address, whatever went wrong', async () => {
      await get('/x'.repeat(3000)); // a long address
      // Too large: the proxy may answer and close before reading it all.
      await get('/f/agir', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'a'.repeat(200_000) }).catch(
        () => undefined,
      );
      await app?.close();
      app = undefined;
      await get('/apres-arret/'); // an upstream failure again, after the server stopped
      const logs = proxy.logs();
      expect(logs).not.toContain('client:');
      expect(logs).not.toContain('remote_ip');
      expect(logs).not.toContain('127.0.0.1');
    });
  });
}
