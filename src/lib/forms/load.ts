/**
 * Build and Node server: Reads what the forms need from content/ on disk: the settings of every form and the trainings,
 * activities and quartiers. Used by the build (pages) and by the Node server at start. Stops with
 * French messages naming the file and the field when something is wrong.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkContent, formatProblems } from '../content-checks/content-check.ts';
import { buildContentContext, type ContentContext } from '../../schemas/forms/context.ts';
import { FORM_KEYS, forms, type FormKey } from '../../schemas/forms/index.ts';
import {
  formatSettingsProblems,
  parseFormSettings,
  type FormSettings,
  type SettingsProblem,
} from '../../schemas/forms/settings.ts';

export async function loadFormSettings(contentDir: string): Promise<Record<FormKey, FormSettings>> {
  const problems: SettingsProblem[] = [];
  const settings: Partial<Record<FormKey, FormSettings>> = {};
  for (const key of FORM_KEYS) {
    const file = `content/formulaires/${key}.yaml`;
    let text: string;
    try {
      text = await readFile(path.join(contentDir, 'formulaires', `${key}.yaml`), 'utf8');
    } catch {
      problems.push({ file, message: 'fichier manquant : chaque formulaire a son fichier de réglages' });
      continue;
    }
    const parsed = parseFormSettings(file, text, forms[key]);
    problems.push(...parsed.problems);
    if (parsed.settings) settings[key] = parsed.settings;
  }
  if (problems.length) throw new Error(`Réglages des formulaires à corriger :\n${formatSettingsProblems(problems)}`);
  return settings as Record<FormKey, FormSettings>;
}

export async function loadContentContext(contentDir: string): Promise<ContentContext> {
  const { problems, entries } = await checkContent(contentDir);
  if (problems.length) throw new Error(formatProblems(problems));
  return buildContentContext(entries);
}
