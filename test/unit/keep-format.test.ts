/**
 * Issue 22, item 6: the editor saves a file as it was written but for what changed (src/admin/keep-format.ts):
 * every file of content/ read and written back unchanged is byte for byte the same, comments included, and a
 * one-field change is a one-line diff.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileBeforeSave, frontMatter, yamlFile } from '../../src/admin/keep-format.ts';

const content = fileURLToPath(new URL('../../content/', import.meta.url));
const files = readdirSync(content, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(md|ya?ml)$/.test(e.name) && e.name !== 'GUIDE-EDITEURS.md')
  .map((e) => path.join(e.parentPath, e.name));
const formatOf = (file: string) => (file.endsWith('.md') ? frontMatter : yamlFile);
const save = (file: string, change: (data: Record<string, unknown>) => void) => {
  const before = readFileSync(file, 'utf8');
  const data = formatOf(file).fromFile(before);
  change(data);
  fileBeforeSave(before);
  return { before, after: formatOf(file).toFile(JSON.parse(JSON.stringify(data)) as Record<string, unknown>) };
};
const changedLines = (a: string, b: string) => {
  const [x, y] = [a.split('\n'), b.split('\n')];
  expect(y.length).toBe(x.length);
  return x.filter((line, i) => line !== y[i]).length;
};

describe('saving from the editor keeps the file as written', () => {
  it('writes every file of content/ back byte for byte when nothing changed', () => {
    expect(files.length).toBeGreaterThan(80);
    for (const file of files) {
      const { before, after } = save(file, () => {});
      expect(after, path.relative(content, file)).toBe(before);
    }
  });

  it('changes one line for one field, deep in a list, and keeps the comments of a form’s settings', () => {
    const referent = save(path.join(content, 'referents/centre-1.md'), (d) => {
      (d.permanences as Record<string, unknown>[])[0]!.creneau = '09:30-12:00';
    });
    expect(changedLines(referent.before, referent.after)).toBe(1);
    expect(referent.after).toContain('creneau: "09:30-12:00"');
    const form = save(path.join(content, 'formulaires/contact-referent.yaml'), (d) => {
      d.conservation_jours = 180;
    });
    expect(changedLines(form.before, form.after)).toBe(1);
    expect(form.after).toContain('# Clé d');
  });

  it('writes a new file whole, in the schema’s order', () => {
    fileBeforeSave(undefined);
    const text = frontMatter.toFile({ exemple: true, quartier: 'centre', statut: 'poste-ouvert', body: 'Texte.' }, [
      'quartier',
      'statut',
      'exemple',
    ]);
    expect(text).toBe('---\nquartier: centre\nstatut: poste-ouvert\nexemple: true\n---\n\nTexte.');
  });
});
