/**
 * Editors' mistakes: each fails with a French message naming the file, the field and what is expected.
 * Each test copies a valid content tree (test/fixtures/content) and breaks one thing.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/lib/content-check.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'test/fixtures/content');
const temps: string[] = [];

/** A fresh copy of the fixture with one file edited; returns the content folder. */
async function contentWith(file: string, edit: (text: string) => string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'contenu-'));
  temps.push(dir);
  const content = path.join(dir, 'content');
  await cp(fixture, content, { recursive: true });
  const target = path.join(content, file);
  await writeFile(target, edit(await readFile(target, 'utf8')));
  return content;
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('content checker', () => {
  it('accepts the valid fixture', async () => {
    const { problems, entries } = await checkContent(fixture);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(5);
  });

  it('names a missing required field', async () => {
    const content = await contentWith('formations/creche.md', (t) => t.replace(/^coanimation:.*\n/m, ''));
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain('content/formations/creche.md, champ « coanimation » : champ obligatoire manquant');
  });

  it('names an unknown quartier and lists the known ones', async () => {
    const content = await contentWith('referents/le-blosne-1.md', (t) => t.replace('quartier: le-blosne', 'quartier: blosne'));
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain(
      "content/referents/le-blosne-1.md, champ « quartier » : « blosne » n'existe pas dans content/quartiers/. Valeurs possibles : le-blosne",
    );
  });

  it('refuses an impossible date', async () => {
    const content = await contentWith('formations/creche.md', (t) => t.replace('date: 2027-02-10', 'date: 2027-02-30'));
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain(
      'content/formations/creche.md, champ « sessions[0].date » : date impossible ou mal écrite : « 2027-02-30 » ; format attendu AAAA-MM-JJ',
    );
  });

  it('refuses a malformed time slot', async () => {
    const content = await contentWith('lieux/salle-exemple.md', (t) => t.replace('"13:30-17:00"', '"13h30-17h"'));
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain(
      'content/lieux/salle-exemple.md, champ « horaires[0].creneaux[1] » : créneau mal écrit : « 13h30-17h » ; attendu HH:MM-HH:MM',
    );
  });

  it('refuses a personal phone number on a referent', async () => {
    const content = await contentWith('referents/le-blosne-1.md', (t) =>
      t.replace('statut: en-poste', 'statut: en-poste\ntelephone: "0600000000"'),
    );
    const message = formatProblems((await checkContent(content)).problems);
    expect(message).toContain('content/referents/le-blosne-1.md : champ non autorisé : telephone');
  });

  it('stops the real build with the French message', async () => {
    const content = await contentWith('referents/le-blosne-1.md', (t) => t.replace('quartier: le-blosne', 'quartier: blosne'));
    const project = path.dirname(content);
    for (const name of ['src', 'node_modules', 'public', 'package.json', 'tsconfig.json', 'astro.config.mjs']) {
      await symlink(path.join(root, name), path.join(project, name));
    }
    const run = promisify(execFile)(path.join(root, 'node_modules/.bin/astro'), ['build', '--root', project], {
      cwd: project,
      env: { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}` },
    });
    const failure = await run.then(
      () => null,
      (error: { stdout: string; stderr: string; code: number }) => error,
    );
    expect(failure, 'the build must fail').not.toBeNull();
    expect(`${failure!.stdout}${failure!.stderr}`).toContain("« blosne » n'existe pas dans content/quartiers/");
  }, 60_000);
});
