/**
 * Issue 22, item 1: what the build refuses, the editor refuses first. A save from /admin/ goes to POST
 * /admin/verifier (src/admin/verifier.ts), which runs every check of the build with the proposed file in place of
 * the real content/ (src/lib/content-checks/proposal.ts): the same French lines as `npm run check:content`, only
 * the problems the change adds.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { answerProposal, checkProposal } from '../../src/lib/content-checks/proposal.ts';

const content = fileURLToPath(new URL('../../content/', import.meta.url));
const fiche = (file: string) => {
  const [, front, body] = readFileSync(path.join(content, file), 'utf8').split(/^---$/m);
  return { ...(parse(front!) as Record<string, unknown>), body: body!.trim() } as Record<string, unknown>;
};
const nadia = fiche('referents/centre-1.md');
const permanence = (changes: Record<string, unknown>) => ({
  ...nadia,
  permanences: [{ ...(nadia.permanences as Record<string, unknown>[])[0], ...changes }],
});

describe('the editor’s check before a save', () => {
  it('lets an unchanged entry, and a correct change, be saved', async () => {
    expect(await checkProposal(content, { path: 'content/referents/centre-1.md', data: nadia })).toEqual([]);
    expect(
      await checkProposal(content, { path: 'content/referents/centre-1.md', data: permanence({ creneau: '09:30-12:00' }) }),
    ).toEqual([]);
  });

  it('refuses a time that does not exist, naming the field and giving an example', async () => {
    const problems = await checkProposal(content, {
      path: 'content/referents/centre-1.md',
      data: permanence({ creneau: '14h-25h' }),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^cette fiche, ligne \d+, champ « Permanences n° 1 › Horaire » : .*« 14h-25h »/);
    expect(problems[0]).toMatch(/par exemple \d\d:\d\d-\d\d:\d\d/);
  });

  it('refuses a place that does not exist, and a referent « en poste » without a first name', async () => {
    const lieu = await checkProposal(content, {
      path: 'content/referents/centre-1.md',
      data: permanence({ lieu: 'lieu-disparu' }),
    });
    expect(lieu.join('\n')).toContain('lieu-disparu');
    const sansPrenom = { ...nadia, prenom: undefined };
    const prenom = await checkProposal(content, { path: 'content/referents/centre-1.md', data: sansPrenom });
    expect(prenom.length).toBeGreaterThan(0);
    expect(prenom.every((p) => p.startsWith('cette fiche'))).toBe(true);
  });

  it('checks form settings too: a malformed address is refused', async () => {
    const settings = parse(readFileSync(path.join(content, 'formulaires/contact-referent.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    const problems = await checkProposal(content, {
      path: 'content/formulaires/contact-referent.yaml',
      data: { ...settings, destinataires: ['referents@'] },
    });
    expect(problems).toEqual([expect.stringMatching(/^cette fiche, .*champ « Destinataires n° 1 » : adresse e-mail attendue/)]);
  });

  it('refuses to delete an entry others name, listing them; lets an unnamed one go', async () => {
    const problems = await checkProposal(content, { supprimer: ['content/lieux/cleunay-espace-social.md'] });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /^content\/[a-z-]+\/[a-z0-9-]+\.md, .*« cleunay-espace-social » n'existe pas/.test(p))).toBe(
      true,
    );
    expect(problems.join('\n')).toContain('content/referents/cleunay-arsenal-redon-1.md');
  });

  it('answers a request it cannot read, in French', async () => {
    expect(await answerProposal(content, '{')).toEqual({
      status: 400,
      problemes: ['La demande de vérification est illisible : du JSON est attendu.'],
    });
    expect((await answerProposal(content, JSON.stringify({ path: '../package.json', data: {} }))).problemes[0]).toMatch(
      /n’est pas un fichier de content\//,
    );
  });
});

describe('POST /admin/verifier on the Node server', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'verifier-'));
    server = await startServer({ dbPath: path.join(dir, 'db.sqlite'), mode: 'demonstration', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('in demonstration (`npm start`, where the editor runs): the proposal’s problems', async () => {
    const answer = await fetch(`${server.url}/admin/verifier`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: 'content/referents/centre-1.md', data: permanence({ creneau: '14h-25h' }) }),
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { problemes: string[] }).problemes).toHaveLength(1);
  });
});
