/**
 * Node server: a file of content/ through the versions of the content repository (issue 22, item 4), in the
 * editors' words. Each commit of `main` that changed it (renames followed), newest first, says who made it (the
 * `Modifié-par:` line the server writes under the commit message, else the commit's author) and what changed, one
 * French line per field, the field named by its title in the editor (`.meta({ titre })` of the schemas).
 * Plain `git` through execFile (never a shell): arguments are passed as they are.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import type { z } from 'zod';
import { collections, type CollectionName } from '../../src/schemas/index.ts';
import { formSettingsSchema } from '../../src/schemas/forms/settings.ts';
import { metaAt } from '../../src/lib/content-checks/field-meta.ts';
import { formatDate } from '../../src/lib/time/dates.ts';

export type Version = {
  /** The commit's full hash. */
  commit: string;
  /** When it was committed, ISO 8601. */
  date: string;
  /** Who made the change: the person signed in (`Modifié-par:`), else the commit's author. */
  auteur: string;
  /** The commit message, without the `Modifié-par:` line. */
  message: string;
  /** What changed since the version before, one French line each. */
  changements: string[];
  /** The file's path in that version (it differs from today's after a rename). */
  chemin: string;
};

/** A request the history refuses: its message is French, for the editor. */
export class DemandeRefusee extends Error {}

const MODIFIABLE = /^content(\/[a-z0-9-]+)+\/[^/]+\.(md|mdx|ya?ml)$/;
const COMMIT = /^[0-9a-f]{7,40}$/i;
const BRANCHE = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const execFileP = promisify(execFile);

/** A path of content/ the editor may touch, or a refusal. */
export function cheminVerifie(chemin: string): string {
  const c = chemin.replace(/^\/+/, '');
  if (!MODIFIABLE.test(c) || c.includes('..')) throw new DemandeRefusee(`« ${chemin} » n’est pas un fichier de content/.`);
  return c;
}

function brancheVerifiee(branche: string): string {
  if (!BRANCHE.test(branche) || branche.includes('..')) throw new DemandeRefusee(`« ${branche} » n’est pas une branche.`);
  return branche;
}

/** `git` in the repository; its output as bytes (file contents are read byte for byte). */
async function git(depot: string, args: string[], input?: string): Promise<Buffer> {
  const run = execFileP('git', ['-C', depot, ...args], { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) run.child.stdin?.end(input);
  return (await run).stdout;
}

/**
 * Many blobs in one `git cat-file --batch`: each `rev:path` asked gives its text, or undefined where the file
 * is absent at that commit.
 */
async function textes(depot: string, specs: string[]): Promise<(string | undefined)[]> {
  if (specs.length === 0) return [];
  const out = await git(depot, ['cat-file', '--batch'], specs.map((s) => `${s}\n`).join(''));
  const found: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < specs.length; i++) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const [, type, size] = header.split(' ');
    if (type !== 'blob') {
      found.push(undefined);
      continue;
    }
    const length = Number(size);
    found.push(out.subarray(at, at + length).toString('utf8'));
    at += length + 1;
  }
  return found;
}

type Etape = {
  commit: string;
  date: string;
  auteur: string;
  message: string;
  /** A (created), M, D (deleted), R (renamed), C… as `git log --name-status` says; '' for a merge it lists bare. */
  statut: string;
  /** The path before this commit and after it. */
  avant: string;
  apres: string;
};

const SIGNATURE = /^Modifié-par:\s*(.+?)\s*$/m;

/** Who the `Modifié-par:` line names (without the e-mail address), and the message without it. */
function signature(body: string, author: string): { auteur: string; message: string } {
  const found = SIGNATURE.exec(body);
  const message = body.replace(SIGNATURE, '').trim();
  if (!found) return { auteur: author, message };
  const name = found[1]!.replace(/\s*<[^>]*>\s*$/, '').trim();
  return { auteur: name || author, message };
}

