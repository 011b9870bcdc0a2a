/**
 * Staff command: reads, exports and deletes submissions on the staff computer, opening sealed ones
 * with the team's private key file. The server never sees that key. One file per subcommand (commands/).
 *   npm run submissions -- list [--form CLE]
 *   npm run submissions -- show ID --key FICHIER
 *   npm run submissions -- export --form CLE --format csv|json --key FICHIER [--out FICHIER]
 *   npm run submissions -- delete ID
 *   npm run submissions -- purge   (what the server does every 6 hours, on demand)
 *   npm run submissions -- stats   (counters and notifications)
 *   npm run submissions -- sauvegarde --out FICHIER   (online backup, while the server runs)
 *   npm run submissions -- reeffacer [--journal FICHIER] [--ancienne-base BASE]   (after a restore: erasures the audit logs list)
 * Back-ends: --db FICHIER (SQLite; default DB_PATH or data/submissions.sqlite), --db postgres://… (or
 * DATABASE_URL; staff-db.ts), --d1 local|distant (the Worker's D1, through wrangler; d1-db.ts, with --wrangler
 * for another wrangler configuration). --audit (default audit.log beside the SQLite file, else in the current
 * folder, or AUDIT_LOG); --key may be given several times (after a key change).
 */
import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { forms, isFormKey } from '../../src/schemas/forms/index.ts';
import { defaultAuditLog } from '../node/config.ts';
import { auditTo, UserError, type CommandEnv, type CommandResult, type StaffContext } from './command.ts';
import { backup } from './commands/backup.ts';
import { deleteOne } from './commands/delete.ts';
import { exportRows } from './commands/export.ts';
import { list } from './commands/list.ts';
import { purge } from './commands/purge.ts';
import { reErase } from './commands/reerase.ts';
import { show } from './commands/show.ts';
import { stats } from './commands/stats.ts';
import { D1StaffDb, isD1Where } from './d1-db.ts';
import { KeyFileError, readKeyFile } from './key-file.ts';
import { isPostgresUrl, PostgresStaffDb } from './postgres-db.ts';
import type { StaffDb } from './staff-db.ts';
import { SubmissionsDb } from './submissions-db.ts';

export type { CommandEnv, CommandResult } from './command.ts';

const USAGE = `Usage :
  npm run submissions -- list [--form CLE]
  npm run submissions -- show ID --key FICHIER
  npm run submissions -- export --form CLE --format csv|json --key FICHIER [--out FICHIER]
  npm run submissions -- delete ID
  npm run submissions -- purge        (efface les envois arrivés en fin de conservation)
  npm run submissions -- stats        (compteurs du serveur et notifications en attente)
  npm run submissions -- sauvegarde --out FICHIER   (copie de la base, serveur en marche)
  npm run submissions -- reeffacer [--journal FICHIER] [--ancienne-base BASE]   (après une restauration : les effacements du journal d’audit)
Base : --db FICHIER (SQLite), --db postgres://… (ou DATABASE_URL), --d1 local|distant (Worker, par wrangler ; --wrangler FICHIER pour une autre configuration).
Options : --audit FICHIER (journal), --key plusieurs fois après un changement de clé.
`;

const SUBCOMMANDS = {
  list,
  show,
  export: exportRows,
  delete: deleteOne,
  purge,
  stats,
  sauvegarde: backup,
  reeffacer: reErase,
} as const;
const isSubcommand = (s: string | undefined): s is keyof typeof SUBCOMMANDS => !!s && Object.hasOwn(SUBCOMMANDS, s);

