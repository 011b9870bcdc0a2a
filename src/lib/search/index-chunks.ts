/**
 * Build: Smaller word-index chunks for Pagefind 1.6 (issue 11). Pagefind cuts its word index into chunks of 20,000
 * word positions, a constant of its indexer (`chunk_index(word_map, 20000)` in pagefind/src/index/mod.rs,
 * "TODO: Parameterize"), so every word searched costs at least one ~30 KB chunk however rare it is: at 10,000
 * pages, two rare words cost more than the 50 KB a following query may weigh.
 *
 * After Pagefind has written its files, this cuts the same words, in the same order, into chunks of about
 * `maxBytes`, and rewrites the chunk list of the metadata (boundaries: see below). The words' bytes are copied untouched; only the list of chunks changes. A frequent word
 * stays whole in its own chunk: the search needs all its positions to rank pages.
 *
 * The files read and written (all gzip, then "pagefind_dcd" then CBOR):
 *   pagefind.<lang>_<hash>.pf_meta  [version, pages, chunks: [from, to, hash][], filters, …]
 *   index/<hash>.pf_index           [words: [word, pages, …][]]
 * A Pagefind whose files do not look like this makes `rechunkIndex` throw, and the build with it.
 */
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = Buffer.from('pagefind_dcd');

/** Bytes of uncompressed CBOR per chunk: ~2 to 3 KB once compressed. */
export const CHUNK_BYTES = 6_000;

export type Rechunked = { before: number; after: number };

