/**
 * Issue 20, item 7: the nginx configuration of EXPLOITATION.md (path b, step 5), as written there, run by
 * Debian's nginx on loopback in front of the real Node server: with the server down, the fallback page with
 * the emergency numbers (503); with it up, forms post through it and the JSON `next` is https; no visitor
 * address in nginx's logs. Only the ports, the certificate (self-signed, made here) and the paths are
 * replaced, each checked to be in the guide. Skipped loudly without nginx; an error in CI (.ci/run installs it).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const NGINX = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p));
const HOST = 'fabrique-solidarites.rennes.fr';
if (!NGINX) {
  if (process.env.CI === 'true') throw new Error('nginx manque en CI : .ci/run installe nginx-light.');
  console.warn('\n!!! nginx-proxy.test.ts SAUTÉ : nginx absent (apt-get install nginx-light).\n');
}

/** The guide's nginx block (path b, step 5), unindented. */
export function guideNginx(): string {
  const guide = readFileSync(path.join(root, 'functions/EXPLOITATION.md'), 'utf8');
  const step = guide.slice(guide.indexOf('5. **Proxy TLS**'));
  const block = /```nginx\n([\s\S]*?)\n\s*```/.exec(step)?.[1];
  if (!block) throw new Error('EXPLOITATION.md : bloc nginx introuvable à l’étape 5 du chemin b');
  return block.replace(/^ {3}/gm, '');
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** An https request to nginx on loopback, as a browser for HOST would make it (SNI, Host, the test's certificate). */
function https(
  port: number,
  ca: string,
  pathname: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
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
    },
  );
}

describe.skipIf(!NGINX)('the guide’s nginx in front of the Node server', () => {
  let dir: string;
  let nginx: ChildProcess;
  let app: RunningServer | undefined;
  let tlsPort: number;
  let appPort: number;
  let ca: string;
  let dist: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nginx-'));
    // nginx's workers run as nobody when the tests run as root (CI): they must read the site and the logs' folder.
    chmodSync(dir, 0o755);
    dist = path.join(dir, 'dist');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="fr"><title>Accueil</title><h1>Accueil</h1></html>');
    writeFileSync(path.join(dist, FALLBACK_PAGE), fallbackPage());
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', `/CN=${HOST}`, '-addext', `subjectAltName=DNS:${HOST}`,
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    ], { stdio: 'ignore' }); // prettier-ignore
    ca = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    [tlsPort, appPort] = [await freePort(), await freePort()];
    const httpPort = await freePort();

    let site = guideNginx();
    const replace = (from: string, to: string) => {
      expect(site, `le bloc nginx du guide ne contient plus « ${from} »`).toContain(from);
      site = site.replaceAll(from, to);
    };
    replace('listen 443 ssl http2;', `listen 127.0.0.1:${tlsPort} ssl http2;`);
    replace('listen 80;', `listen 127.0.0.1:${httpPort};`);
    replace(`/etc/letsencrypt/live/${HOST}/fullchain.pem`, path.join(dir, 'cert.pem'));
    replace(`/etc/letsencrypt/live/${HOST}/privkey.pem`, path.join(dir, 'key.pem'));
    replace('/var/log/nginx/fabrique-erreurs.log', path.join(dir, 'fabrique-erreurs.log'));
    replace('/srv/fabrique/app/dist', dist);
    replace('http://127.0.0.1:4321', `http://127.0.0.1:${appPort}`);
    // Debian's nginx.conf around it: its general error log at its default level (error).
    writeFileSync(
      path.join(dir, 'nginx.conf'),
      `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/general.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
${site}
}
`,
    );
    nginx = spawn(NGINX!, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'general.log')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    nginx.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; ; i++) {
      try {
        await https(tlsPort, ca, '/');
        break;
      } catch (error) {
        if (i > 100 || nginx.exitCode !== null) throw new Error(`nginx ne démarre pas : ${stderr}`, { cause: error });
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await new Promise((r) => nginx.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('server down: the fallback page with every emergency number, for a page and for a form post; 503, not cached', async () => {
    const page = await https(tlsPort, ca, '/quartiers/');
    expect(page.status).toBe(503);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    for (const u of URGENCES) expect(page.body).toContain(`href="${u.lien}"`);
    expect(page.body).toContain('momentanément indisponible');
    const post = await https(tlsPort, ca, '/f/agir', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `https://${HOST}` },
      body: urlEncoded(validSubmissions.agir),
    });
    expect(post.status).toBe(503);
    expect(post.body).toContain('href="tel:3919"');
    // The fallback is reached only through error_page (internal): asked by name, nginx says 404.
    expect((await https(tlsPort, ca, `/${FALLBACK_PAGE}`)).status).toBe(404);
  });

  it('server up: a form posts through the proxy, `next` is https, the metrics stay inside', async () => {
    app = await startServer({
      port: appPort,
      dbPath: path.join(dir, 'db.sqlite'),
      distDir: dist,
      origins: [`https://${HOST}`],
      trustedProxies: ['127.0.0.1'],
      mode: 'demonstration',
    });
    expect((await https(tlsPort, ca, '/')).body).toContain('<h1>Accueil</h1>');
    const json = await https(tlsPort, ca, '/f/agir', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: `https://${HOST}` },
      body: urlEncoded(validSubmissions.agir),
    });
    expect(json.status).toBe(200);
    const answer = JSON.parse(json.body) as { ok: boolean; next: string };
    expect(answer.ok).toBe(true);
    expect(answer.next).toMatch(new RegExp(`^https://${HOST.replaceAll('.', '\\.')}/`));
    const browser = await https(tlsPort, ca, '/f/agir', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: `https://${HOST}` },
      body: urlEncoded({ ...validSubmissions.agir, email: 'autre@exemple.fr' }),
    });
    expect(browser.status).toBe(303);
    // Open to the loopback on the server itself, closed through the proxy.
    expect((await https(tlsPort, ca, '/_metriques')).status).toBe(404);
  });

  it('nginx kept no visitor address: no access log, and nothing in its error logs', async () => {
    await app?.close();
    app = undefined;
    await https(tlsPort, ca, '/apres-arret/'); // an upstream failure again, after the server stopped
    const logs = ['fabrique-erreurs.log', 'general.log']
      .map((f) => path.join(dir, f))
      .filter((f) => existsSync(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(logs).not.toContain('client:');
    expect(logs).not.toContain('127.0.0.1');
    expect(existsSync(path.join(dir, 'logs/access.log'))).toBe(false);
  });
});