/** The commits of `branche` that changed the file, newest first, with its path before and after each. */
async function etapes(depot: string, chemin: string, branche: string): Promise<Etape[]> {
  const out = await git(depot, [
    'log',
    brancheVerifiee(branche),
    '--follow',
    '-M',
    '--format=%x1e%H%x00%aI%x00%an%x00%B%x00',
    '--name-status',
    '-z',
    '--',
    chemin,
  ]).catch(() => Buffer.alloc(0));
  const list: Etape[] = [];
  let known = chemin;
  for (const record of out.toString('utf8').split('\x1e').slice(1)) {
    const [commit = '', date = '', author = '', body = '', ...rest] = record.split('\0');
    const [statut = '', ...paths] = rest.map((t) => t.trim()).filter(Boolean);
    const renamed = /^[RC]/.test(statut);
    const apres = (renamed ? paths[1] : paths[0]) ?? known;
    const avant = paths[0] ?? known;
    list.push({ commit, date, ...signature(body, author), statut: statut.charAt(0), avant, apres });
    known = avant;
  }
  return list;
}

/** The schema whose titles name the file's fields: its collection's, the form settings', or none. */
function schemaDe(chemin: string): z.ZodType | undefined {
  const folder = chemin.split('/')[1] ?? '';
  if (folder === 'formulaires') return formSettingsSchema;
  return (collections as Record<string, { schema: z.ZodType } | undefined>)[folder as CollectionName]?.schema;
}

type Contenu = { champs: unknown; texte?: string };

/** A file's fields (front matter or YAML) and, for Markdown, its text; undefined when it cannot be read. */
function lire(chemin: string, source: string): Contenu | undefined {
  try {
    if (/\.ya?ml$/.test(chemin)) return { champs: parse(source) ?? {} };
    const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
    if (!front) return { champs: {}, texte: source.trim() };
    return { champs: parse(front[1]!) ?? {}, texte: front[2]!.trim() };
  } catch {
    return undefined;
  }
}

type Chemin = (string | number)[];

/** « Horaire (Permanences n° 1) »: the field's title, then where it sits; a part without a title keeps its name. */
function libelle(schema: z.ZodType | undefined, path: Chemin): string {
  const parts: string[] = [];
  path.forEach((key, i) => {
    if (typeof key === 'number') parts[parts.length - 1] = `${parts.at(-1) ?? 'Élément'} n° ${key + 1}`;
    else parts.push((schema && metaAt(schema, path.slice(0, i + 1)).titre) || key);
  });
  const last = parts.pop() ?? '';
  return parts.length ? `${last} (${parts.join(' › ')})` : last;
}

const DATE_ISO = /^\d{4}-\d{2}-\d{2}$/;
const LONG = 80;

/** A value as an editor reads it: dates day first, « oui » / « non », lists separated by commas. */
function valeur(v: unknown): string {
  if (v === undefined || v === null || v === '') return '(vide)';
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'string') return DATE_ISO.test(v) ? formatDate(v) : v;
  if (v instanceof Date) return formatDate(v.toISOString().slice(0, 10));
  if (Array.isArray(v)) return v.length ? v.map(valeur).join(', ') : '(vide)';
  if (typeof v === 'object') return Object.values(v).map(valeur).join(', ');
  return typeof v === 'number' || typeof v === 'bigint' ? String(v) : '';
}

const estObjet = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const estSimple = (v: unknown) => !estObjet(v) && !(Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null));
const vide = (v: unknown) => v === undefined || v === null || v === '';
const pareil = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** One French line per field that differs between two versions of the fields. */
function ecarts(schema: z.ZodType | undefined, avant: unknown, apres: unknown, path: Chemin = []): string[] {
  if (pareil(avant, apres) || (vide(avant) && vide(apres))) return [];
  const nom = () => libelle(schema, path);
  // A list of items that appears or goes: one line per item.
  if (vide(avant) && Array.isArray(apres) && !estSimple(apres)) return ecarts(schema, [], apres, path);
  if (vide(apres) && Array.isArray(avant) && !estSimple(avant)) return ecarts(schema, avant, [], path);
  if (path.length > 0 && (vide(avant) || vide(apres)) && !(estSimple(avant) && estSimple(apres)))
    return [vide(avant) ? `Nouveau : ${nom()}` : `Retiré : ${nom()}`];
  if (estObjet(avant) && estObjet(apres)) {
    const keys = [...new Set([...Object.keys(apres), ...Object.keys(avant)])];
    return keys.flatMap((k) => ecarts(schema, avant[k], apres[k], [...path, k]));
  }
  if (Array.isArray(avant) && Array.isArray(apres) && !(estSimple(avant) && estSimple(apres))) {
    const n = Math.max(avant.length, apres.length);
    return Array.from({ length: n }, (_, i) => ecarts(schema, avant[i], apres[i], [...path, i])).flat();
  }
  const [a, b] = [valeur(avant), valeur(apres)];
  if (a.length > LONG || b.length > LONG || a.includes('\n') || b.includes('\n')) return [`${nom()} modifié`];
  return [`${nom()} : ${a} → ${b}`];
}

