/**
 * Build and Node server: Checks everything editors wrote under content/ before Astro builds: schema, references between
 * collections, duplicates. Every problem becomes one French line naming the file, the field and what
 * is expected, so an editor can fix it without reading code.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { collections, type CollectionName } from '../../schemas/index.ts';
import { fieldLines } from './content-lines.ts';
import { formatExample, metaAt } from './field-meta.ts';
import { problemesTypographiques } from '../page-tools/typographie.ts';
import type { ContentProblem, LoadedEntry } from './types.ts';
import { checkVocabulaire } from './vocabulaire-check.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads and checks every collection; returns the problems (empty when all is well) and the entries. */
export async function checkContent(contentDir: string): Promise<{ problems: ContentProblem[]; entries: LoadedEntry[] }> {
  const problems: ContentProblem[] = [];
  const entries: LoadedEntry[] = [];
  const root = path.dirname(path.resolve(contentDir));
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');

  for (const [name, { schema }] of Object.entries(collections) as [CollectionName, (typeof collections)[CollectionName]][]) {
    const dir = path.join(contentDir, name);
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /\.mdx?$/.test(f)).sort();
    for (const fileName of files) {
      const file = rel(path.join(dir, fileName));
      const id = fileName.replace(/\.mdx?$/, '');
      if (!ID.test(id)) {
        problems.push({
          file,
          message: `nom de fichier à corriger : lettres minuscules sans accent, chiffres et tirets seulement (par exemple « le-blosne.md »)`,
        });
        continue;
      }
      const raw = await readFile(path.join(dir, fileName), 'utf8');
      const fm = FRONT_MATTER.exec(raw);
      if (!fm) {
        problems.push({
          file,
          message: 'en-tête manquant : le fichier doit commencer par une ligne « --- », les champs, puis une autre ligne « --- »',
        });
        continue;
      }
      let data: unknown;
      try {
        data = parseYaml(fm[1] ?? '') ?? {};
      } catch (error) {
        const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
        problems.push({
          file,
          message: `en-tête illisible${line ? ` (ligne ${line + 1} du fichier)` : ''} : vérifiez les deux-points, l'indentation et les guillemets`,
        });
        continue;
      }
      const lineOf = fieldLines(fm[1] ?? '');
      const bodyLine = (fm[0].match(/\n/g) ?? []).length + 1;
      problems.push(...checkTypography(file, data, raw.slice(fm[0].length), lineOf, bodyLine));
      const result = (schema as z.ZodType).safeParse(data);
      if (!result.success) {
        for (const issue of result.error.issues) {
          const problem = { ...describeIssue(file, data, issue), line: lineOf(issuePlace(issue)) };
          problems.push(withExample(problem, metaAt(schema as z.ZodType, issue.path).exemple));
        }
        continue;
      }
      entries.push({ collection: name, id, file, data: result.data as Record<string, unknown>, lineOf });
    }
  }

  problems.push(...checkReferences(entries), ...checkUniqueness(entries), ...(await checkVocabulaire(entries, contentDir)));
  return { problems, entries };
}

/** French typography an editor must fix by hand (src/lib/page-tools/typographie.ts), in every text field and the body. */
function checkTypography(
  file: string,
  data: unknown,
  body: string,
  lineOf: (at: readonly PropertyKey[]) => number,
  bodyLine: number,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const visit = (value: unknown, at: PropertyKey[]) => {
    if (typeof value === 'string')
      for (const message of problemesTypographiques(value))
        problems.push({ file, line: lineOf(at), field: formatPath(at) || undefined, message: `typographie : ${message}` });
    else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...at, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...at, k]);
  };
  visit(data, []);
  // Line by line, so each message names the line to fix.
  body.split('\n').forEach((text, i) => {
    for (const message of problemesTypographiques(text))
      problems.push({ file, line: bodyLine + i, message: `typographie (texte) : ${message}` });
  });
  return problems;
}

/** Adds the schema's example when the message has none (`.meta({ exemple })`, also shown in /admin/ and the guide). */
export function withExample(problem: ContentProblem, exemple: unknown): ContentProblem {
  if (exemple === undefined || /par exemple|exemple :/i.test(problem.message)) return problem;
  return { ...problem, message: `${problem.message} ; exemple : ${formatExample(exemple)}` };
}

/** Where to send the editor: an unknown field's own line, otherwise the field (or its parent when missing). */
export function issuePlace(issue: z.core.$ZodIssue): PropertyKey[] {
  return issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : [...issue.path];
}

