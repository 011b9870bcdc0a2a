/**
 * A SHA-256 of a folder's files (relative paths and bytes, in a fixed order): the content a build was made
 * from (build-stamp-write.ts) and a release holds (release.ts). Runs on the build machine.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function folderHash(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(dir, file)))
      .update('\0');
  return `sha256-${hash.digest('hex')}`;
}
