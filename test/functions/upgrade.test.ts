/**
 * Upgrades from the previous release to this one (issue 20, item 3; functions/EXPLOITATION.md, « Mettre à jour
 * vers une nouvelle version »). The previous release is the code just before the last schema change, taken from
 * git (previous-release.ts), run as the guide runs it (`node functions/node.ts`, settings in the environment).
 * SQLite: the old server stores submissions, stops; the new one starts on the same file, migrates, and every
 * submission reads back. PostgreSQL: two old instances behind a load balancer (the test's), upgraded one at a
 * time (taken out of the pool, stopped, started on the new code, back in) while form posts never stop: no post
 * fails and every acknowledged one is stored — the old instance keeps serving on the migrated schema. All in CI
 * (issue 20: the upgrade on each path). D1: the previous release's
 * store writes between `wrangler d1 migrations apply` and `wrangler deploy`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { D1Store, migrateD1 } from '../../functions/store/d1.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { localD1 } from './local-d1.ts';
import { freshDatabase, noPostgres as checkPostgres } from './postgres-server.ts';
import { codeAt, previousArchiveCommit, previousRelease, root, startNodeServer, type NodeServer } from './previous-release.ts';
import { submission } from './store-contract.ts';

const noPostgres = await checkPostgres();
const previous = previousRelease();
console.log(
  `mise à jour essayée : ${previous.commit.slice(0, 12)} (schéma ${previous.migrations}) → cette version (schéma ${previous.current})`,
);

let dir: string;
beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'mise-a-jour-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A clear (contact) or sealed (demande-aide) submission; the id once acknowledged, or why it failed. */
async function post(url: string, i: number): Promise<{ id?: string; failure?: string }> {
  const form = i % 2 ? 'demande-aide' : 'contact';
  try {
    const res = await fetch(`${url}/f/${form}`, {
      method: 'POST',
      headers: { origin: url, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: urlEncoded({ ...validSubmissions[form], message: `Message numéro ${i}`, _idempotency: `mise-a-jour-${i}` }),
    });
    const text = await res.text();
    if (res.status !== 200) return { failure: `${form} n° ${i} : ${res.status} ${text.slice(0, 200)}` };
    return { id: (JSON.parse(text) as { id: string }).id };
  } catch (error) {
    return { failure: `${form} n° ${i} : ${(error as Error).message}` };
  }
}

/** `n` posts to a server, each acknowledged: their ids. */
async function postAll(url: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await post(url, i);
    expect(r.failure).toBeUndefined();
    ids.push(r.id!);
  }
  return ids;
}

const staff = (argv: string[]) =>
  submissionsCommand([...argv, '--audit', path.join(dir, 'audit-personnel.log')], { now: NOW, user: 'exploitant', env: {} });

