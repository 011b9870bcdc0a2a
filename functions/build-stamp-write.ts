/**
 * Run by `npm run build` after `astro build` (same environment): records in the built site the forms'
 * mode it was built for, which the servers check at start (build-stamp.ts).
 * Usage: node functions/build-stamp-write.ts [distDir]
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { formsModeFromEnv } from '../src/lib/forms/mode.ts';
import { BUILD_STAMP_FILE, type BuildStamp } from './build-stamp.ts';
import { folderHash } from './content-hash.ts';

const distDir = path.resolve(process.argv[2] ?? 'dist');
// The content the pages are built from: a release holds this very content (release.ts checks it).
const stamp: BuildStamp & { contentHash: string } = {
  mode: formsModeFromEnv(process.env),
  builtAt: new Date().toISOString(),
  contentHash: folderHash(path.resolve(import.meta.dirname, '../content')),
};
writeFileSync(path.join(distDir, BUILD_STAMP_FILE), `${JSON.stringify(stamp)}\n`);
console.log(`Site construit en mode ${stamp.mode === 'demonstration' ? 'démonstration' : 'production'} (${BUILD_STAMP_FILE}).`);
