/**
 * Build and Node server: Line numbers for editors: where a field sits in a content file, so every message can say
 * "ligne 12" and the editor goes straight there.
 */
import { isCollection, isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';

/** Returns the 1-based line of a field path in the whole file (front matter starts on line 2). */
export function fieldLines(frontMatter: string, firstLine = 2): (at: readonly PropertyKey[]) => number {
  const counter = new LineCounter();
  const doc = parseDocument(frontMatter, { lineCounter: counter });
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? counter.linePos(node.range[0]).line + firstLine - 1 : undefined;
  return (at) => {
    // Walk as deep as the path exists: a missing field is shown at its parent (or the first line).
    let node: unknown = doc.contents;
    let line = firstLine;
    for (const key of at) {
      if (!isCollection(node)) break;
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        line = lineOf(pair.key as Node) ?? line;
        node = pair.value;
      } else {
        const item = node.items[Number(key)] as Node | undefined;
        if (!item) break;
        line = lineOf(item) ?? line;
        node = item;
      }
    }
    return line;
  };
}
