/**
 * Build, `npm run check:content` and the dev server: the form settings of content/formulaires/ checked like the
 * rest of the content, with the same French lines (file, line, field, what is wrong, an example). The handlers
 * read the same files with parseFormSettings (src/schemas/forms/settings.ts), which applies the same rules.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { FORM_KEYS, forms, isFormKey } from '../../schemas/forms/index.ts';
import { formSettingsSchema, settingsRuleProblems } from '../../schemas/forms/settings.ts';
import { describeIssue, formatPath, issuePlace, withExample } from './content-check.ts';
import { fieldLines } from './content-lines.ts';
import { metaAt } from './field-meta.ts';
import type { ContentProblem, LoadedEntry } from './types.ts';

/** Every form's settings file: present, readable, valid, sealed when it must be; quartiers named must exist. */
export async function checkForms(contentDir: string, entries: readonly LoadedEntry[] = []): Promise<ContentProblem[]> {
  const dir = path.join(contentDir, 'formulaires');
  const problems: ContentProblem[] = [];
  const present = new Set((await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.yaml')));
  for (const name of [...present].sort()) {
    const key = name.replace(/\.yaml$/, '');
    if (!isFormKey(key))
      problems.push({
        file: `content/formulaires/${name}`,
        message: `aucun formulaire du site ne s’appelle « ${key} » : vérifiez le nom du fichier (formulaires connus : ${FORM_KEYS.join(', ')})`,
      });
  }
  const quartiers = new Set(entries.filter((e) => e.collection === 'quartiers').map((e) => e.id));
  for (const key of FORM_KEYS) {
    const file = `content/formulaires/${key}.yaml`;
    if (!present.has(`${key}.yaml`)) {
      problems.push({ file, message: 'fichier manquant : chaque formulaire a son fichier de réglages' });
      continue;
    }
    problems.push(...checkFormFile(file, await readFile(path.join(dir, `${key}.yaml`), 'utf8'), key, quartiers));
  }
  return problems;
}

/** One settings file; `quartiers` (ids) checks destinataires_par_quartier when given. */
export function checkFormFile(
  file: string,
  text: string,
  key: keyof typeof forms,
  quartiers: ReadonlySet<string> = new Set(),
): ContentProblem[] {
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    return [
      {
        file,
        line,
        message: 'fichier illisible : vérifiez les deux-points, l’indentation et les guillemets',
      },
    ];
  }
  const lineOf = fieldLines(text, 1);
  const result = formSettingsSchema.safeParse(data);
  if (!result.success)
    return result.error.issues.map((issue) =>
      withExample(
        { ...describeIssue(file, data, issue), line: lineOf(issuePlace(issue)) },
        metaAt(formSettingsSchema as z.ZodType, issue.path).exemple,
      ),
    );
  const problems: ContentProblem[] = settingsRuleProblems(result.data, forms[key]).map((p) => ({
    file,
    line: lineOf([p.field]),
    ...p,
  }));
  if (quartiers.size > 0)
    for (const quartier of Object.keys(result.data.destinataires_par_quartier ?? {}))
      if (!quartiers.has(quartier))
        problems.push({
          file,
          line: lineOf(['destinataires_par_quartier', quartier]),
          field: formatPath(['destinataires_par_quartier', quartier]),
          message: `« ${quartier} » n'existe pas dans content/quartiers/. Valeurs possibles : ${[...quartiers].sort().join(', ')}`,
        });
  return problems;
}
