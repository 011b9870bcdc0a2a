/**
 * The Worker's scheduled run (cron in wrangler.jsonc, every minute): the retention purge, then the
 * outbox delivery over the HTTP mail API and the staff's daily digests (notify/staff-notices.ts). Each holds a lease in D1 (D1Store.runAlone), so two runs
 * that overlap, or a run and `/__scheduled` by hand, never purge or send together; the outbox rows
 * keep the delivery semantics of notify/deliver.ts (retried with back-off, marked sent once accepted).
 */
import type { Clock } from '../clock.ts';
import { deliverDue, type DeliveryReport } from '../notify/deliver.ts';
import type { Mailer } from '../notify/mail.ts';
import { sendDigests, type DigestReport } from '../notify/staff-notices.ts';
import type { FormSettings } from '../../src/schemas/forms/settings.ts';
import { purgeExpired } from '../retention.ts';
import type { D1Store } from '../store/d1.ts';

export type ScheduledDeps = {
  store: D1Store;
  clock: Clock;
  mailer?: Mailer;
  mailDomain: string;
  /** The forms' settings: who may see which request, for the staff's own notifications. */
  settings?: Record<string, FormSettings>;
  /** Operator lines (Workers Logs): the audit line of a purge, delivery problems. */
  log: (line: string) => void;
};

export type ScheduledReport = { purged?: number; delivery?: DeliveryReport; digests?: DigestReport };

export async function runScheduled(deps: ScheduledDeps): Promise<ScheduledReport> {
  const { store, clock, log } = deps;
  const report: ScheduledReport = {};
  await store.runAlone('purge', async () => {
    // The audit line comes first, in the Worker's logs (no file on Workers): ids only, never content.
    const purge = await purgeExpired(store, clock.now(), (ids) =>
      log(JSON.stringify({ audit: 'purge', at: clock.now().toISOString(), user: 'serveur', ids })),
    );
    report.purged = purge.erased;
  });
  if (!deps.mailer) {
    log('MAIL_API_URL non configuré : les notifications restent dans la file d’envoi de la base.');
    return report;
  }
  await store.runAlone('notifications', async () => {
    const staff = deps.settings ? { equipe: store.equipe(), settings: deps.settings } : undefined;
    const mail = { store, mailer: deps.mailer!, clock, mailDomain: deps.mailDomain, log };
    report.delivery = await deliverDue({ ...mail, staff });
    if (staff) report.digests = await sendDigests({ ...mail, ...staff });
  });
  return report;
}
