/**
 * Which release the Node server serves, for /_sante and the metrics: a release archive's manifest
 * (fabrique-release.json beside server.js: version, commit) with the stamp of the pages served now
 * (dist/fabrique-build.json: mode, build time; a rebuild changes it without a restart), or the stamp alone
 * when the server runs from a source folder.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RELEASE_MANIFEST, type BuildStamp } from '../build-stamp.ts';
import type { ServedRelease } from '../health.ts';

type Manifest = { version?: string; commit?: string; modifie?: boolean; mode?: string; builtAt?: string };

function readManifest(root: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(root, RELEASE_MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

export function servedReleaseOf(root: string, stamp: () => BuildStamp | undefined): () => ServedRelease | undefined {
  const manifest = readManifest(root);
  return () => {
    const s = stamp();
    const mode = s?.mode ?? manifest?.mode;
    const builtAt = s?.builtAt ?? manifest?.builtAt;
    if (!mode || !builtAt) return undefined;
    return manifest
      ? {
          source: 'manifeste',
          version: manifest.version,
          commit: manifest.commit,
          ...(manifest.modifie === true ? { modifie: true as const } : {}),
          mode,
          builtAt,
        }
      : { source: 'construction', mode, builtAt };
  };
}
