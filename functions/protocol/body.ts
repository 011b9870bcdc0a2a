/**
 * Reads a submission body in the three encodings Formspree accepts. Anything ambiguous (invalid UTF-8,
 * repeated JSON keys, a file) is refused rather than guessed at. Nothing is ever written to disk.
 */
import { hasDuplicateKey } from './json-keys.ts';
import { nestedTooDeep } from './json-shape.ts';
import { refusal, type Refusal } from './codes.ts';
import { MAX_PARTS } from './limits.ts';

/** Field name → value: a string, a list when a form-encoded name repeats, or any JSON value. */
export type RawFields = Map<string, unknown>;
export type ParsedBody = { ok: true; fields: RawFields } | { ok: false; refusal: Refusal };

export type BodyKind = 'json' | 'urlencoded' | 'multipart';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

const bad = (message: string): ParsedBody => ({ ok: false, refusal: refusal(400, 'Envoi illisible', message) });
const BAD_TEXT = 'Le formulaire contient des caractères illisibles. Retapez le texte sans copier-coller, puis renvoyez-le.';
const TOO_MANY = `Trop de champs envoyés (${MAX_PARTS} au plus).`;

/** The body kind from a Content-Type header, or undefined when we do not accept it (415). */
export function bodyKind(contentType: string | undefined): BodyKind | undefined {
  if (!contentType) return undefined;
  const [type = '', ...params] = contentType
    .toLowerCase()
    .split(';')
    .map((s) => s.trim());
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (charset && charset !== 'utf-8' && charset !== 'utf8') return undefined;
  if (type === 'application/json') return 'json';
  if (type === 'application/x-www-form-urlencoded') return 'urlencoded';
  if (type === 'multipart/form-data') return 'multipart';
  return undefined;
}

export async function parseBody(kind: BodyKind, contentType: string, bytes: Uint8Array<ArrayBuffer>): Promise<ParsedBody> {
  if (kind === 'multipart') return parseMultipart(contentType, bytes);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return bad(BAD_TEXT);
  }
  return kind === 'json' ? parseJson(text) : parseUrlEncoded(text);
}

const NESTED =
  'Les données envoyées ne peuvent contenir que des textes ou des listes de textes : { "champ": "valeur", "cases": ["a", "b"] }.';

function parseJson(text: string): ParsedBody {
  if (nestedTooDeep(text)) return bad(NESTED);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return bad('Les données envoyées ne sont pas du JSON valide.');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return bad('Les données envoyées doivent être un objet JSON : { "champ": "valeur" }.');
  if (hasDuplicateKey(text)) return bad('Un même champ est présent deux fois dans les données envoyées.');
  if (!allWellFormed(data)) return bad(BAD_TEXT);
  const entries = Object.entries(data);
  if (entries.length > MAX_PARTS) return bad(TOO_MANY);
  return { ok: true, fields: new Map(entries) };
}

function parseUrlEncoded(text: string): ParsedBody {
  const fields: RawFields = new Map();
  const pairs = text === '' ? [] : text.split('&');
  if (pairs.length > MAX_PARTS) return bad(TOO_MANY);
  for (const pair of pairs) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [rawName, rawValue] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    let name: string;
    let value: string;
    try {
      // URLSearchParams would turn invalid percent-encoded UTF-8 into U+FFFD silently; decodeURIComponent throws.
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      return bad(BAD_TEXT);
    }
    add(fields, name, value);
  }
  return { ok: true, fields };
}

async function parseMultipart(contentType: string, bytes: Uint8Array<ArrayBuffer>): Promise<ParsedBody> {
  if (!/boundary=/i.test(contentType)) return bad('Envoi multipart sans « boundary » : le formulaire ne peut pas être lu.');
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    return bad('Envoi multipart mal formé : le formulaire ne peut pas être lu.');
  }
  const fields: RawFields = new Map();
  let count = 0;
  for (const [name, value] of form) {
    if (++count > MAX_PARTS) return bad(TOO_MANY);
    if (typeof value !== 'string')
      return {
        ok: false,
        refusal: refusal(
          422,
          'Fichiers non acceptés',
          'Ce formulaire n’accepte pas de fichier joint. Retirez le fichier et renvoyez le formulaire.',
          'NO_FILE_UPLOADS',
        ),
      };
    add(fields, name, value);
  }
  // The multipart parser replaces invalid UTF-8 with U+FFFD; check the bytes themselves (no file part is left).
  try {
    utf8.decode(bytes);
  } catch {
    return bad(BAD_TEXT);
  }
  return { ok: true, fields };
}

function add(fields: RawFields, name: string, value: string) {
  const seen = fields.get(name);
  if (seen === undefined) fields.set(name, value);
  else fields.set(name, Array.isArray(seen) ? [...(seen as unknown[]), value] : [seen, value]);
}

/** Every text in the value, keys included, is well-formed UTF-16; a loop over a stack, not a recursion. */
function allWellFormed(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (!value.isWellFormed()) return false;
    } else if (Array.isArray(value)) for (const v of value) pending.push(v);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        if (!k.isWellFormed()) return false;
        pending.push(v);
      }
  }
  return true;
}