export async function submissionsCommand(argv: string[], context: CommandEnv): Promise<CommandResult> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        d1: { type: 'string' },
        wrangler: { type: 'string' },
        audit: { type: 'string' },
        key: { type: 'string', multiple: true },
        form: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        journal: { type: 'string' },
        'ancienne-base': { type: 'string' },
      },
    });
  } catch (error) {
    return { code: 2, out: '', err: `${(error as Error).message}\n${USAGE}` };
  }
  const { positionals, values: opts } = parsed;
  const [action, id] = positionals;
  if (!isSubcommand(action)) return { code: 2, out: '', err: USAGE };
  if ((action === 'show' || action === 'delete') && !id)
    return { code: 2, out: '', err: `Indiquez l’identifiant de l’envoi.\n${USAGE}` };
  if (opts.form && !isFormKey(opts.form))
    return { code: 2, out: '', err: `Formulaire inconnu « ${opts.form} ». Formulaires : ${Object.keys(forms).join(', ')}\n` };
  if (opts.d1 !== undefined && !isD1Where(opts.d1))
    return { code: 2, out: '', err: `Indiquez --d1 local (wrangler dev) ou --d1 distant (Cloudflare).\n${USAGE}` };
  if (opts.d1 !== undefined && opts.db !== undefined) return { code: 2, out: '', err: `--db ou --d1, pas les deux.\n${USAGE}` };
  const pgUrl =
    opts.db !== undefined ? (isPostgresUrl(opts.db) ? opts.db : undefined) : opts.d1 ? undefined : context.env.DATABASE_URL;
  const dbFile = opts.db ?? context.env.DB_PATH ?? 'data/submissions.sqlite';
  const onFile = !opts.d1 && !pgUrl;
  const auditFile = opts.audit ?? context.env.AUDIT_LOG ?? (onFile ? defaultAuditLog(dbFile) : 'audit.log');

  const otherOwner = auditOwnerProblem(auditFile, context.uid);
  if (otherOwner) return { code: 1, out: '', err: `${otherOwner}\n` };

  let db: StaffDb | undefined;
  try {
    const keys = await Promise.all((opts.key ?? []).map(readKeyFile));
    const d1 = opts.d1;
    db = isD1Where(d1)
      ? await D1StaffDb.open({ where: d1, config: opts.wrangler })
      : pgUrl
        ? await PostgresStaffDb.open(pgUrl)
        : new SubmissionsDb(dbFile);
    if (
      db instanceof SubmissionsDb &&
      db.fromD1Export &&
      (action === 'delete' || action === 'purge' || action === 'sauvegarde' || action === 'reeffacer')
    )
      throw new UserError(
        `${dbFile} est un export D1, lu en mémoire : « ${action} » n’y changerait rien sur D1. Sur D1, la purge est faite par le Worker (tâche planifiée) ; la sauvegarde est l’export lui-même (ou --d1 distant). Lire : list, show, export, stats.`,
      );
    const ctx: StaffContext = {
      db,
      keys,
      id,
      opts: { ...opts, ancienneBase: opts['ancienne-base'] },
      now: context.now,
      audit: auditTo(auditFile, context.now, context.user),
      auditFile,
    };
    return await SUBCOMMANDS[action](ctx);
  } catch (error) {
    if (error instanceof UserError || error instanceof KeyFileError) return { code: 1, out: '', err: `${error.message}\n` };
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { code: 1, out: '', err: `Le fichier ${opts.out} existe déjà.\n` };
    if (error instanceof Error && /^Base introuvable/.test(error.message)) return { code: 1, out: '', err: `${error.message}\n` };
    throw error;
  } finally {
    await db?.close();
  }
}

/**
 * The audit log (or, before it exists, its folder) belongs to another account than the one running the command:
 * root running it would create or take the server's log, whose purges then fail (EACCES). Said, nothing done.
 */
function auditOwnerProblem(auditFile: string, uid: number | undefined): string | undefined {
  if (uid === undefined) return undefined;
  const owned = [auditFile, path.dirname(path.resolve(auditFile))]
    .map((f) => statSync(f, { throwIfNoEntry: false }))
    .find(Boolean);
  if (!owned || owned.uid === uid) return undefined;
  const folder = path.dirname(path.resolve(auditFile));
  return (
    `Le journal d’audit ${auditFile} est à un autre compte (uid ${owned.uid}) que celui qui lance la commande (uid ${uid}) : ` +
    `la lancer au nom de ce compte, par exemple sudo -u "$(stat -c %U ${folder})" npm run submissions -- …, sinon le serveur ne pourrait plus écrire ce journal (purges en échec). Rien n’a été fait.`
  );
}

if (import.meta.main) {
  const { code, out, err } = await submissionsCommand(process.argv.slice(2), {
    now: new Date(),
    user: userInfo().username,
    env: process.env,
    uid: process.getuid?.(),
  });
  process.stdout.write(out);
  process.stderr.write(err);
  process.exitCode = code;
}
