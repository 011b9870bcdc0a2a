/**
 * What the build was made for, recorded in dist/ (fabrique-build.json, written after `astro build` by
 * build-stamp-write.ts): the forms' mode decides what the pages show (a working form or « pas encore en
 * service »), so a server in the other mode would show forms its handler refuses, or the reverse. Node
 * and the Worker refuse to start on a mismatch.
 */
import type { FormsMode } from '../src/lib/forms/mode.ts';

export const BUILD_STAMP_FILE = 'fabrique-build.json';
/** A release's manifest, at its root (functions/release.ts). */
export const RELEASE_MANIFEST = 'fabrique-release.json';

export type BuildStamp = { mode: FormsMode; builtAt: string };

const MODE_WORDS: Record<FormsMode, string> = { production: 'production', demonstration: 'démonstration' };

/** A French message when the site was built for another mode than the server runs in; undefined when they agree. */
export function modeMismatch(stamp: BuildStamp | undefined, mode: FormsMode): string | undefined {
  if (!stamp || stamp.mode === mode) return undefined;
  const fix =
    stamp.mode === 'demonstration'
      ? 'reconstruire le site sans FABRIQUE_DEMONSTRATION (npm run build), ou servir avec FABRIQUE_DEMONSTRATION=oui pour une démonstration'
      : 'servir sans FABRIQUE_DEMONSTRATION, ou reconstruire le site avec FABRIQUE_DEMONSTRATION=oui pour une démonstration';
  return `le site a été construit en mode ${MODE_WORDS[stamp.mode]} (dist/${BUILD_STAMP_FILE}, ${stamp.builtAt}) et le serveur démarre en mode ${MODE_WORDS[mode]} : les pages montreraient des formulaires que le serveur traite autrement. À faire : ${fix}.`;
}

/** The stamp as read from its JSON, or undefined when absent or unreadable (an older build). */
export function parseBuildStamp(text: string | undefined): BuildStamp | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<BuildStamp>;
    if ((v.mode === 'production' || v.mode === 'demonstration') && typeof v.builtAt === 'string')
      return { mode: v.mode, builtAt: v.builtAt };
  } catch {
    /* an unreadable stamp is no stamp */
  }
  return undefined;
}
