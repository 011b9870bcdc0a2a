/** GUIDE-EDITEURS.md is generated from the schemas: it must match them, and its templates must pass the check. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { editorsGuide } from '../../src/admin/guide.ts';
import { checkContent } from '../../src/lib/content-check.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guideFile = path.join(root, 'GUIDE-EDITEURS.md');

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

  it('gives a referent template that passes the content check once copied', async () => {
    const template = /### Référents[\s\S]*?```markdown\n([\s\S]*?)```/.exec(editorsGuide())![1]!;
    const dir = await mkdtemp(path.join(tmpdir(), 'guide-'));
    try {
      await cp(path.join(root, 'content'), path.join(dir, 'content'), { recursive: true });
      await writeFile(path.join(dir, 'content/referents/modele.md'), template);
      const { problems } = await checkContent(path.join(dir, 'content'));
      expect(problems).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
