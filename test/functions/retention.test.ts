/** Issue 5, step 6: expired submissions and their outbox rows are purged so the bytes leave the files. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, settings, type Harness } from './harness.ts';

const DAY = 86_400_000;
let h: Harness;
beforeEach(
  async () =>
    (h = await makeHarness({
      // agir kept 30 days here, e2c a year: one purge removes the first and keeps the second.
      settings: { agir: { ...settings.agir, conservation_jours: 30 }, e2c: { ...settings.e2c, conservation_jours: 365 } },
    })),
);
afterEach(() => h.cleanup());

const TRACE = 'trace-a-effacer-5581';
const fileBytes = () => Buffer.concat([h.dbFile, `${h.dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f)));
async function submitBoth() {
  const post = (key: 'agir' | 'e2c', values: Record<string, string | string[]>) =>
    h.postForm(key, urlEncoded(values), { accept: 'application/json' });
  expect((await post('agir', { ...validSubmissions.agir, message: `Bonjour ${TRACE}`, _subject: `Objet ${TRACE}` })).status).toBe(
    200,
  );
  expect((await post('e2c', validSubmissions.e2c)).status).toBe(200);
  expect(fileBytes().includes(Buffer.from(TRACE))).toBe(true);
}

describe('retention purge', () => {
  it('nothing goes before its retention ends', async () => {
    await submitBoth();
    expect(await h.store.purgeExpired(new Date(NOW.getTime() + 29 * DAY))).toBe(0);
    expect(h.count()).toEqual({ submissions: 2, outbox: 2 });
  });

  it('after it, the submission and its outbox row are gone, and their bytes are not in the file or the WAL', async () => {
    await submitBoth();
    expect(await h.store.purgeExpired(new Date(NOW.getTime() + 31 * DAY))).toBe(1);
    expect(h.rows('SELECT form_key FROM submissions')).toEqual([{ form_key: 'e2c' }]);
    expect(h.count()).toEqual({ submissions: 1, outbox: 1 });
    expect(fileBytes().includes(Buffer.from(TRACE))).toBe(false);
    // The kept submission is still whole.
    expect(fileBytes().includes(Buffer.from(validSubmissions.e2c.nom as string))).toBe(true);
  });

  it('the staff purge command does the same, and logs the ids it removed', async () => {
    await submitBoth();
    const audit = path.join(h.dir, 'journal.log');
    const result = await submissionsCommand(['purge', '--db', h.dbFile, '--audit', audit], {
      now: new Date(NOW.getTime() + 31 * DAY),
      user: 'agent',
      env: {},
    });
    expect(result).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^1 envoi\(s\) arrivé\(s\) en fin de conservation effacé\(s\)/),
    });
    expect(h.count()).toEqual({ submissions: 1, outbox: 1 });
    expect(fileBytes().includes(Buffer.from(TRACE))).toBe(false);
    const lines = readFileSync(audit, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as { action: string })).toEqual([expect.objectContaining({ action: 'purge' })]);
    expect(lines.join('')).not.toContain(TRACE);
  });
});
