/**
 * Form settings (content/formulaires/) are checked like the rest of the content: by `npm run check:content`
 * and the build, with the French line (file, line, field, what is wrong, an example).
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFormFile, checkForms } from '../../src/lib/content-checks/forms-check.ts';
import { formatProblems } from '../../src/lib/content-checks/content-check.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const real = path.join(root, 'content');
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

const FILE = 'content/formulaires/demande-aide.yaml';
const demandeAide = () => readFile(path.join(real, 'formulaires/demande-aide.yaml'), 'utf8');
const lines = (text: string, key: Parameters<typeof checkFormFile>[2] = 'demande-aide') =>
  formatProblems(checkFormFile(FILE, text, key));

describe('form settings check', () => {
  it('accepts the repository’s settings', async () => {
    expect(await checkForms(real)).toEqual([]);
  });

  it('refuses a malformed e-mail, naming line and field, with an example', async () => {
    const text = (await demandeAide()).replace(
      '  - fabrique@fabrique-solidarites.example',
      '  - fabrique.fabrique-solidarites.example',
    );
    expect(lines(text)).toContain(
      `  - ${FILE}, ligne 6, champ « destinataires[0] » : adresse e-mail attendue, par exemple equipe@rennes.example`,
    );
  });

  it('a sensitive form must name its team key', async () => {
    const text = (await demandeAide()).replace(/^cle_equipe:.*\n/m, '');
    expect(lines(text)).toMatch(
      /demande-aide\.yaml, ligne 1, champ « cle_equipe » : formulaire sensible : indiquez la clé de l’équipe \(npm run keys -- create\) ; exemple : cle_equipe: /,
    );
  });

  it('the team key must be listed in cles_publiques', async () => {
    const text = (await demandeAide()).replace('cle_equipe: accueil-2026-11-71e1883a', 'cle_equipe: accueil-2027-01-aaaaaaaa');
    expect(lines(text)).toContain(
      `${FILE}, ligne 15, champ « cles_publiques » : la clé accueil-2027-01-aaaaaaaa doit figurer dans cles_publiques`,
    );
  });

  it('a form collecting sensitive data cannot be made non-sensitive', async () => {
    const text = (await demandeAide()).replace('sensible: true', 'sensible: false');
    expect(lines(text)).toContain(`${FILE}, ligne 8, champ « sensible » : ce formulaire recueille des données sensibles`);
  });

  it('names a missing field with its example, an unknown field and an unreadable file', async () => {
    const text = (await readFile(path.join(real, 'formulaires/contact.yaml'), 'utf8')).replace(
      /^conservation_jours:.*\n/m,
      'couleur: bleu\n',
    );
    const message = lines(text, 'contact');
    expect(message).toMatch(/champ « conservation_jours » : champ obligatoire manquant \(.*\) ; exemple : 365/);
    expect(message).toContain('champ inconnu : couleur');
    expect(lines('ouvert: true\ndestinataires: [a@b.fr\n', 'contact')).toMatch(/ligne \d, fichier illisible|fichier illisible/);
  });

  it('npm run check:content reads content/formulaires/: exit 1 and the French line', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'formulaires-'));
    temps.push(dir);
    const content = path.join(dir, 'content');
    await cp(real, content, { recursive: true });
    const file = path.join(content, 'formulaires/demande-aide.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^cle_equipe:.*\n/m, ''));
    await writeFile(path.join(content, 'formulaires/inconnu.yaml'), 'ouvert: true\n');
    const failure = await promisify(execFile)(
      path.join(root, 'node_modules/.bin/node'),
      [path.join(root, 'src/cli/check-content.ts'), content],
      {
        env: { ...process.env, FABRIQUE_AUJOURDHUI: '2026-12-04' },
      },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain(
      'content/formulaires/demande-aide.yaml, ligne 1, champ « cle_equipe » : formulaire sensible',
    );
    expect(failure?.stderr).toContain('content/formulaires/inconnu.yaml : aucun formulaire du site ne s’appelle « inconnu »');
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
