/**
 * Node server and dev server: POST /admin/avertissements, the warnings of the entry being edited in /admin/
 * (issue 22, item 8): what the build would say without refusing (easy-read summary, freshness, translations), so
 * the editor shows each one next to its field while the entry is typed. The entry is put in a copy of content/
 * (as POST /admin/verifier does, proposal.ts) and the build's checks run there; only the entry's own warnings are
 * answered, each with its field's path, its label in the editor and a French message without code.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkAll } from './check-all.ts';
import { fieldLabel } from './field-meta.ts';
import { EDITABLE, fileText, schemaOf } from './proposal.ts';
import type { ContentProblem } from './types.ts';
import { formatDate, todayInRennes } from '../time/dates.ts';

/** One warning for the editor: `champ` as the check writes it (`falc.texte[0]`), `libelle` as the editor labels it. */
export type Avertissement = { champ: string; libelle: string; message: string };

/**
 * The check's message in the editor's words: the file's syntax (`verifie_le: 2026-12-04`, `statut: relu`) becomes
 * what to choose or type in the form.
 */
export function enMotsDeLEditeur(message: string): string {
  return message
    .replace(/ \(équipe [a-z-]+\)/, '')
    .replace(/par exemple verifie_le: (\d{4}-\d{2}-\d{2})/, (_, iso: string) => `par exemple le ${formatDate(iso)}`)
    .replace(
      /puis écrivez statut: relu et relecture: \{[^}]*\}/,
      'puis choisissez « relu » dans « Brouillon ou relu » et remplissez « Relecture » (qui a relu, et quand)',
    );
}

/** The warnings of one proposed entry (its path in the project and its fields), on `today`. */
export async function warningsOf(
  contentDir: string,
  file: string,
  data: Record<string, unknown>,
  today = todayInRennes(),
): Promise<Avertissement[]> {
  const copy = await mkdtemp(path.join(tmpdir(), 'fabrique-avertissements-'));
  try {
    const copied = path.join(copy, 'content');
    await cp(contentDir, copied, { recursive: true });
    const target = path.join(copy, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, fileText(file, data));
    const { warnings } = await checkAll(copied, { today });
    const schema = schemaOf(file);
    return warnings
      .filter((p: ContentProblem) => p.file === file)
      .map((p) => ({
        champ: p.field ?? '',
        libelle: p.field && schema ? fieldLabel(schema, p.field) : (p.field ?? ''),
        message: enMotsDeLEditeur(p.message),
      }));
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/**
 * POST /admin/avertissements: the same body as POST /admin/verifier (`{ path, data }`), read and checked; the
 * answer is `{ avertissements }` (status 200), or `{ problemes }` with status 400 for a request that cannot be read.
 */
export async function answerWarnings(
  contentDir: string,
  body: string,
  today?: string,
): Promise<{ status: number; avertissements: Avertissement[]; problemes: string[] }> {
  const refuse = (message: string) => ({ status: 400, avertissements: [], problemes: [message] });
  let request: unknown;
  try {
    request = JSON.parse(body);
  } catch {
    return refuse('La demande d’avertissements est illisible : du JSON est attendu.');
  }
  const { path: given, data } = (request ?? {}) as { path?: unknown; data?: unknown };
  if (typeof given !== 'string' || typeof data !== 'object' || data === null || Array.isArray(data))
    return refuse('La demande d’avertissements doit donner le fichier (« path ») et ses champs (« data »).');
  const file = given.replace(/^\/+/, '');
  if (!EDITABLE.test(file) || file.includes('..'))
    return refuse(`« ${file} » n’est pas un fichier de content/ que l’éditeur peut modifier.`);
  return {
    status: 200,
    avertissements: await warningsOf(contentDir, file, data as Record<string, unknown>, today),
    problemes: [],
  };
}
