/**
 * Browser, in the editor /admin/ (after Decap CMS): before each save, the entry goes to POST /admin/verifier, which
 * runs every check of the build with it in place (src/lib/content-checks/proposal.ts). A problem stops the save,
 * and Decap shows the French lines (« Impossible d’enregistrer l’entrée : … »); nothing is written. Where nothing
 * answers (a server without the editor's check), the save goes on: the build still checks.
 */
type Entry = { get: (key: string) => unknown };
type Cms = {
  registerEventListener: (listener: { name: 'preSave'; handler: (e: { entry: Entry }) => Promise<unknown> }) => void;
};

const cms = (window as unknown as { CMS?: Cms }).CMS;

cms?.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const data = (entry.get('data') as { toJS: () => Record<string, unknown> }).toJS();
    const collection = String(entry.get('collection'));
    // A new entry has no file yet: the check names it « cette fiche » either way.
    const saved = entry.get('path');
    const file = typeof saved === 'string' && saved ? saved : `content/${collection}/nouvelle-fiche.md`;
    let problemes: string[];
    try {
      const answer = await fetch('/admin/verifier', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ path: file, data }),
      });
      if (answer.status === 404) return undefined;
      problemes = ((await answer.json()) as { problemes?: string[] }).problemes ?? [];
    } catch {
      return undefined;
    }
    if (problemes.length > 0)
      throw new Error(`la fiche n’est pas enregistrée, à corriger d’abord :\n${problemes.map((p) => `– ${p}`).join('\n')}`);
    return undefined;
  },
});