export async function rechunkIndex(outputPath: string, maxBytes = CHUNK_BYTES): Promise<Rechunked> {
  const entryFile = path.join(outputPath, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { version: string; languages: Record<string, { hash: string }> };
  // Written against Pagefind 1.6's files: another version may change them, and must be checked here first.
  if (!/^1\.6\./.test(entry.version))
    throw new Error(`Pagefind ${entry.version} : src/lib/search/index-chunks.ts est écrit pour Pagefind 1.6`);
  let before = 0;
  let after = 0;
  for (const language of Object.values(entry.languages)) {
    const metaFile = path.join(outputPath, `pagefind.${language.hash}.pf_meta`);
    const meta = unpack(await readFile(metaFile), metaFile);
    const top = spans(meta, 0, metaFile);
    const chunkList = top[2];
    if (top.length < 4 || !chunkList) throw new Error(`${metaFile} : métadonnées Pagefind inattendues`);
    const chunks = spans(meta, chunkList.start, metaFile).map((c) => decodeCbor(meta, c.start) as [string, string, string]);
    before += chunks.length;

    // Every word, in Pagefind's order, as its raw CBOR bytes.
    const words: { word: string; bytes: Buffer }[] = [];
    for (const [, , hash] of chunks) {
      const file = path.join(outputPath, 'index', `${hash}.pf_index`);
      const index = unpack(await readFile(file), file);
      const [list] = spans(index, 0, file);
      if (!list) throw new Error(`${file} : morceau d’index Pagefind inattendu`);
      for (const w of spans(index, list.start, file)) {
        const [word] = decodeCbor(index, w.start) as [string];
        words.push({ word, bytes: index.subarray(w.start, w.end) });
      }
      await rm(file);
    }

    const groups = cut(words, maxBytes);
    const prefix = language.hash.slice(0, language.hash.indexOf('_') + 1);
    const list: [string, string, string][] = [];
    for (const group of groups) {
      const body = Buffer.concat([cborHead(4, 1), cborHead(4, group.length), ...group.map((w) => w.bytes)]);
      const hash = prefix + digest(body).slice(0, 7);
      await writeFile(path.join(outputPath, 'index', `${hash}.pf_index`), pack(body));
      list.push([group[0]!.word, group.at(-1)!.word, hash]);
    }
    bounds(list);
    after += list.length;

    const encodedList = Buffer.concat([
      cborHead(4, list.length),
      ...list.map((c) => Buffer.concat([cborHead(4, 3), ...c.map(cborText)])),
    ]);
    const newMeta = Buffer.concat([meta.subarray(0, chunkList.start), encodedList, meta.subarray(chunkList.end)]);
    const newHash = prefix + digest(newMeta).slice(0, 10);
    await rm(metaFile);
    await writeFile(path.join(outputPath, `pagefind.${newHash}.pf_meta`), pack(newMeta));
    language.hash = newHash;
  }
  await writeFile(entryFile, JSON.stringify(entry));
  return { before, after };
}

type Word = { word: string; bytes: Buffer };

/**
 * Groups the words, in order, into chunks of at most `maxBytes` (a word larger than that alone). Pagefind looks a
 * query term up unstemmed ("formation", "deuxieme") while the index holds stems ("format", "deuxiem"), so a
 * chunk never starts just past a stem of 4 letters or more ("formate…" after "format"): the term would be
 * looked up in the next chunk, without its stem.
 */
function cut(words: Word[], maxBytes: number): Word[][] {
  const known = new Set(words.map((w) => w.word));
  const groups: Word[][] = [];
  let size = 0;
  for (const [i, w] of words.entries()) {
    const full = groups.length === 0 || (size > 0 && size + w.bytes.length > maxBytes);
    if (full && (i === 0 || !followsStem(words[i - 1]!.word, w.word, known))) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(w);
    size += w.bytes.length;
  }
  return groups;
}

/** Whether a chunk starting at `b` (after `a`) would start at most 3 letters past a known stem. */
function followsStem(a: string, b: string, known: Set<string>): boolean {
  const from = start([...a], [...b]);
  for (let k = Math.max(4, from.length - 3); k < from.length; k++) if (known.has(from.slice(0, k).join(''))) return true;
  return false;
}

/** Pagefind's start of a chunk (`get_prefixes`): the shortest prefix of `b` that sorts after `a`. */
function start(a: string[], b: string[]): string[] {
  const common = b.findIndex((c, k) => a[k] !== c);
  return b.slice(0, (common < 0 ? b.length : common) + 1);
}

/**
 * Sets each chunk's [from, to] so that every term falls in exactly one chunk. Pagefind loads, for each term,
 * the first chunk with from <= term <= to (byte order), and only when no term of the query finds one, any
 * chunk sharing its first letters: at 10,000 pages that can be the 300 KB chunk of "de" for "deuxieme".
 * A chunk starts at the shortest prefix of its first word that tells it from the previous chunk's last word,
 * as in Pagefind (`chunk_meta`); it ends just before the next one starts, where Pagefind leaves gaps.
 */
function bounds(list: [string, string, string][]): void {
  for (let i = 0; i + 1 < list.length; i++) {
    const from = start([...list[i]![1]], [...list[i + 1]![0]]);
    list[i + 1]![0] = from.join('');
    list[i]![1] = before(from);
  }
  if (list.length > 0) {
    list[0]![0] = '';
    list.at(-1)![1] = MAX;
  }
}

const MAX = String.fromCodePoint(0x10ffff);

/** A string just below `from` in byte order: its last character minus one, then the highest character. */
function before(from: string[]): string {
  const last = from.at(-1)!.codePointAt(0)!;
  const previous = last - 1 >= 0xd800 && last - 1 <= 0xdfff ? 0xd7ff : last - 1;
  return from.slice(0, -1).join('') + (previous >= 0 ? String.fromCodePoint(previous) : '') + MAX;
}

const digest = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function unpack(file: Buffer, name: string): Buffer {
  const raw = gunzipSync(file);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${name} : signature Pagefind absente`);
  return raw.subarray(SIGNATURE.length);
}

const pack = (cbor: Buffer) => gzipSync(Buffer.concat([SIGNATURE, cbor]), { level: 9 });

// ---- Just enough CBOR (RFC 8949) -------------------------------------------------------------------------

/** Where each item of the array at `at` starts and ends. */
function spans(buf: Buffer, at: number, name: string): { start: number; end: number }[] {
  const head = header(buf, at);
  if (head.major !== 4) throw new Error(`${name} : tableau CBOR attendu`);
  const out: { start: number; end: number }[] = [];
  let p = head.next;
  for (let i = 0; i < head.value; i++) {
    const end = skip(buf, p);
    out.push({ start: p, end });
    p = end;
  }
  return out;
}

function header(buf: Buffer, p: number): { major: number; value: number; next: number } {
  const first = buf[p]!;
  const [major, info] = [first >> 5, first & 31];
  if (info < 24) return { major, value: info, next: p + 1 };
  if (info > 27) throw new Error(`CBOR : longueur indéfinie ou réservée à l’octet ${p}`);
  const size = 2 ** (info - 24);
  const value = size === 8 ? Number(buf.readBigUInt64BE(p + 1)) : buf.readUIntBE(p + 1, size);
  return { major, value, next: p + 1 + size };
}

/** The offset just after the item at `p`. */
function skip(buf: Buffer, p: number): number {
  const { major, value, next } = header(buf, p);
  switch (major) {
    case 2:
    case 3:
      return next + value;
    case 4: {
      let q = next;
      for (let i = 0; i < value; i++) q = skip(buf, q);
      return q;
    }
    case 5: {
      let q = next;
      for (let i = 0; i < value * 2; i++) q = skip(buf, q);
      return q;
    }
    case 6:
      return skip(buf, next);
    default:
      return next; // integers and simple values: their header is the whole item
  }
}

/** Decodes the item at `p` (also used by the benchmark and the tests to read Pagefind's files). */
export function decodeCbor(buf: Buffer, p = 0): unknown {
  const { major, value, next } = header(buf, p);
  switch (major) {
    case 0:
      return value;
    case 1:
      return -1 - value;
    case 2:
      return buf.subarray(next, next + value);
    case 3:
      return buf.toString('utf8', next, next + value);
    case 4:
    case 5: {
      const out: unknown[] = [];
      let q = next;
      for (let i = 0; i < value * (major === 5 ? 2 : 1); i++) {
        out.push(decodeCbor(buf, q));
        q = skip(buf, q);
      }
      if (major === 4) return out;
      return Object.fromEntries(out.flatMap((v, i) => (i % 2 ? [] : [[v, out[i + 1]]])));
    }
    case 6:
      return decodeCbor(buf, next);
    default:
      return value === 21 ? true : value === 20 ? false : null;
  }
}

function cborHead(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

const cborText = (s: string) => {
  const bytes = Buffer.from(s, 'utf8');
  return Buffer.concat([cborHead(3, bytes.length), bytes]);
};
