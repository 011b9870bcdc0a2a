/**
 * Browser, in the editor /admin/ (after Decap CMS): what the build would refuse is refused first (issue 22, item 1).
 * Before each save, the entry goes to POST /admin/verifier, which runs every check of the build with it in place
 * (src/lib/content-checks/proposal.ts); before a deletion, the files to delete do, and the answer lists the other
 * entries that name them. A problem stops the save or the deletion and Decap shows the French lines
 * (« Impossible d’enregistrer l’entrée : … »); nothing is written. Where nothing answers (a server without the
 * editor's check), the editor goes on: the build still checks.
 */
import { fileBeforeSave, frontMatter, yamlFile } from './keep-format.ts';
import { mapsFromLists, repeatedKeys } from './map-fields.ts';
import { enregistrerApercus } from './apercu/index.ts';
import { signalerInscrits } from './inscrits.ts';
import { afficherBandeau } from './bandeau.ts';

type Entry = { get: (key: string) => unknown };
type Cms = {
  registerEventListener: (listener: { name: 'preSave'; handler: (e: { entry: Entry }) => Promise<unknown> }) => void;
  registerCustomFormat: (name: string, extension: string, format: object) => void;
};
const cms = (window as unknown as { CMS?: Cms }).CMS;

// Files saved as they were written but for the change (keep-format.ts; the collections name these formats).
cms?.registerCustomFormat('fabrique-frontmatter', 'md', frontMatter);
cms?.registerCustomFormat('fabrique-yaml', 'yaml', yamlFile);

/** The file as it is on disk before the save, or nothing for a new one (GET /admin/fichier). */
async function onDisk(file: string): Promise<string | undefined> {
  try {
    const answer = await fetch(`/admin/fichier?chemin=${encodeURIComponent(file)}`, { cache: 'no-store' });
    return answer.ok ? await answer.text() : undefined;
  } catch {
    return undefined;
  }
}

/** The problems the check finds, or none when it cannot be asked. */
async function verifier(request: object): Promise<string[]> {
  try {
    const answer = await fetch('/admin/verifier', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (answer.status === 404) return [];
    return ((await answer.json()) as { problemes?: string[] }).problemes ?? [];
  } catch {
    return [];
  }
}

const list = (problemes: string[]) => problemes.map((p) => `– ${p}`).join('\n');

cms?.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const shown = (entry.get('data') as { toJS: () => Record<string, unknown> }).toJS();
    const collection = String(entry.get('collection'));
    // A form's maps are lists in the editor (map-fields.ts): a key given twice is refused, the rest checked as written.
    const repeated = collection === 'formulaires' ? repeatedKeys(shown) : [];
    if (repeated.length > 0) throw new Error(`la fiche n’est pas enregistrée, à corriger d’abord :\n${list(repeated)}`);
    const data = collection === 'formulaires' ? mapsFromLists(shown) : shown;
    // A new entry has no file yet: the check names it « cette fiche » either way.
    const saved = entry.get('path');
    const existing = typeof saved === 'string' && saved ? saved : undefined;
    const file = existing ?? `content/${collection}/nouvelle-fiche.md`;
    const problemes = await verifier({ path: file, data });
    if (problemes.length > 0) throw new Error(`la fiche n’est pas enregistrée, à corriger d’abord :\n${list(problemes)}`);
    fileBeforeSave(existing && (await onDisk(existing)));
    return undefined;
  },
});

// Decap has no event before a deletion: its request to the local backend (decap-server, action deleteFiles) is
// checked on its way, and refused while other entries name the files.
const send = window.fetch.bind(window);
window.fetch = async (input, init) => {
  if (typeof init?.body === 'string' && init.body.includes('"deleteFiles"')) {
    const { action, params } = JSON.parse(init.body) as { action?: string; params?: { paths?: string[] } };
    if (action === 'deleteFiles' && params?.paths?.length) {
      const problemes = await verifier({ supprimer: params.paths });
      if (problemes.length > 0)
        throw new Error(`la fiche n’est pas supprimée : d’autres fiches la nomment, à changer d’abord :\n${list(problemes)}`);
    }
  }
  return send(input, init);
};

signalerInscrits();

// The preview looks like the site, the entry's warnings stand beside their fields, Decap speaks French (apercu/).
enregistrerApercus();

// On the project's server: where the publication stands, the entry's history, the way out (bandeau.ts).
afficherBandeau();
