/**
 * Issue 20, item 4: what an operator's monitoring reads. /_sante names the notification backlog and its
 * oldest age, the last purge and the release served; /_metriques speaks OpenMetrics to the addresses the
 * operator allows (loopback by default) and answers 404 to anyone else or through a proxy; every line the
 * server prints is one JSON object, page requests included, without an address. Real server, real SQLite,
 * Prometheus's own Python parser (Debian's python3-prometheus-client) when installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../functions/deps.ts';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { servedReleaseOf } from '../../functions/node/served-release.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';

const root = path.resolve(import.meta.dirname, '../..');
let server: RunningServer | undefined;
let dir: string;
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Built two hours ago (real time: a release's age is real, whatever day the tests pin). */
const BUILT_AT = new Date(Date.now() - 2 * 3_600_000).toISOString();
/** A tiny built site: a home page and the build's stamp. */
function tinySite(): string {
  const dist = path.join(dir, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="fr"><title>Accueil</title><h1>Accueil</h1></html>');
  writeFileSync(path.join(dist, 'fabrique-build.json'), JSON.stringify({ mode: 'demonstration', builtAt: BUILT_AT }));
  return dist;
}

async function serve(extra: Partial<Parameters<typeof startServer>[0]> = {}) {
  dir = mkdtempSync(path.join(tmpdir(), 'monitoring-'));
  let t = Date.parse('2027-01-15T10:00:00Z');
  const clock = { now: () => new Date(t), advance: (ms: number) => (t += ms) };
  const logs: LogEntry[] = [];
  server = await startServer({
    dbPath: path.join(dir, 'db.sqlite'),
    distDir: tinySite(),
    clock,
    mode: 'demonstration',
    log: (e) => logs.push(e),
    ...extra,
  });
  return { s: server, clock, logs };
}
const post = (s: RunningServer, key: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${s.url}/f/${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: s.url, ...headers },
    body,
  });
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5_000): Promise<T> {
  const deadline = performance.now() + ms;
  let v = await read();
  while (!ok(v) && performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}

describe('/_sante', () => {
  it('says the backlog and its oldest age, the last purge and the release served; nothing personal', async () => {
    const { s, clock } = await serve();
    const agir = validSubmissions.agir;
    expect((await post(s, 'agir', urlEncoded(agir))).status).toBe(200);
    clock.advance(3_600_000); // no mailer: the notification has waited an hour
    const answer = await until(
      async () => (await fetch(`${s.url}/_sante`)).json() as Promise<Record<string, unknown>>,
      (b) => b.purge !== null,
    );
    expect(answer).toEqual({
      ok: true,
      stockage: 'inscriptible',
      notifications: { en_attente: 1, en_echec: 0, plus_ancienne_s: 3600 },
      purge: { a: expect.any(String), resultat: 'ok', effaces: 0 },
      version: { source: 'construction', mode: 'demonstration', construite_le: BUILT_AT, age_s: expect.any(Number) },
    });
    expect((answer.version as { age_s: number }).age_s).toBeGreaterThanOrEqual(7_200);
    const text = JSON.stringify(answer);
    for (const personal of [agir.email, agir.nom, '127.0.0.1']) expect(text).not.toContain(personal);
  });

  it('a release archive is named by its manifest, with the stamp of the pages served now', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'monitoring-'));
    const stamp = { mode: 'production' as const, builtAt: '2027-01-16T02:10:00.000Z' };
    expect(servedReleaseOf(dir, () => stamp)()).toEqual({ source: 'construction', ...stamp });
    writeFileSync(
      path.join(dir, 'fabrique-release.json'),
      JSON.stringify({ version: '0.1.0', commit: 'abcdef123456', mode: 'production', builtAt: BUILT_AT }),
    );
    expect(servedReleaseOf(dir, () => stamp)()).toEqual({
      source: 'manifeste',
      version: '0.1.0',
      commit: 'abcdef123456',
      ...stamp,
    });
    expect(servedReleaseOf(dir, () => undefined)()).toMatchObject({ source: 'manifeste', builtAt: BUILT_AT });
  });
});