describe('SQLite: the previous release’s server stops, this one starts on the same file', () => {
  it('migrates the file and every submission the old server stored reads back', async () => {
    const db = path.join(dir, 'sqlite', 'submissions.sqlite');
    const env = { DB_PATH: db, FORMS_RATE_LIMIT: '1000000' };
    mkdirSync(path.dirname(db));
    const old = await startNodeServer(previous.dir, env);
    let ids: string[];
    try {
      ids = await postAll(old.url, 10);
    } finally {
      await old.stop();
    }
    const version = () => {
      const file = new DatabaseSync(db, { readOnly: true });
      const v = (file.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
      file.close();
      return v;
    };
    expect(version()).toBe(previous.migrations);

    const upgraded = await startNodeServer(root, env);
    try {
      expect(version()).toBe(previous.current);
      expect((await fetch(`${upgraded.url}/_sante`)).status).toBe(200);
      const after = await post(upgraded.url, 10);
      expect(after.failure).toBeUndefined();
      ids.push(after.id!);
    } finally {
      await upgraded.stop();
    }
    // Read with this release's staff command: every id, a clear one's content.
    const list = await staff(['list', '--db', db]);
    expect(list.code).toBe(0);
    for (const id of ids) expect(list.out).toContain(id);
    const shown = await staff(['show', ids[0]!, '--db', db]);
    expect(shown.out).toContain('Message numéro 0');
  }, 60_000);
});

/**
 * The guide's archive procedure (EXPLOITATION.md, path b, step 2, and « Mettre à jour », b): each release's
 * archive made by its own `npm run release` (the previous one's tooling, from git; built pages here are a tiny
 * site stamped with each release's content hash, as its build would), checked with sha256sum, unpacked into
 * versions/ and put in service by the /srv/fabrique/app link; `node server.js` started from that link.
 */
describe('SQLite, from the previous release’s archive to this one’s (the guide’s archive procedure)', () => {
  it('the link moved to the new archive: it migrates, serves its version, its staff command reads every post; moved back, the old one serves', async () => {
    const from = previousArchiveCommit();
    const oldCode = codeAt(from.commit);
    console.log(
      `archive essayée : ${from.commit.slice(0, 12)} (schéma ${from.migrations}) → cette version (schéma ${from.current})`,
    );
    const srv = path.join(dir, 'archives');
    mkdirSync(path.join(srv, 'versions'), { recursive: true });
    const node = path.join(root, 'node_modules/.bin/node');
    const sh = (script: string, ...args: string[]) =>
      execFileSync('bash', ['-euo', 'pipefail', '-c', script, 'guide', ...args], { cwd: srv, encoding: 'utf8' });

    /** `npm run release` of a source folder, on a tiny built site stamped with that source's content hash. */
    const archiveOf = (source: string, label: string, ...flags: string[]) => {
      const hash = execFileSync(
        node,
        [
          '--input-type=module',
          '-e',
          `const { folderHash } = await import(${JSON.stringify(pathToFileURL(path.join(source, 'functions/content-hash.ts')).href)});
process.stdout.write(folderHash(${JSON.stringify(path.join(source, 'content'))}));`,
        ],
        { encoding: 'utf8' },
      );
      const dist = path.join(dir, `site-${label}`);
      mkdirSync(dist);
      writeFileSync(path.join(dist, 'index.html'), `<!doctype html><html lang="fr"><title>${label}</title></html>`);
      writeFileSync(
        path.join(dist, 'fabrique-build.json'),
        JSON.stringify({ mode: 'demonstration', builtAt: '2027-01-15T03:10:00.000Z', contentHash: hash }),
      );
      const out = path.join(dir, `archive-${label}`);
      execFileSync(node, [path.join(source, 'functions/release.ts'), '--dist', dist, '--out', out, ...flags], {
        cwd: source,
        encoding: 'utf8',
      });
      const archive = readdirSync(out).find((f) => f.endsWith('.tar.gz'))!;
      return { out, archive, name: archive.replace(/\.tar\.gz$/, '') };
    };
    // The guide's lines: checked, unpacked as root-owned files, the link moved.
    const install = ({ out, archive, name }: ReturnType<typeof archiveOf>) =>
      sh(
        'cd "$1" && sha256sum -c "$2.sha256" && cd "$3/versions" && tar --no-same-owner -xzf "$1/$2" && ln -sfn "$3/versions/$4" "$3/app"',
        out,
        archive,
        srv,
        name,
      );
    const app = path.join(srv, 'app');
    const db = path.join(srv, 'data', 'submissions.sqlite');
    mkdirSync(path.dirname(db));
    const env = { DB_PATH: db, FORMS_RATE_LIMIT: '1000000' };
    const serve = () => startNodeServer(app, env, 'server.js');
    const health = async (url: string) =>
      (await (await fetch(`${url}/_sante`)).json()) as { ok: boolean; version: { commit: string; source: string } };
    const schema = () => {
      const file = new DatabaseSync(db, { readOnly: true });
      const v = (file.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
      file.close();
      return v;
    };

    const previousArchive = archiveOf(oldCode, 'precedente');
    install(previousArchive);
    let ids: string[];
    const old = await serve();
    try {
      expect((await health(old.url)).ok).toBe(true);
      ids = await postAll(old.url, 6);
    } finally {
      await old.stop();
    }
    expect(schema()).toBe(from.migrations);

    // --modifie: this checkout may hold work in progress (release.test.ts tests the refusal).
    const next = archiveOf(root, 'nouvelle', '--modifie');
    install(next);
    const manifest = JSON.parse(readFileSync(path.join(app, 'fabrique-release.json'), 'utf8')) as { commit: string };
    expect(manifest.commit).toBe(
      execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
    );
    const upgraded = await serve();
    try {
      expect(schema()).toBe(from.current);
      expect(await health(upgraded.url)).toMatchObject({ ok: true, version: { source: 'manifeste', commit: manifest.commit } });
      const after = await post(upgraded.url, 6);
      expect(after.failure).toBeUndefined();
      ids.push(after.id!);
    } finally {
      await upgraded.stop();
    }
    // The new archive's own staff command (node submissions.js, no node_modules) reads every post.
    const list = execFileSync(
      node,
      [path.join(app, 'submissions.js'), 'list', '--db', db, '--audit', path.join(srv, 'data', 'audit.log')],
      {
        cwd: app,
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin' },
      },
    );
    for (const id of ids) expect(list).toContain(id);

    // Back to the previous code: the link moved back, the old release serves the same file (schema rules).
    sh('ln -sfn "$1/versions/$2" "$1/app"', srv, previousArchive.name);
    const back = await serve();
    try {
      // An older release may say less in /_sante (its version came later): that it serves, then takes a post.
      expect((await health(back.url)).ok).toBe(true);
      expect((await post(back.url, 7)).failure).toBeUndefined();
    } finally {
      await back.stop();
    }
  }, 180_000);
});

/** The test's load balancer: posts go round-robin to the instances in the pool, a few at a time, until stopped. */
class LoadBalancer {
  pool: NodeServer[] = [];
  inFlight = new Map<NodeServer, number>();
  ids: string[] = [];
  failures: string[] = [];
  served = new Map<string, number>();
  private n = 0;
  private running = true;
  private loops: Promise<void>[] = [];

  start(concurrency: number) {
    this.loops = Array.from({ length: concurrency }, () => this.loop());
  }

  private async loop() {
    while (this.running) {
      const target = this.pool[this.n % this.pool.length]!;
      const i = this.n++;
      this.inFlight.set(target, (this.inFlight.get(target) ?? 0) + 1);
      const r = await post(target.url, i);
      this.inFlight.set(target, this.inFlight.get(target)! - 1);
      if (r.failure) this.failures.push(r.failure);
      else {
        this.ids.push(r.id!);
        this.served.set(target.url, (this.served.get(target.url) ?? 0) + 1);
      }
    }
  }

  /** Takes an instance out of the pool and waits for the posts it is still answering (the balancer's drain). */
  async drain(s: NodeServer) {
    this.pool = this.pool.filter((p) => p !== s);
    while ((this.inFlight.get(s) ?? 0) > 0) await new Promise((r) => setTimeout(r, 10));
  }

  /** Waits until each given instance has answered `count` more posts. */
  async until(servers: NodeServer[], count: number) {
    const from = servers.map((s) => this.served.get(s.url) ?? 0);
    while (servers.some((s, k) => (this.served.get(s.url) ?? 0) < from[k]! + count)) {
      if (this.failures.length) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async stop() {
    this.running = false;
    await Promise.all(this.loops);
  }
}

// About 11 s (four server starts): in `npm run test:complet`; CI runs the SQLite case (3 s).
describe.skipIf(noPostgres)('PostgreSQL, two instances: a rolling upgrade under continuous form posts', () => {
  it('no post fails and every acknowledged post is stored; the old instance serves beside the new schema', async () => {
    const database = await freshDatabase();
    const env = {
      DATABASE_URL: database.url,
      FORMS_CLIENT_SECRET: 'secret-partage-des-instances-pendant-la-mise-a-jour',
      FORMS_RATE_LIMIT: '1000000',
      AUDIT_LOG: path.join(dir, 'audit-pg.log'),
    };
    const running: NodeServer[] = [];
    const lb = new LoadBalancer();
    const schema = async () => {
      const c = new pg.Client({ connectionString: database.url });
      await c.connect();
      try {
        return (await c.query<{ n: number }>('SELECT max(version)::int AS n FROM schema_migrations')).rows[0]!.n;
      } finally {
        await c.end();
      }
    };
    /** The guide's steps for one instance: out of the pool, stopped, started on the new code, checked, back in. */
    const upgrade = async (old: NodeServer) => {
      await lb.drain(old);
      await old.stop();
      const fresh = await startNodeServer(root, env);
      running.push(fresh);
      expect((await fetch(`${fresh.url}/_sante`)).status).toBe(200);
      lb.pool.push(fresh);
      return fresh;
    };
    try {
      const [a, b] = await Promise.all([startNodeServer(previous.dir, env), startNodeServer(previous.dir, env)]);
      running.push(a, b);
      expect(await schema()).toBe(previous.migrations);
      lb.pool = [a, b];
      lb.start(4);
      await lb.until([a, b], 5);

      // A on the new release migrates the schema while B, still the old release, keeps serving.
      const newA = await upgrade(a);
      expect(await schema()).toBe(previous.current);
      await lb.until([newA, b], 10);
      expect(lb.failures).toEqual([]);

      const newB = await upgrade(b);
      await lb.until([newA, newB], 5);
      await lb.stop();

      expect(lb.failures).toEqual([]);
      const c = new pg.Client({ connectionString: database.url });
      await c.connect();
      const stored = (await c.query<{ id: string }>('SELECT id FROM submissions')).rows.map((r) => r.id);
      await c.end();
      expect(stored.sort()).toEqual([...lb.ids].sort());
      // Readable by this release's staff command: a post answered by the old instance after the migration included.
      const list = await staff(['list', '--db', database.url]);
      expect(list.code).toBe(0);
      for (const id of lb.ids) expect(list.out).toContain(id);
      console.log(`mise à jour progressive : ${lb.ids.length} envois, ${lb.failures.length} en échec`);
    } finally {
      await lb.stop();
      await Promise.all(running.map((s) => s.stop()));
      await database.drop();
    }
  }, 90_000);
});

/**
 * (a) `npm run rebuild:worker` applies the D1 migrations, then deploys: in between, the previous Worker's store
 * works on the new schema. Its own code (the previous release's functions/store/d1.ts), on a local D1.
 */
describe('D1: the previous Worker’s store beside the new schema, between the migrations and the deployment', () => {
  it('writes on the migrated base; the new store reads every submission', async () => {
    type OldD1 = typeof import('../../functions/store/d1.ts');
    const old = (await import(path.join(previous.dir, 'functions/store/d1.ts'))) as OldD1;
    const { mf, db } = await localD1({ migrated: false });
    try {
      await old.migrateD1(db);
      const count = async () => (await db.prepare('SELECT count(*) AS n FROM d1_migrations').first<{ n: number }>())!.n;
      expect(await count()).toBe(previous.migrations);
      const team = { recipients: ['equipe@exemple.fr'] };
      await new old.D1Store(db).save(submission('avant-migration'), team);
      await migrateD1(db); // wrangler d1 migrations apply
      expect(await count()).toBe(previous.current);
      await new old.D1Store(db).save(submission('ancien-worker-apres-migration'), team); // before wrangler deploy
      const store = new D1Store(db);
      await store.save(submission('nouveau-worker'), team);
      const ids = await db.prepare('SELECT id FROM submissions ORDER BY id').all<{ id: string }>();
      expect(ids.results.map((r) => r.id)).toEqual(['ancien-worker-apres-migration', 'avant-migration', 'nouveau-worker']);
      expect((await store.dueNotifications(new Date('2027-02-01T00:00:00Z'), 10)).length).toBe(3);
    } finally {
      await mf.dispose();
    }
  }, 60_000);
});
