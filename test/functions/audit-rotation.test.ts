/**
 * Issue 20: audit.log rotated by Debian's logrotate with the guide's block (EXPLOITATION.md, « Le journal d’audit
 * et sa rotation »), as written there but for the path and the account. Rotated twice with erasures before,
 * between and after; the journals stay 0600 and the writer's own; a backup carries a copy of each; after a
 * restore, `reeffacer` erases again what every journal lists, the one erased before the first rotation included.
 * Skipped loudly without logrotate; an error in CI (.ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, auditJournals } from '../../functions/staff/audit.ts';
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';
import { substitute } from './proxy-checks.ts';
import { storedIds } from './sqlite-ids.ts';

const root = path.resolve(import.meta.dirname, '../..');
const LOGROTATE = ['/usr/sbin/logrotate', '/sbin/logrotate', '/usr/bin/logrotate'].find((p) => existsSync(p));
if (!LOGROTATE) {
  if (process.env.CI === 'true') throw new Error('logrotate manque en CI : .ci/run installe le paquet logrotate.');
  console.warn('\n!!! audit-rotation.test.ts SAUTÉ en partie : logrotate absent (apt-get install logrotate).\n');
}

/** The guide's /etc/logrotate.d/fabrique block. */
function guideLogrotate(): string {
  const guide = readFileSync(path.join(root, 'functions/EXPLOITATION.md'), 'utf8');
  const block = /```conf\n(# \/etc\/logrotate\.d\/fabrique\n[\s\S]*?)\n\s*```/.exec(guide)?.[1];
  if (!block) throw new Error('EXPLOITATION.md : bloc /etc/logrotate.d/fabrique introuvable');
  return block;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

describe('audit.log rotated by logrotate', () => {
  it('lists rotated journals by logrotate’s names only, oldest first', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'journaux-'));
    try {
      const names = ['audit.log.1', 'audit.log.2.gz', 'audit.log.10.gz', 'audit.log-20270101.gz', 'audit.log-20270201'];
      for (const name of [...names, 'audit.log.avant-restauration', 'copie.sqlite.audit.log', 'audit.log.1.partiel'])
        writeFileSync(path.join(dir, name), '');
      const audit = path.join(dir, 'audit.log');
      expect(auditJournals(audit)).toEqual(
        ['audit.log-20270101.gz', 'audit.log-20270201', 'audit.log.10.gz', 'audit.log.2.gz', 'audit.log.1', 'audit.log'].map(
          (f) => path.join(dir, f),
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(LOGROTATE)(
    'rotated twice: journals 0600 and the service’s, all in the backup; reeffacer finds an erasure from before the rotations',
    async () => {
      h = await makeHarness({ backend: 'sqlite' });
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await h.postForm('agir', urlEncoded({ ...validSubmissions.agir, message: `Message ${i}` }), {
          accept: 'application/json',
          'x-test-client': `198.51.100.${i}`,
        });
        expect(res.status).toBe(200);
        ids.push(((await res.json()) as { id: string }).id);
      }
      const audit = path.join(h.dir, 'audit.log');
      const run = (...argv: string[]) =>
        submissionsCommand([...argv, '--audit', audit, ...(argv.includes('--db') ? [] : ['--db', h!.dbFile])], {
          now: NOW,
          user: 'exploitant',
          env: {},
        });
      const user = execFileSync('id', ['-un'], { encoding: 'utf8' }).trim();
      const group = execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim();
      const conf = path.join(h.dir, 'logrotate.conf');
      writeFileSync(
        conf,
        substitute(guideLogrotate(), [
          ['/srv/fabrique/data/audit.log', audit],
          ['su fabrique fabrique', `su ${user} ${group}`],
        ]),
        { mode: 0o644 },
      );
      // --force: the month is not over; the state file is the test's own.
      const rotate = () =>
        execFileSync(LOGROTATE!, ['--force', '--state', path.join(h!.dir, 'logrotate.state'), conf], { encoding: 'utf8' });
      const owned = (file: string) => {
        const st = statSync(file);
        expect(st.mode & 0o777, file).toBe(0o600);
        expect(st.uid, file).toBe(process.getuid!());
      };

      const before = path.join(h.dir, 'avant.sqlite');
      expect((await run('sauvegarde', '--out', before)).code).toBe(0);
      // Erased, then rotated twice (a line between, or notifempty skips it): audit.log.2.gz holds that erasure.
      expect((await run('delete', ids[0]!)).code).toBe(0);
      rotate();
      expect(existsSync(audit)).toBe(false); // nocreate: the next line makes it
      expect((await run('delete', ids[1]!)).code).toBe(0);
      owned(audit);
      rotate();
      expect(
        readdirSync(h.dir)
          .filter((f) => f.startsWith('audit.log'))
          .sort(),
      ).toEqual(['audit.log.1', 'audit.log.2.gz']);
      owned(`${audit}.1`);
      owned(`${audit}.2.gz`);
      expect(gunzipSync(readFileSync(`${audit}.2.gz`)).toString()).toContain(ids[0]);
      expect(readFileSync(`${audit}.1`, 'utf8')).toContain(ids[1]);
      expect(auditJournals(audit)).toEqual([`${audit}.2.gz`, `${audit}.1`, audit]);
      // Nothing since the rotation: the archived journals alone are read.
      const copy = path.join(h.dir, 'copie.sqlite');
      copyFileSync(before, copy);
      expect((await run('reeffacer', '--db', copy)).out).toMatch(
        /^2 envoi\(s\) effacé\(s\) à nouveau .* et 2 journal\(aux\) archivé\(s\)/,
      );
      // The server's purge after the rotations, written as jobs.ts does: a new audit.log, 0600.
      appendAudit(audit, { at: NOW.toISOString(), action: 'purge', user: 'serveur', ids: [ids[2]!], keyIds: [] });
      owned(audit);

      // A backup now carries every journal, each 0600, beside the base.
      const after = path.join(h.dir, 'apres.sqlite');
      const saved = await run('sauvegarde', '--out', after);
      expect(saved.code).toBe(0);
      expect(saved.out).toContain(`Journal d’audit copié à côté : ${after}.audit.log (et 2 journal(aux) archivé(s)`);
      for (const suffix of ['', '.1', '.2.gz']) owned(`${after}.audit.log${suffix}`);
      expect(gunzipSync(readFileSync(`${after}.audit.log.2.gz`)).toString()).toContain(ids[0]);

      // Restored from the backup made before the erasures: the three came back, and are erased again.
      const restored = path.join(h.dir, 'restauree.sqlite');
      copyFileSync(before, restored);
      const left = () => storedIds(restored);
      expect(left()).toEqual([...ids].sort());
      const again = await run('reeffacer', '--db', restored);
      expect(again.err).toBe('');
      expect(again.out).toMatch(
        /^3 envoi\(s\) effacé\(s\) à nouveau \(revenus avec la sauvegarde, effacés d’après .* et 2 journal\(aux\) archivé\(s\)\)/,
      );
      expect(left()).toEqual(ids.slice(3).sort());
    },
  );
});
