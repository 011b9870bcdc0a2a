/**
 * reeffacer: after a restore, erases again what the audit log says was erased (the server's purges, `delete`)
 * and came back with the backup. Every id in a "purge" or "suppression" line of the log in service is looked
 * for, in the log and in those logrotate archived beside it (audit.log.1, audit.log.2.gz…); ids are never reused,
 * so one still absent is simply counted, and running it twice changes nothing. The log in service is never replaced by a restore (functions/EXPLOITATION.md, « Restaurer »); with --ancienne-base,
 * the inbox's own erasures, read in the base the restore replaced.
 */
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { ok, UNFINISHED_ERASURE, UserError, type CommandResult, type StaffContext } from '../command.ts';
import { auditJournals, readAuditJournal } from '../audit.ts';
import { isPostgresUrl, postgresLabel } from '../postgres-db.ts';

const INBOX_ERASURES = "SELECT target FROM audit WHERE action = 'suppression' AND target IS NOT NULL ORDER BY id";

/**
 * Erasures made from the teams' inbox (its RGPD page) are in the base's own audit table, which the restore took
 * back to the backup's day: read them in the base set aside (--ancienne-base, SQLite file or postgres://…).
 */
async function inboxErasures(where: string): Promise<string[]> {
  const postgres = isPostgresUrl(where);
  const label = postgres ? postgresLabel(where) : where;
  try {
    if (postgres) {
      const client = new pg.Client({ connectionString: where, connectionTimeoutMillis: 10_000 });
      await client.connect();
      try {
        return (await client.query<{ target: string }>(INBOX_ERASURES)).rows.map((r) => r.target);
      } finally {
        await client.end();
      }
    }
    if (!existsSync(where)) throw new Error('fichier absent');
    const db = new DatabaseSync(where, { readOnly: true });
    try {
      return (db.prepare(INBOX_ERASURES).all() as { target: string }[]).map((r) => r.target);
    } finally {
      db.close();
    }
  } catch (error) {
    throw new UserError(
      `L’ancienne base ${label} ne se lit pas (${(error as Error).message}) : donner à --ancienne-base la base mise de côté avant la restauration. Rien n’a été effacé.`,
    );
  }
}

/** The ids of every erasure the log records, in order, each once. */
export function erasedIds(text: string): string[] {
  const ids = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let entry: { action?: unknown; ids?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue; // a line cut by a full disk: the others still count
    }
    if ((entry.action === 'purge' || entry.action === 'suppression') && Array.isArray(entry.ids))
      for (const id of entry.ids) if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

export async function reErase({ db, opts, audit, auditFile }: StaffContext): Promise<CommandResult> {
  const journal = opts.journal ?? auditFile!;
  // The journal in service and those logrotate archived beside it (audit.log.1, audit.log.2.gz…).
  const files = auditJournals(journal);
  let text = '';
  let archived = 0;
  for (const file of files) {
    try {
      text += `${readAuditJournal(file)}\n`;
      if (file !== journal) archived++;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No journal in service just after a rotation (nocreate): the archived ones are enough.
      if (file === journal && code === 'ENOENT' && files.length > 1) continue;
      throw new UserError(
        `Le journal d’audit ${file} ne se lit pas (${code}) : indiquer celui du serveur en service avec --journal. Rien n’a été effacé.`,
      );
    }
  }
  const from = archived ? `${journal} et ${archived} journal(aux) archivé(s)` : journal;
  const logged = [...new Set([...erasedIds(text), ...(opts.ancienneBase ? await inboxErasures(opts.ancienneBase) : [])])];
  const back = [];
  for (const id of logged) {
    const row = await db.get(id);
    if (row) back.push(row);
  }
  if (!back.length)
    return ok(`Rien à réeffacer : aucun des ${logged.length} envoi(s) effacé(s) d’après ${from} n’est dans la base.\n`);
  const ids = back.map((r) => r.id);
  // Audited first, as every erasure: the log in service then says this one too.
  audit({ action: 'suppression', ids, keyIds: [...new Set(back.flatMap((r) => (r.keyId ? [r.keyId] : [])))] });
  const { clean } = await db.erase(ids);
  const done =
    `${ids.length} envoi(s) effacé(s) à nouveau (revenus avec la sauvegarde, effacés d’après ${from}${opts.ancienneBase ? ' et l’ancienne base' : ''}) : ${ids.join(', ')}.\n` +
    `${logged.length - ids.length} autre(s) effacement(s) du journal déjà absent(s) de la base.\n`;
  return clean ? ok(done) : { code: 1, out: done, err: `${UNFINISHED_ERASURE}\n` };
}