/** Prometheus's parser (python3-prometheus-client), when installed: the families it reads, or why not. */
function parsedByPrometheus(text: string): { families?: Record<string, { type: string; samples: number }>; missing?: string } {
  const script = `
import sys, json
from prometheus_client.openmetrics.parser import text_string_to_metric_families
out = {f.name: {"type": f.type, "samples": len(f.samples)} for f in text_string_to_metric_families(sys.stdin.read())}
print(json.dumps(out))`;
  // Debian's python3 first: another python3 earlier in PATH (pyenv) lacks Debian's module.
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const run = spawnSync(python, ['-c', script], { input: text, encoding: 'utf8' });
  if (run.status !== 0 && /No module named|ENOENT/.test(`${run.stderr}${run.error?.message ?? ''}`))
    return { missing: 'python3-prometheus-client' };
  if (run.status !== 0) throw new Error(`OpenMetrics refusé par le parseur de Prometheus : ${run.stderr}`);
  return { families: JSON.parse(run.stdout) as Record<string, { type: string; samples: number }> };
}

describe('/_metriques', () => {
  it('OpenMetrics from loopback: counts by outcome (even those not yet written), backlog, purge, release', async () => {
    const { s } = await serve();
    await post(s, 'agir', urlEncoded(validSubmissions.agir));
    await post(s, 'agir', 'nom=Yann&email=pas-une-adresse');
    await until(
      async () => (await fetch(`${s.url}/_sante`)).json() as Promise<{ purge: unknown }>,
      (b) => b.purge !== null,
    );
    const res = await fetch(`${s.url}/_metriques`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toContain('fabrique_envois_total{issue="accepte"} 1\n');
    expect(text).toContain('fabrique_envois_total{issue="invalide"} 1\n');
    expect(text).toContain('fabrique_notifications_en_attente 1\n');
    expect(text).toContain('fabrique_stockage_inscriptible 1\n');
    expect(text).toContain('fabrique_purge_resultat{resultat="ok"} 1\n');
    expect(text).toContain(`fabrique_construction_timestamp_seconds ${Date.parse(BUILT_AT) / 1000}\n`);
    expect(text).toContain('fabrique_version_info{source="construction",mode="demonstration"} 1\n');
    expect(text.endsWith('# EOF\n')).toBe(true);
    expect(text).not.toContain('yann@exemple.fr');
    // Every line is a comment, or a name, optional labels and a number.
    for (const line of text.trimEnd().split('\n'))
      expect(line).toMatch(/^(# (TYPE|HELP) [a-z_]+ .+|# EOF|[a-z_]+(\{[a-z_]+="[^"\n]*"(,[a-z_]+="[^"\n]*")*\})? -?[\d.e+]+)$/);
    const parsed = parsedByPrometheus(text);
    if (parsed.missing) {
      if (process.env.CI === 'true') throw new Error('python3-prometheus-client manque en CI (.ci/run l’installe).');
      console.warn(`\n!!! /_metriques : format non vérifié par le parseur de Prometheus (${parsed.missing} absent).\n`);
    } else {
      expect(parsed.families).toMatchObject({
        fabrique_envois: { type: 'counter', samples: 2 },
        fabrique_version: { type: 'info', samples: 1 },
        fabrique_notification_plus_ancienne_secondes: { type: 'gauge', samples: 1 },
      });
    }
  });

  it('404 through a proxy, and from an address the operator did not list', async () => {
    const first = await serve();
    const relayed = await fetch(`${first.s.url}/_metriques`, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(relayed.status).toBe(404);
    expect(await relayed.text()).not.toContain('fabrique_');
    await server!.close();
    rmSync(dir, { recursive: true, force: true });
    const other = await serve({ metricsAllowed: ['10.0.0.0/8'] });
    expect((await fetch(`${other.s.url}/_metriques`)).status).toBe(404);
    await server!.close();
    rmSync(dir, { recursive: true, force: true });
    const listed = await serve({ metricsAllowed: ['10.0.0.0/8', '127.0.0.0/8'] });
    expect((await fetch(`${listed.s.url}/_metriques`)).status).toBe(200);
  });
});

describe('the log', () => {
  it('pages, files, health checks and the inbox get a line each: a route, never a query, an id or an address', async () => {
    const { s, logs } = await serve();
    await fetch(`${s.url}/`);
    await fetch(`${s.url}/fabrique-build.json`);
    await fetch(`${s.url}/personne@exemple.fr?telephone=0600000001`);
    await fetch(`${s.url}/_sante`);
    await fetch(`${s.url}/equipe/invitation/jeton-secret-de-claire`);
    await post(s, 'agir', urlEncoded(validSubmissions.agir));
    const pages = logs.filter((l) => l.route !== '/f/:formKey');
    expect(pages).toEqual([
      { method: 'GET', route: '/', status: 200, ms: expect.any(Number) },
      { method: 'GET', route: '/fabrique-build.json', status: 200, ms: expect.any(Number) },
      { method: 'GET', route: '(introuvable)', status: 404, ms: expect.any(Number) },
      { method: 'GET', route: '/_sante', status: 200, ms: expect.any(Number) },
      { method: 'GET', route: '/equipe/invitation/…', status: expect.any(Number), ms: expect.any(Number) },
    ]);
    // The form post is logged once, by the forms' own line with its outcome.
    expect(logs.filter((l) => l.route === '/f/:formKey')).toHaveLength(1);
    const text = JSON.stringify(logs);
    for (const personal of ['personne@exemple.fr', '0600000001', 'jeton-secret', '127.0.0.1'])
      expect(text).not.toContain(personal);
  });

  it('npm run serve prints one JSON object per line, a refused setting included', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'monitoring-'));
    const env = {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      DB_PATH: path.join(dir, 'db.sqlite'),
      FABRIQUE_DEMONSTRATION: 'oui',
    };
    const refused = spawnSync(process.execPath, ['functions/node.ts'], {
      cwd: root,
      env: { ...env, METRICS_ALLOWED: 'partout' },
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    const line = JSON.parse(refused.stderr.trim()) as { niveau: string; message: string; erreurs: string[] };
    expect(line.niveau).toBe('erreur');
    expect(line.erreurs).toEqual([expect.stringMatching(/^METRICS_ALLOWED : « partout » n’est ni une adresse IP ni un réseau/)]);

    const child = spawn(process.execPath, ['functions/node.ts'], { cwd: root, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const url = await until(
        async () => /servis sur (http:\/\/[^/\s]+)\//.exec(out)?.[1],
        (u) => u !== undefined,
        20_000,
      );
      expect(url).toBeDefined();
      await fetch(`${url}/`);
      await fetch(`${url}/introuvable?email=personne@exemple.fr`);
      await fetch(`${url}/_sante`);
      await post({ url: url! } as RunningServer, 'agir', urlEncoded(validSubmissions.agir));
      await until(
        async () => out.split('\n').filter((l) => l.includes('"route"')).length,
        (n) => n >= 4,
      );
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    const lines = out.trim().split('\n');
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.every((p) => typeof p.at === 'string')).toBe(true);
    const requests = parsed.filter((p) => 'route' in p);
    expect(requests.map((r) => r.route)).toEqual(expect.arrayContaining(['(introuvable)', '/_sante', '/f/:formKey']));
    // The only address printed is the server's own, in its start message.
    expect(lines.filter((l) => l.includes('127.0.0.1')).every((l) => l.includes('servis sur'))).toBe(true);
    expect(out).not.toContain('personne@exemple.fr');
  }, 40_000);
});
