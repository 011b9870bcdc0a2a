/**
 * Node server: publications set for a day (issue 22, item 4: « une nouvelle session annoncée un jour donné »). An entry
 * of Decap's editorial workflow is a branch `cms/<collection>/<slug>` of the content repository, its state in
 * `branch.<branch>.description` (Decap's label); its publication date goes beside it, in
 * `branch.<branch>.fabriquepublierle` (ISO 8601), so that it lives and dies with the branch (`git branch -d` drops
 * the branch's whole section). The server publishes, at its date, only an entry a reviewer made « prête à publier »,
 * through the same path as a reviewer's « Publier » (the `publier` callback). Plain `git` through execFile.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Decap's states of an entry (decap-cms-core `Statues`). */
export type Statut = 'draft' | 'pending_review' | 'pending_publish';
export const STATUTS: readonly Statut[] = ['draft', 'pending_review', 'pending_publish'];

/** Decap's label prefix (decap-cms-lib-util APIUtils, `cms_label_prefix` left unset): `decap-cms/pending_publish`. */
export const PREFIXE_DECAP = 'decap-cms/';
/** The git config key beside Decap's description (lowercase: git compares variable names so). */
const CLE = 'fabriquepublierle';

export type Programmee = { branche: string; collection: string; slug: string; quand: Date };
export type EntreeDuFlux = { branche: string; collection: string; slug: string; statut?: Statut; quand?: Date };

/** A request scheduling refuses: its message is French, for the editor. */
export class ProgrammationRefusee extends Error {}

const BRANCHE = /^cms\/([a-z0-9-]+)\/([A-Za-z0-9][A-Za-z0-9._/-]*)$/;
const execFileP = promisify(execFile);

