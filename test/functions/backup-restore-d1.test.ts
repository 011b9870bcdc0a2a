/**
 * The restore drill on the Worker's path (issue 20, item 6): a local D1 as `wrangler dev` keeps it (Miniflare,
 * workerd's storage), backed up with the staff command (`sauvegarde --d1 local`, which runs `wrangler d1
 * export`), then loaded into a new, empty local D1 with `wrangler d1 execute --file`, as the guide restores on
 * Cloudflare. The submissions (a sealed one byte for byte), the inbox's append-only audit trail, its staff and
 * the migrations D1 records all come back; a store opens on the restored base and takes a new submission
 * without running a migration again.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrangler } from '../../functions/staff/d1-db.ts';
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { D1Store, migrateD1 } from '../../functions/store/d1.ts';
import { d1Runner } from '../../functions/store/equipe-d1.ts';
import { SqlEquipeStore } from '../../functions/store/equipe-store.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { localD1Project } from './local-d1.ts';
import { submission } from './store-contract.ts';

let dir: string;
beforeAll(() => void (dir = mkdtempSync(path.join(tmpdir(), 'restauration-d1-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SEALED = {
  kind: 'sealed' as const,
  keyId: 'cle-essai',
  encapsulatedKey: new Uint8Array([1, 2, 3, 4]),
  ciphertext: new Uint8Array([9, 8, 7, 6, 5]),
};

describe('D1: wrangler d1 export of a local D1, restored into a new local D1', () => {
  it('submissions, the audit trail and the recorded migrations come back; the restored base takes new submissions', async () => {
    const source = localD1Project(dir, 'source', '00000000-0000-0000-0000-0000000000a1');
    {
      const { mf, db } = await source.open();
      await migrateD1(db);
      const store = new D1Store(db);
      await store.save(submission('essai-d1-clair'), { recipients: ['equipe@exemple.fr'] });
      await store.save(submission('essai-d1-scelle', { formKey: 'demande-aide', content: SEALED }), {
        recipients: ['equipe@exemple.fr'],
      });
      const equipe = new SqlEquipeStore(d1Runner(db));
      await equipe.audit({ at: '2027-01-15T10:00:00.000Z', staffId: 'personne-1', action: 'connexion' });
      await equipe.audit({ at: '2027-01-15T10:05:00.000Z', staffId: 'personne-1', action: 'deconnexion' });
      await mf.dispose();
    }

    const out = path.join(dir, 'fabrique.sql');
    const audit = path.join(dir, 'audit.log');
    // The export's private copy goes to this test's own temporary folder (os.tmpdir() reads TMPDIR): another file
    // counting the copies left in the system's /tmp (staff-backends.test.ts) never sees this one.
    const systemTmp = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    let saved;
    try {
      saved = await submissionsCommand(
        ['sauvegarde', '--d1', 'local', '--wrangler', source.config, '--out', out, '--audit', audit],
        {
          now: NOW,
          user: 'exploitant',
          env: {},
        },
      );
    } finally {
      if (systemTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = systemTmp;
    }
    expect(saved.err).toBe('');
    expect(saved).toMatchObject({ code: 0, out: expect.stringMatching(/^Sauvegarde écrite : .* \(2 envoi\(s\)\)/) });
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${out}.audit.log`, 'utf8')).toContain('"action":"sauvegarde"');

    // The guide's restore, on a new empty base: wrangler d1 execute --file.
    const target = localD1Project(dir, 'restauree', '00000000-0000-0000-0000-0000000000b2');
    expect(
      await wrangler(['d1', 'execute', 'DB', '--file', out, '-y'], { where: 'local', config: target.config }),
    ).toBeUndefined();

    const { mf, db } = await target.open();
    try {
      const ids = await db.prepare('SELECT id, form_key FROM submissions ORDER BY id').all<{ id: string; form_key: string }>();
      expect(ids.results).toEqual([
        { id: 'essai-d1-clair', form_key: 'agir' },
        { id: 'essai-d1-scelle', form_key: 'demande-aide' },
      ]);
      const sealed = await db
        .prepare("SELECT key_id, encapsulated_key, sealed FROM submissions WHERE id = 'essai-d1-scelle'")
        .first<{ key_id: string; encapsulated_key: ArrayBuffer | number[]; sealed: ArrayBuffer | number[] }>();
      expect(sealed!.key_id).toBe('cle-essai');
      expect([...new Uint8Array(sealed!.sealed as ArrayBuffer)]).toEqual([9, 8, 7, 6, 5]);
      expect([...new Uint8Array(sealed!.encapsulated_key as ArrayBuffer)]).toEqual([1, 2, 3, 4]);
      const trail = await new SqlEquipeStore(d1Runner(db)).auditLog(10);
      expect(trail.map((e) => e.action)).toEqual(['deconnexion', 'connexion']);
      // Still append-only after the restore.
      await expect(db.prepare('DELETE FROM audit').run()).rejects.toThrow(/ajout seulement/);
      const migrations = await db.prepare('SELECT count(*) AS n FROM d1_migrations').first<{ n: number }>();
      expect(migrations!.n).toBeGreaterThan(0);
      // The restored base serves: no migration to run again, a new submission stored with its notification.
      await migrateD1(db);
      expect((await db.prepare('SELECT count(*) AS n FROM d1_migrations').first<{ n: number }>())!.n).toBe(migrations!.n);
      await new D1Store(db).save(submission('essai-d1-apres'), { recipients: ['equipe@exemple.fr'] });
      expect((await db.prepare('SELECT count(*) AS n FROM outbox').first<{ n: number }>())!.n).toBe(3);
    } finally {
      await mf.dispose();
    }
  }, 90_000);
});