export function describeIssue(file: string, data: unknown, issue: z.core.$ZodIssue): ContentProblem {
  const field = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    const personal = issue.keys.some((k) => /t[ée]l[ée]phone|mail|portable|phone/i.test(k));
    return {
      file,
      field: field || undefined,
      message: personal
        ? `champ non autorisé : ${keys}. Aucun numéro ni e-mail personnel n'est publié ; les habitants écrivent par le formulaire de contact`
        : `champ inconnu : ${keys}. Vérifiez l'orthographe du nom du champ`,
    };
  }
  const missing = issue.path.length > 0 && valueAt(data, issue.path) === undefined;
  return {
    file,
    field,
    message: missing ? `champ obligatoire manquant (${issue.message})` : issue.message,
  };
}

export function checkReferences(entries: LoadedEntry[]): ContentProblem[] {
  const ids = new Map<string, Set<string>>();
  for (const e of entries) ids.set(e.collection, (ids.get(e.collection) ?? new Set()).add(e.id));
  const problems: ContentProblem[] = [];
  for (const entry of entries) {
    for (const { path: refPath, collection } of collections[entry.collection].references) {
      for (const { value, at } of valuesAt(entry.data, refPath.split('.'), [])) {
        if (value === undefined) continue;
        const id = typeof value === 'string' ? value : JSON.stringify(value);
        const known = ids.get(collection) ?? new Set<string>();
        if (!known.has(id)) {
          const choices = [...known].sort().join(', ');
          problems.push({
            file: entry.file,
            line: entry.lineOf?.(at),
            field: formatPath(at),
            message: `« ${id} » n'existe pas dans content/${collection}/. Valeurs possibles : ${choices || '(aucune)'}`,
          });
        }
      }
    }
  }
  return problems;
}

/** Numbers and ids that must appear once only. */
function checkUniqueness(entries: LoadedEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const once = (collection: CollectionName, key: string, label: string) => {
    const seen = new Map<unknown, string>();
    for (const e of entries.filter((x) => x.collection === collection)) {
      const v = e.data[key];
      const other = seen.get(v);
      if (other)
        problems.push({
          file: e.file,
          line: e.lineOf?.([key]),
          field: key,
          message: `${label} ${String(v)} déjà utilisé par ${other}`,
        });
      else seen.set(v, e.file);
    }
  };
  once('quartiers', 'numero', 'le numéro');
  once('programmes', 'ordre', "l'ordre");
  for (const e of entries.filter((x) => x.collection === 'formations')) {
    const seen = new Set<string>();
    for (const [i, s] of (e.data.sessions as { id: string }[]).entries()) {
      if (seen.has(s.id))
        problems.push({
          file: e.file,
          line: e.lineOf?.(['sessions', i, 'id']),
          field: `sessions[${i}].id`,
          message: `identifiant de session « ${s.id} » en double dans cette formation`,
        });
      seen.add(s.id);
    }
  }
  return problems;
}

export function formatPath(p: readonly PropertyKey[]): string {
  return p.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}

function valueAt(data: unknown, p: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const k of p) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

function valuesAt(data: unknown, parts: string[], at: PropertyKey[]): { value: unknown; at: PropertyKey[] }[] {
  if (parts.length === 0) return [{ value: data, at }];
  const [head, ...rest] = parts as [string, ...string[]];
  const isArray = head.endsWith('[]');
  const key = isArray ? head.slice(0, -2) : head;
  const next = key ? (data as Record<string, unknown> | undefined)?.[key] : data;
  if (!isArray) return valuesAt(next, rest, key ? [...at, key] : at);
  if (!Array.isArray(next)) return [];
  return next.flatMap((item, i) => valuesAt(item, rest, [...at, ...(key ? [key] : []), i]));
}

/** One line per problem: file, line, field, then what is expected. */
export function formatProblem(p: ContentProblem): string {
  return `  - ${p.file}${p.line ? `, ligne ${p.line}` : ''}${p.field ? `, champ « ${p.field} »` : ''} : ${p.message}`;
}

/** The message shown when the build stops. */
export function formatProblems(problems: ContentProblem[]): string {
  const n = problems.length;
  return [
    `Le contenu contient ${n} erreur${n > 1 ? 's' : ''} à corriger avant publication :`,
    ...problems.map(formatProblem),
  ].join('\n');
}

/** Warnings: shown by the check and the build, which still publish. */
export function formatWarnings(warnings: ContentProblem[]): string {
  const n = warnings.length;
  return [`${n} avertissement${n > 1 ? 's' : ''} (la publication reste possible) :`, ...warnings.map(formatProblem)].join('\n');
}
