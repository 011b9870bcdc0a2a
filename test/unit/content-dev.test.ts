/**
 * A content mistake never stops the dev server (issue 22): `astro dev` starts, prints the French line and
 * serves the pages without the refused file; fixing it brings the entry back without a restart, a new mistake
 * takes it out again. Real `astro dev` on a copy of the project (10–20 s: `npm run test:complet` only).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkAll } from '../../src/lib/content-checks/check-all.ts';
import { COMPLETE } from '../scope.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'test/fixtures/content');
const temps: string[] = [];
let server: ChildProcess | undefined;
afterAll(async () => {
  server?.kill();
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

/** A copy of a content tree that passes every check: the small fixture (with the real form settings) or the site's. */
async function contentCopy(source: 'fixture' | 'site'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'contenu-dev-'));
  temps.push(dir);
  const content = path.join(dir, 'content');
  await cp(source === 'fixture' ? fixture : path.join(root, 'content'), content, { recursive: true });
  if (source === 'fixture')
    await cp(path.join(root, 'content/formulaires'), path.join(content, 'formulaires'), { recursive: true });
  return content;
}

const REFERENT = 'referents/le-blosne-1.md';
const edit = async (content: string, from: string, to: string) => {
  const file = path.join(content, REFERENT);
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
};

describe('dev tolerance', () => {
  it('leaves out a refused file and, after it, the files naming it', async () => {
    const content = await contentCopy('fixture');
    await writeFile(
      path.join(content, 'quartiers/le-blosne.md'),
      (await readFile(path.join(content, 'quartiers/le-blosne.md'), 'utf8')).replace(/^numero:.*\n/m, ''),
    );
    const report = await checkAll(content, { today: '2026-12-04' });
    // The place is in the quartier, the training at the place, the referent in both: all out.
    expect([...report.refused].sort()).toEqual([
      'content/formations/creche.md',
      'content/lieux/salle-exemple.md',
      'content/quartiers/le-blosne.md',
      'content/referents/le-blosne-1.md',
    ]);
    expect(report.leftOut).toEqual([
      expect.objectContaining({
        file: 'content/formations/creche.md',
        message: 'laissé de côté lui aussi : il nomme « salle-exemple », laissé de côté ci-dessus',
      }),
    ]);
  });

  // 10 to 20 s on two busy cores: in `npm run test:complet`, not in CI (the check it relies on is tested above).
  it.runIf(COMPLETE)(
    'astro dev serves the site without the refused file, and takes it back once fixed',
    async () => {
      const content = await contentCopy('site');
      const project = path.dirname(content);
      // Sources copied (the dev server does not follow a linked src/), the rest linked.
      for (const name of ['src', 'public']) await cp(path.join(root, name), path.join(project, name), { recursive: true });
      for (const name of ['node_modules', 'package.json', 'tsconfig.json', 'astro.config.mjs'])
        await symlink(path.join(root, name), path.join(project, name));
      await edit(content, 'creneau: "14:00-17:00"', 'creneau: "14h-25h"');

      const port = 40_000 + Math.floor(Math.random() * 20_000);
      let output = '';
      server = spawn(
        path.join(root, 'node_modules/.bin/node'),
        [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
        {
          cwd: project,
          // Not vitest's environment (NODE_ENV=test, VITEST…): the dev server as an editor starts it.
          env: {
            ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))),
            FABRIQUE_AUJOURDHUI: '2026-12-04',
            FABRIQUE_DEMONSTRATION: 'oui',
          },
        },
      );
      const exited = new Promise<number | null>((resolve) => server!.on('exit', resolve));
      server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
      server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
      const until = async (what: () => boolean | Promise<boolean>, label: string) => {
        for (let i = 0; i < 200; i++) {
          if (await what()) return;
          await new Promise((r) => setTimeout(r, 100));
        }
        throw new Error(`${label} : ${output}`);
      };
      await until(() => output.includes('watching for file changes'), 'dev server not ready');
      expect(output).toContain(
        '1 fichier de content/ laissé de côté : le site de développement continue sans lui, la construction le refusera tant qu’il n’est pas corrigé.',
      );
      expect(output).toContain(
        `content/${REFERENT}, ligne 10, champ « permanences[0].creneau » : créneau mal écrit : « 14h-25h » ; attendu HH:MM-HH:MM`,
      );

      const page = async () => {
        const response = await fetch(`http://127.0.0.1:${port}/quartiers/le-blosne/`);
        return { status: response.status, text: await response.text() };
      };
      const first = await page();
      expect(first.status, output).toBe(200);
      expect(first.text).toContain('Le Blosne');
      expect(first.text).not.toContain('Fatou S.');

      // The editor opens whatever the content, and the mistakes are listed next to it.
      const editor = await fetch(`http://127.0.0.1:${port}/admin/`);
      expect(editor.status).toBe(200);
      expect(await editor.text()).toContain('/admin/decap-cms.js');
      expect((await fetch(`http://127.0.0.1:${port}/admin/decap-cms.js`)).status).toBe(200);
      expect(await (await fetch(`http://127.0.0.1:${port}/admin/config.yml`)).text()).toContain(
        'content/formulaires/demande-aide.yaml',
      );
      const verification = await (await fetch(`http://127.0.0.1:${port}/admin/verification/`)).text();
      expect(verification).toContain(
        `<strong>content/${REFERENT}</strong>, ligne 10, champ « permanences[0].creneau » : créneau mal écrit : « 14h-25h »`,
      );

      // Fixed while the server runs: back on the page, no restart.
      await edit(content, 'creneau: "14h-25h"', 'creneau: "14:00-17:00"');
      await until(async () => (await page()).text.includes('Fatou S.'), 'fixed entry not back');

      // A new mistake takes it out again, with its French line.
      await edit(content, 'jour: mercredi', 'jour: mercredi prochain');
      await until(() => output.includes('champ « permanences[0].jour »'), 'no message for the new mistake');
      // A form's settings too: listed on the verification page, the server still up.
      const settings = path.join(content, 'formulaires/contact.yaml');
      await writeFile(
        settings,
        (await readFile(settings, 'utf8')).replace('fabrique@fabrique-solidarites.example', 'fabrique.example'),
      );
      await until(
        async () =>
          (await (await fetch(`http://127.0.0.1:${port}/admin/verification/`)).text()).includes(
            '<strong>content/formulaires/contact.yaml</strong>, ligne 6, champ « destinataires[0] » : adresse e-mail attendue',
          ),
        'form settings mistake not listed',
      );
      await until(async () => !(await page()).text.includes('Fatou S.'), 'refused entry still shown');
      expect((await page()).status).toBe(200);
      expect(server.exitCode).toBeNull();
      server.kill();
      await exited;
    },
    60_000,
  );
});
