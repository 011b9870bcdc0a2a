/**
 * From « Publier » to the public pages (issue 22, item 3), in the background: the build folder takes the
 * content repository's new commits (a fast-forward: nothing of its own is lost), the content check runs, and
 * `npm run rebuild` builds a new release and puts it in service (node/rebuild.ts: the site served changes at
 * once, with no restart; a failure changes nothing). The editor reads where it stands at GET /admin/publication:
 * « en ligne dans N minutes », « en ligne », or the French error — the public site keeps its last good release.
 * Publications asked during a build wait for it and run once after it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { git } from './git.ts';

export type EtatPublication = {
  etat: 'en-ligne' | 'en-cours' | 'erreur';
  /** When the state began (ISO). */
  depuis: string;
  /** While building: when it should be online (ISO), from the last build's duration. */
  prevu?: string;
  /** The error in French, for the editor. */
  message?: string;
  /** The content commit the public site shows (or is building). */
  version?: string;
};

export type PublicationOptions = {
  construction: string;
  depot: string;
  branche: string;
  /** The served site's link (node/releases.ts), given to rebuild's --dist. */
  dist: string;
  now: () => Date;
  /** The content check of the build folder's content: its French problems, none when it passes. */
  verifier: (contentDir: string) => Promise<string[]>;
  notice?: (line: string) => void;
  /** Waits this long after a request before starting, so that several publications make one build. */
  attenteMs?: number;
};

const DUREE_PAR_DEFAUT_MS = 3 * 60_000;

export class Publication {
  private etat: EtatPublication;
  private enCours?: Promise<void>;
  private encore = false;
  private readonly memoire: string;
  private readonly o: PublicationOptions;

  constructor(o: PublicationOptions) {
    this.o = o;
    this.memoire = path.join(o.depot, '.git', 'fabrique-publication.json');
    this.etat = { etat: 'en-ligne', depuis: o.now().toISOString() };
  }

  get courant(): EtatPublication {
    return this.etat;
  }

  /** Asks for a publication; returns at once. The promise of `termine` settles when nothing is left to do. */
  demander(): void {
    if (this.enCours) {
      this.encore = true;
      return;
    }
    this.enCours = this.boucle().finally(() => (this.enCours = undefined));
  }

  /** Resolves once every publication asked has run (tests, the server's stop). */
  async termine(): Promise<void> {
    while (this.enCours) await this.enCours;
  }

  private dureeEstimee(): number {
    try {
      return (JSON.parse(readFileSync(this.memoire, 'utf8')) as { dureeMs: number }).dureeMs;
    } catch {
      return DUREE_PAR_DEFAUT_MS;
    }
  }

  private async boucle(): Promise<void> {
    do {
      this.encore = false;
      const debut = this.o.now();
      this.etat = {
        etat: 'en-cours',
        depuis: debut.toISOString(),
        prevu: new Date(debut.getTime() + this.dureeEstimee()).toISOString(),
      };
      await new Promise((r) => setTimeout(r, this.o.attenteMs ?? 2_000));
      this.encore = false;
      try {
        const version = await this.publier();
        const fin = this.o.now();
        writeFileSync(this.memoire, JSON.stringify({ dureeMs: fin.getTime() - debut.getTime() }));
        this.etat = { etat: 'en-ligne', depuis: fin.toISOString(), version };
        this.o.notice?.(`Éditeur : contenu publié (${version.slice(0, 8)}), en ligne.`);
      } catch (error) {
        this.etat = { etat: 'erreur', depuis: this.o.now().toISOString(), message: (error as Error).message };
        this.o.notice?.(`Éditeur : publication impossible : ${(error as Error).message}`);
      }
    } while (this.encore);
  }

  private async publier(): Promise<string> {
    const { construction, depot, branche } = this.o;
    // The build folder's own new commits (a code update by the operator) come into the content repository first.
    await git(depot, ['pull', '--quiet', '--no-rebase', '--no-edit', 'origin', branche]).catch((e: Error) => {
      throw new Error(
        `le dossier de construction et l’éditeur ont changé les mêmes lignes (${e.message}) : l’exploitant doit les réconcilier (EXPLOITATION.md, « Publier depuis l’éditeur »). Le site public n’a pas changé.`,
      );
    });
    await git(construction, ['pull', '--quiet', '--ff-only', depot, branche]).catch((e: Error) => {
      throw new Error(
        `le dossier de construction a des changements non enregistrés qui gênent (${e.message}) : l’exploitant doit les enregistrer ou les retirer. Le site public n’a pas changé.`,
      );
    });
    const version = (await git(construction, ['rev-parse', 'HEAD'])).trim();
    this.etat = { ...this.etat, version };
    const problemes = await this.o.verifier(path.join(construction, 'content'));
    if (problemes.length)
      throw new Error(
        `le contenu a ${problemes.length === 1 ? 'une erreur' : `${problemes.length} erreurs`} à corriger dans l’éditeur, le site public n’a pas changé :\n${problemes.map((p) => `– ${p}`).join('\n')}`,
      );
    await this.reconstruire();
    return version;
  }

  /** `npm run rebuild` of the build folder into the served link (the same command as the nightly timer). */
  private reconstruire(): Promise<void> {
    const { construction, dist } = this.o;
    const script = path.join(construction, 'functions/node/rebuild.ts');
    if (!existsSync(script))
      return Promise.reject(new Error(`${script} est introuvable : le dossier de construction est incomplet.`));
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [script, '--source', construction, '--dist', dist], {
        cwd: construction,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const lines: string[] = [];
      const keep = (d: Buffer) => lines.push(...d.toString('utf8').split('\n').filter(Boolean));
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('exit', (code) => {
        if (code === 0) return resolve();
        // The build's French reason (a content error names the file and the field), without its stack.
        const reason = lines
          .filter((l) => !/^\s+at /.test(l))
          .slice(-8)
          .join('\n');
        reject(new Error(`la construction du site a échoué, le site public n’a pas changé :\n${reason}`));
      });
    });
  }
}
