/**
 * Browser, in the editor /admin/: files saved as they were written, but for what the editor changed (issue 22,
 * item 6). Decap rewrites a whole file when it saves (key order, quotes, and every comment gone, the example key's
 * warning in a form's settings included). These two formats read files as Decap's own do, and write the change
 * into the file as it is on disk (GET /admin/fichier, read just before the save, by verifier.ts): a one-field change
 * is a one-line diff. A new file, or one the server cannot give, is written whole, in the schema's order.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node } from 'yaml';
import { listsFromMaps, mapsFromLists } from './map-fields.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n?---\r?\n?([\s\S]*)$/;

/** The file being saved as it is on disk, set before each save (verifier.ts, preSave). */
let onDisk: string | undefined;
export function fileBeforeSave(text: string | undefined): void {
  onDisk = text;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Puts `value` into `node`'s place in `parent` changing only what differs, so untouched lines keep their form. */
function update(doc: Document, node: Node | null | undefined, value: unknown): Node {
  if (node && same(node.toJSON(), value)) return node;
  if (isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const item of [...node.items]) {
      const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
      if (!(key in record) || record[key] === undefined) node.delete(key);
    }
    for (const [key, v] of Object.entries(record)) {
      if (v === undefined) continue;
      node.set(key, update(doc, node.get(key, true), v));
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    value.forEach((v, i) => node.set(i, update(doc, node.get(i, true), v)));
    while (node.items.length > value.length) node.delete(node.items.length - 1);
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    node.value = value;
    return node;
  }
  return doc.createNode(value);
}

/** Fields in the schema's order (Decap's `sortedKeys`), then any others. */
function ordered(data: Record<string, unknown>, keys: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...keys, ...Object.keys(data)]) if (k in data && data[k] !== undefined && !(k in out)) out[k] = data[k];
  return out;
}

/**
 * The edits that turn `node` (read from the file) into `value` by replacing scalars in place, or false when the
 * change is not only scalars (a key or an item added or removed, a block of text rewritten).
 */
function scalarEdits(node: Node | null | undefined, value: unknown, edits: [number, number, string][]): boolean {
  if (node && same(node.toJSON(), value)) return true;
  if (isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const keys = node.items.map((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)));
    const wanted = Object.keys(record).filter((k) => record[k] !== undefined);
    if (keys.length !== wanted.length || !wanted.every((k) => keys.includes(k))) return false;
    return node.items.every((item, i) => scalarEdits(item.value as Node | null, record[keys[i]!], edits));
  }
  if (isSeq(node) && Array.isArray(value) && value.length === node.items.length)
    return node.items.every((item, i) => scalarEdits(item as Node, value[i], edits));
  if (isScalar(node) && node.range && (value === null || typeof value !== 'object')) {
    const style = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? node.type : 'PLAIN';
    const text = stringify(value, { defaultStringType: style, lineWidth: 0 }).replace(/\n$/, '');
    if (text.includes('\n') || node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL') return false;
    edits.push([node.range[0], node.range[1], text]);
    return true;
  }
  return false;
}

/**
 * YAML of `data`, written into the file's own YAML when there is one: changed values replaced where they stand
 * (every other byte kept); a change of shape rewrites the YAML, comments kept.
 */
function yamlOf(data: Record<string, unknown>, original: string | undefined, keys: string[]): string {
  if (original === undefined) return stringify(ordered(data, keys), { lineWidth: 0 });
  const doc = parseDocument(original);
  const edits: [number, number, string][] = [];
  const source = original.endsWith('\n') ? original : `${original}\n`;
  if (scalarEdits(doc.contents, data, edits))
    return edits
      .sort((x, y) => y[0] - x[0])
      .reduce((text, [start, end, by]) => text.slice(0, start) + by + text.slice(end), source);
  doc.contents = update(doc, doc.contents, data) as typeof doc.contents;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function splitFrontMatter(text: string): { yaml: string; body: string } {
  const m = FRONT_MATTER.exec(text);
  return m ? { yaml: m[1] ?? '', body: m[2] ?? '' } : { yaml: '', body: text };
}

type Format = {
  fromFile: (content: string) => Record<string, unknown>;
  toFile: (data: Record<string, unknown>, sortedKeys?: string[]) => string;
};

export const frontMatter: Format = {
  fromFile: (content) => {
    const { yaml, body } = splitFrontMatter(content);
    return { ...((parseDocument(yaml).toJSON() as Record<string, unknown> | null) ?? {}), body: body.replace(/^\r?\n/, '') };
  },
  toFile: ({ body, ...fields }, sortedKeys) => {
    const before = onDisk === undefined ? undefined : splitFrontMatter(onDisk);
    const text = typeof body === 'string' ? body : '';
    // The text unchanged: kept byte for byte, its blank lines included; otherwise after one blank line.
    const after = before && before.body.replace(/^\r?\n/, '') === text ? before.body : `\n${text}`;
    return `---\n${yamlOf(fields, before?.yaml, sortedKeys ?? [])}---\n${after}`;
  },
};

/** A form's settings: its maps (team keys, addresses by quartier) are lists in the editor (map-fields.ts). */
export const yamlFile: Format = {
  fromFile: (content) => listsFromMaps((parseDocument(content).toJSON() as Record<string, unknown> | null) ?? {}),
  toFile: (data, sortedKeys) => yamlOf(mapsFromLists(data), onDisk, sortedKeys ?? []),
};
