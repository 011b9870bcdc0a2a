/**
 * Node server (`npm start`) and dev server: what a save from the editor /admin/ would break, before it is written
 * (issue 22, item 1). The proposed file is put in a copy of content/ and every check of the build runs on both
 * (check-all.ts: schemas, references between collections, form settings, editorial rules); the problems the
 * change adds are its own — one already in content/ never blocks an unrelated save. The same French lines as
 * `npm run check:content`, the proposed file called « cette fiche » and each field by its label in the editor.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { checkAll } from './check-all.ts';
import { collections, type CollectionName } from '../../schemas/index.ts';
import { formSettingsSchema } from '../../schemas/forms/settings.ts';
import type { z } from 'zod';
import { formatProblem } from './content-check.ts';
import { fieldLabel } from './field-meta.ts';
import type { ContentProblem } from './types.ts';

/**
 * A save as the editor sends it (the file's path in the project, `content/…`, and its fields), or a deletion (the
 * paths of the files to delete; the problems are then the other entries that name them).
 */
export type Proposal = { path: string; data: Record<string, unknown> } | { supprimer: string[] };

export const EDITABLE = /^content(\/[a-z0-9-]+)+\/[^/]+\.(md|mdx|ya?ml)$/;

const key = (p: ContentProblem) => `${p.file}|${p.field ?? ''}|${p.message}`;

/** The file as Decap writes it: YAML for form settings, otherwise front matter and the text (`body`). */
export function fileText(file: string, data: Record<string, unknown>): string {
  const { body, ...fields } = data;
  if (/\.ya?ml$/.test(file)) return stringify(fields);
  return `---\n${stringify(fields)}---\n${typeof body === 'string' ? body : ''}\n`;
}

/** The schema of a file of content/, for its fields' French labels. */
export function schemaOf(file: string): z.ZodType | undefined {
  const folder = file.split('/')[1] ?? '';
  if (folder === 'formulaires') return formSettingsSchema;
  return (collections as Record<string, { schema: z.ZodType } | undefined>)[folder as CollectionName]?.schema;
}

/** A problem as the editor shows it: the proposed file is « cette fiche », each field named by its label. */
function forEditor(p: ContentProblem, proposed: string): string {
  const schema = schemaOf(p.file);
  const field = p.field && schema ? fieldLabel(schema, p.field) : p.field;
  return formatProblem({ ...p, field, file: p.file === proposed ? 'cette fiche' : p.file }).replace(/^\s*- /, '');
}

/** Problems the proposal adds, one French line each, or a refusal of the request itself. */
export async function checkProposal(contentDir: string, proposal: Proposal, today?: string): Promise<string[]> {
  const files = ('supprimer' in proposal ? proposal.supprimer : [proposal.path]).map((f) => f.replace(/^\/+/, ''));
  const wrong = files.find((f) => !EDITABLE.test(f) || f.includes('..'));
  if (wrong !== undefined) return [`« ${wrong} » n’est pas un fichier de content/ que l’éditeur peut modifier.`];
  const file = files[0]!;
  const copy = await mkdtemp(path.join(tmpdir(), 'fabrique-proposition-'));
  try {
    const copied = path.join(copy, 'content');
    await cp(contentDir, copied, { recursive: true });
    if ('supprimer' in proposal) await Promise.all(files.map((f) => rm(path.join(copy, f), { force: true })));
    else {
      const target = path.join(copy, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, fileText(file, proposal.data));
    }
    const [before, after] = await Promise.all([checkAll(contentDir, { today }), checkAll(copied, { today })]);
    const known = new Set(before.errors.map(key));
    return after.errors.filter((p) => !known.has(key(p))).map((p) => forEditor(p, file));
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/** GET /admin/fichier?chemin=content/…: a file of content/ as it is on disk, for the editor to save into (keep-format.ts). */
export async function fileOnDisk(contentDir: string, chemin: string): Promise<string | undefined> {
  const file = chemin.replace(/^\/+/, '');
  if (!EDITABLE.test(file) || file.includes('..')) return undefined;
  return readFile(path.join(path.dirname(path.resolve(contentDir)), file), 'utf8').catch(() => undefined);
}

/** POST /admin/verifier: the request's JSON read and checked, then the proposal's problems (none: it may be saved). */
export async function answerProposal(contentDir: string, body: string): Promise<{ status: number; problemes: string[] }> {
  let request: unknown;
  try {
    request = JSON.parse(body);
  } catch {
    return { status: 400, problemes: ['La demande de vérification est illisible : du JSON est attendu.'] };
  }
  const { path: file, data, supprimer } = (request ?? {}) as { path?: unknown; data?: unknown; supprimer?: unknown };
  if (Array.isArray(supprimer) && supprimer.length > 0 && supprimer.every((f) => typeof f === 'string'))
    return { status: 200, problemes: await checkProposal(contentDir, { supprimer: supprimer }) };
  if (typeof file !== 'string' || typeof data !== 'object' || data === null || Array.isArray(data))
    return {
      status: 400,
      problemes: ['La demande de vérification doit donner le fichier (« path ») et ses champs (« data »), ou « supprimer ».'],
    };
  return { status: 200, problemes: await checkProposal(contentDir, { path: file, data: data as Record<string, unknown> }) };
}
