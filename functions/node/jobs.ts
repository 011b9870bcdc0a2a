/**
 * The server's background jobs, apart from requests: the retention purge (at start and every 6 hours),
 * the outbox delivery and the staff's daily digests (every 30 s, when a mailer is configured) and the
 * counters' write to the store.
 * All follow the server's one clock, the pinned one included.
 */
import { dirname } from 'node:path';
import { appendAudit } from '../staff/audit.ts';
import type { Counters } from '../counters.ts';
import { deliverDue } from '../notify/deliver.ts';
import type { Mailer } from '../notify/mail.ts';
import { sendDigests, type StaffNoticeDeps } from '../notify/staff-notices.ts';
import type { FormSettings } from '../../src/schemas/forms/settings.ts';
import { purgeExpired } from '../retention.ts';
import type { SubmissionStore } from '../store/types.ts';
import type { Clock } from './config.ts';

export type JobsDeps = {
  store: SubmissionStore;
  clock: Clock;
  counters: Counters;
  /** The audit log the staff command writes too; the server's purges go there as user "serveur". */
  auditLog: string;
  mailer?: Mailer;
  mailDomain: string;
  /** The forms' settings: who may see which request, for the staff's own notifications. */
  settings?: Record<string, FormSettings>;
  deliveryIntervalMs: number;
  purgeIntervalMs: number;
  countersIntervalMs: number;
  /** Operator messages: delivery problems, an erasure a reader held up. */
  notice: (line: string) => void;
  /** Told the outcome of each purge (for /_sante). */
  onPurge?: (report: PurgeStatus) => void;
};

/** The last purge as /_sante shows it: when, its result, the error code when it failed; no ids, no content. */
export type PurgeStatus = { a: string; resultat: 'ok' | 'inacheve' | 'echec'; effaces?: number; cause?: string };

/** The audit line of a purge could not be written: nothing was erased. */
class AuditWriteError extends Error {
  // A plain field, not a parameter property: Node runs this file by stripping types, which cannot rewrite those.
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.code = code;
  }
}

/** The operator's message when the purge cannot write its audit line, with the likely cause and the fix. */
export function auditFailureNotice(file: string, code: string): string {
  const cause =
    code === 'EACCES' || code === 'EPERM'
      ? `il appartient sans doute à un autre utilisateur que celui du service (une commande du personnel lancée sans « sudo -u fabrique ») : chown fabrique: ${file}, puis lancer les commandes du personnel avec sudo -u fabrique`
      : code === 'ENOENT'
        ? `son dossier n’existe pas : le créer (install -d -o fabrique ${dirname(file)}) ou régler AUDIT_LOG`
        : `vérifier le fichier, son dossier et leurs droits, ou régler AUDIT_LOG`;
  return `purge : rien n’a été effacé, le journal d’audit ${file} ne peut pas être écrit (${code}) ; ${cause}. Nouvel essai à la prochaine purge.`;
}

/** One run at a time of an async job; a failure is told, never thrown into the timer. */
function exclusive(name: string, notice: (line: string) => void, job: () => Promise<void>) {
  let running: Promise<void> | undefined;
  const run = () =>
    (running ??= job()
      .catch((error: unknown) => notice(`${name} : ${(error as Error).name} ${(error as Error).message}`))
      .finally(() => (running = undefined)));
  return Object.assign(run, { idle: () => running ?? Promise.resolve() });
}

export function startJobs(deps: JobsDeps) {
  const { store, clock, notice } = deps;
  // Several instances on one database: purge and delivery run on one of them at a time (advisory lock);
  // the others skip that turn.
  const alone = (job: string, run: () => Promise<void>) => (store.runAlone ? store.runAlone(job, run).then(() => {}) : run());

  const purge = exclusive('purge', notice, () =>
    alone('purge', async () => {
      const at = clock.now().toISOString();
      try {
        const report = await purgeExpired(store, clock.now(), (ids) => {
          try {
            appendAudit(deps.auditLog, { at: clock.now().toISOString(), action: 'purge', user: 'serveur', ids, keyIds: [] });
          } catch (error) {
            throw new AuditWriteError((error as NodeJS.ErrnoException).code ?? (error as Error).name);
          }
        });
        deps.onPurge?.({ a: at, resultat: report.clean ? 'ok' : 'inacheve', effaces: report.erased });
        if (!report.clean)
          notice(
            'purge : des envois effacés restent lisibles dans le journal WAL, un autre programme lisant la base ; nouvel essai au prochain passage.',
          );
      } catch (error) {
        const code =
          error instanceof AuditWriteError ? error.code : ((error as NodeJS.ErrnoException).code ?? (error as Error).name);
        deps.onPurge?.({ a: at, resultat: 'echec', cause: code });
        if (error instanceof AuditWriteError) notice(auditFailureNotice(deps.auditLog, code));
        else throw error;
      }
    }),
  );

  const flushCounts = exclusive('compteurs', notice, async () => {
    const counts = deps.counters.take();
    if (Object.keys(counts).length) await store.addCounts(counts);
  });

  const equipe = store.equipe?.();
  const staff: StaffNoticeDeps | undefined = equipe && deps.settings ? { equipe, settings: deps.settings } : undefined;
  const deliver = deps.mailer
    ? exclusive('notifications', notice, () =>
        alone('notifications', async () => {
          const mail = { store, mailer: deps.mailer!, clock, mailDomain: deps.mailDomain, log: notice };
          await deliverDue({ ...mail, staff });
          if (staff) await sendDigests({ ...mail, ...staff });
        }),
      )
    : undefined;

  // Each job catches its own failures (exclusive): the timer has nothing to wait for.
  const timers = [
    setInterval(() => void purge(), deps.purgeIntervalMs),
    setInterval(() => void flushCounts(), deps.countersIntervalMs),
  ];
  if (deliver) timers.push(setInterval(() => void deliver(), deps.deliveryIntervalMs));
  for (const t of timers) t.unref();
  void purge();
  void deliver?.();

  return {
    /** Stops the timers, waits for running jobs and writes the last counts. */
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all([purge.idle(), deliver?.idle()]);
      await flushCounts();
    },
  };
}