/** `git` in the repository: its output, or its exit code when it fails (`git config` says 1 for « not set »). */
async function git(depot: string, args: string[]): Promise<{ code: number; sortie: string }> {
  try {
    const { stdout } = await execFileP('git', ['-C', depot, ...args], { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, sortie: stdout };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const stdout = (e as { stdout?: unknown }).stdout;
    if (typeof code === 'number') return { code, sortie: typeof stdout === 'string' ? stdout : '' };
    throw e;
  }
}

/** Collection and slug of a workflow branch, or undefined for any other name. */
export function entreeDeBranche(branche: string): { collection: string; slug: string } | undefined {
  const found = BRANCHE.exec(branche);
  if (!found || branche.includes('..')) return undefined;
  return { collection: found[1]!, slug: found[2]! };
}

/** Decap's state from its label, if it is one. */
export function statutDuLibelle(label: string | undefined): Statut | undefined {
  const status = label?.trim().slice(PREFIXE_DECAP.length);
  return label?.trim().startsWith(PREFIXE_DECAP) && STATUTS.includes(status as Statut) ? (status as Statut) : undefined;
}

async function brancheExistante(depot: string, branche: string): Promise<string> {
  if (!entreeDeBranche(branche)) throw new ProgrammationRefusee(`« ${branche} » n’est pas une fiche en cours dans l’éditeur.`);
  const { code } = await git(depot, ['rev-parse', '--verify', '--quiet', `refs/heads/${branche}`]);
  if (code !== 0)
    throw new ProgrammationRefusee(`La fiche en cours « ${branche} » n’existe plus : elle a peut-être été publiée.`);
  return branche;
}

/** Sets (or moves) the entry's publication date. */
export async function programmer(depot: string, branche: string, quand: Date): Promise<void> {
  if (Number.isNaN(quand.getTime())) throw new ProgrammationRefusee('La date de publication est illisible.');
  await brancheExistante(depot, branche);
  const { code } = await git(depot, ['config', `branch.${branche}.${CLE}`, quand.toISOString()]);
  if (code !== 0) throw new Error(`git config a échoué (${code}) pour ${branche}`);
}

/** Removes the entry's publication date; nothing happens when it had none. */
export async function deprogrammer(depot: string, branche: string): Promise<void> {
  if (!entreeDeBranche(branche)) throw new ProgrammationRefusee(`« ${branche} » n’est pas une fiche en cours dans l’éditeur.`);
  // 5: the key was not set (or the branch's section is gone with the branch): already done.
  const { code } = await git(depot, ['config', '--unset-all', `branch.${branche}.${CLE}`]);
  if (code !== 0 && code !== 5) throw new Error(`git config --unset a échoué (${code}) pour ${branche}`);
}

/** Every `branch.cms/….<name>` value of the repository's config, by branch. */
async function reglages(depot: string): Promise<Map<string, Map<string, string>>> {
  const { code, sortie } = await git(depot, ['config', '--null', '--get-regexp', '^branch\\.cms/']);
  if (code !== 0 && code !== 1) throw new Error(`git config --get-regexp a échoué (${code})`);
  const byBranch = new Map<string, Map<string, string>>();
  for (const item of sortie.split('\0').filter(Boolean)) {
    // --null: "key\nvalue"; the key is branch.<branch>.<name>, the branch keeping its case and its dots.
    const [key = '', value = ''] = item.split(/\n(.*)/s);
    const dot = key.lastIndexOf('.');
    const branche = key.slice('branch.'.length, dot);
    const name = key.slice(dot + 1).toLowerCase();
    if (!byBranch.has(branche)) byBranch.set(branche, new Map());
    byBranch.get(branche)!.set(name, value);
  }
  return byBranch;
}

const dateDe = (iso: string | undefined) => {
  const d = iso ? new Date(iso) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
};

/** Every entry in progress (a `cms/…` branch), with its state and its publication date if it has one, by branch name. */
export async function entreesDuFlux(depot: string): Promise<EntreeDuFlux[]> {
  const [{ sortie }, config] = await Promise.all([
    git(depot, ['for-each-ref', '--format=%(refname:short)', 'refs/heads/cms/']),
    reglages(depot),
  ]);
  return sortie
    .split('\n')
    .filter(Boolean)
    .sort()
    .flatMap((branche) => {
      const entree = entreeDeBranche(branche);
      if (!entree) return [];
      const own = config.get(branche);
      return [{ branche, ...entree, statut: statutDuLibelle(own?.get('description')), quand: dateDe(own?.get(CLE)) }];
    });
}

/** The entries that have a publication date, soonest first. */
export async function programmees(depot: string): Promise<Programmee[]> {
  return (await entreesDuFlux(depot))
    .filter((e): e is EntreeDuFlux & { quand: Date } => e.quand !== undefined)
    .map(({ branche, collection, slug, quand }) => ({ branche, collection, slug, quand }))
    .sort((a, b) => a.quand.getTime() - b.quand.getTime());
}

/** The entries due by `maintenant` that a reviewer made ready (« pending_publish »). */
export async function aPublier(depot: string, maintenant: Date): Promise<Programmee[]> {
  const due = (await entreesDuFlux(depot)).filter(
    (e): e is EntreeDuFlux & { quand: Date } =>
      e.quand !== undefined && e.quand.getTime() <= maintenant.getTime() && e.statut === 'pending_publish',
  );
  return due.map(({ branche, collection, slug, quand }) => ({ branche, collection, slug, quand }));
}

/**
 * Publishes the entries due, one after the other, through `publier` (a reviewer's « Publier »: merge into main,
 * delete the branch), and forgets their date. An entry whose publication fails keeps its date and is tried again
 * next time; `enEchec` hears of it. Returns the branches published.
 */
export async function publierLesProgrammees(
  depot: string,
  maintenant: Date,
  publier: (collection: string, slug: string) => Promise<void>,
  enEchec: (branche: string, erreur: unknown) => void = () => {},
): Promise<string[]> {
  const published: string[] = [];
  for (const entree of await aPublier(depot, maintenant)) {
    try {
      await publier(entree.collection, entree.slug);
    } catch (e) {
      enEchec(entree.branche, e);
      continue;
    }
    await deprogrammer(depot, entree.branche);
    published.push(entree.branche);
  }
  return published;
}

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment as Rennes's clocks show it, `AAAA-MM-JJTHH:MM`: the value of an `<input type="datetime-local">`. */
export function saisieDeDate(quand: Date): string {
  const parts = Object.fromEntries(PARIS.formatToParts(quand).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

const SAISIE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * What an `<input type="datetime-local">` sent, read as Rennes's time (summer or winter), or undefined when it is not
 * a date and time (or a time the change to summer time skips).
 */
export function dateDeSaisie(valeur: string): Date | undefined {
  const found = SAISIE.exec(valeur.trim());
  if (!found) return undefined;
  const [y, mo, d, h, mi] = found.slice(1, 6).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  const wanted = `${found[1]}-${found[2]}-${found[3]}T${found[4]}:${found[5]}`;
  // Paris is UTC+1 or UTC+2: one of the two readings shows the time typed.
  for (const hours of [1, 2]) {
    const candidate = new Date(asUtc - hours * 3_600_000);
    if (saisieDeDate(candidate) === wanted) return candidate;
  }
  return undefined;
}