const nomDeFichier = (chemin: string) => (chemin.split('/').pop() ?? chemin).replace(/\.(md|mdx|ya?ml)$/, '');

/** What changed between two versions of the file, in French; `avant` undefined for its creation, `apres` for its deletion. */
export function changements(chemin: string, avant: string | undefined, apres: string | undefined, ancien = chemin): string[] {
  if (avant === undefined && apres === undefined) return [];
  if (avant === undefined) return ['Fiche créée'];
  if (apres === undefined) return ['Fiche supprimée'];
  const lines: string[] = [];
  if (ancien !== chemin) lines.push(`Fiche renommée : ${nomDeFichier(ancien)} → ${nomDeFichier(chemin)}`);
  const [a, b] = [lire(ancien, avant), lire(chemin, apres)];
  if (!a || !b) return [...lines, 'Fiche modifiée (une des deux versions est illisible)'];
  lines.push(...ecarts(schemaDe(chemin), a.champs, b.champs));
  if ((a.texte ?? '') !== (b.texte ?? '')) lines.push('Texte de la page modifié');
  if (lines.length === 0 && avant !== apres) lines.push('Mise en forme du fichier modifiée, sans changement de contenu');
  return lines;
}

/** Every version of the file on `branche` (renames followed), newest first, with what each changed. */
export async function historique(depot: string, chemin: string, branche = 'main'): Promise<Version[]> {
  const fichier = cheminVerifie(chemin);
  const list = await etapes(depot, fichier, branche);
  // Each version's text and its parent's: two blobs a commit, read in one process.
  const specs = list.flatMap((e) => [e.statut === 'D' ? '' : `${e.commit}:${e.apres}`, `${e.commit}^:${e.avant}`]);
  const found = await textes(
    depot,
    specs.map((s) => s || 'absent-expres'),
  );
  return list.map((e, i) => {
    const [apres, avant] = [found[2 * i], found[2 * i + 1]];
    return {
      commit: e.commit,
      date: e.date,
      auteur: e.auteur,
      message: e.message,
      chemin: e.apres,
      changements: changements(e.apres, e.statut === 'A' ? undefined : avant, e.statut === 'D' ? undefined : apres, e.avant),
    };
  });
}

/**
 * The file's text at `commit` (undefined where it is absent); after a rename, the path it had then, as its history
 * on `main` says. Refuses what is not a commit's hash or a file of content/.
 */
export async function versionDu(depot: string, chemin: string, commit: string): Promise<string | undefined> {
  const fichier = cheminVerifie(chemin);
  if (!COMMIT.test(commit)) throw new DemandeRefusee(`« ${commit} » n’est pas une version connue.`);
  const [ici] = await textes(depot, [`${commit}:${fichier}`]);
  if (ici !== undefined) return ici;
  const full = (await git(depot, ['rev-parse', '--verify', '--quiet', `${commit}^{commit}`]).catch(() => Buffer.alloc(0)))
    .toString()
    .trim();
  const then = (await etapes(depot, fichier, 'main')).find((e) => e.commit === full);
  if (!then || then.statut === 'D') return undefined;
  return (await textes(depot, [`${full}:${then.apres}`]))[0];
}
