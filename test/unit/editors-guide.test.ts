/** content/GUIDE-EDITEURS.md is generated from the schemas: it must match them, and its templates must pass the check. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { editorsGuide } from '../../src/admin/guide.ts';
import { checkContent } from '../../src/lib/content-checks/content-check.ts';
import { formSettingsSchema } from '../../src/schemas/forms/settings.ts';
import { collections } from '../../src/schemas/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guideFile = path.join(root, 'content/GUIDE-EDITEURS.md');

describe('the editors’ guide', () => {
  it('is up to date with the schemas (else run npm run guide)', async () => {
    const options = { ...(await resolveConfig(guideFile)), filepath: guideFile };
    expect(await readFile(guideFile, 'utf8')).toBe(await format(editorsGuide(), options));
  });

  it('lists every field of a referent with its label, and the common tasks', () => {
    const guide = editorsGuide();
    expect(guide).toContain('| `permanences[].creneau` | Horaire | **oui** |');
    expect(guide).toContain('| `prenom` | Prénom | non |');
    for (const task of [
      'Ajouter un référent, ou marquer un poste ouvert',
      'Ouvrir ou fermer une session de formation',
      'Ajouter une activité de loisirs',
      'Changer des horaires d’ouverture ou annoncer une fermeture exceptionnelle',
      'Changer les destinataires d’un formulaire ou la durée de conservation',
      'Passer un exemple en vrai',
      'Mise en service de l’éditeur en ligne',
    ])
      expect(guide).toContain(task);
  });

  it('gives every collection a template that passes the content check once copied', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'guide-'));
    try {
      await cp(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
      const templates = [
        ...editorsGuide().matchAll(/### [^\n]+ \(`content\/([a-z-]+)\/`\)[\s\S]*?```(markdown|yaml)\n([\s\S]*?)```/g),
      ];
      expect(templates.map((m) => m[1])).toEqual([...Object.keys(collections), 'formulaires']);
      for (const [, folder, kind, template] of templates)
        if (kind === 'yaml') {
          // Form settings are checked by their schema when the server loads them, not by the content check.
          const settings = formSettingsSchema.safeParse(parseYaml(template!));
          expect(settings.error?.issues ?? []).toEqual([]);
        } else await writeFile(path.join(dir, 'content', folder!, 'modele.md'), template!);
      const { problems } = await checkContent(path.join(dir, 'content'));
      // The 12 quartiers and 6 programmes hold every number already: a 13th is refused, as it should be.
      expect(problems.map((p) => `${p.file} ${p.field}: ${p.message}`)).toEqual([
        expect.stringMatching(/^content\/quartiers\/modele\.md numero: le numéro \d+ déjà utilisé/),
        expect.stringMatching(/^content\/programmes\/modele\.md ordre: l'ordre \d+ déjà utilisé/),
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
