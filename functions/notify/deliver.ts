/**
 * Delivers due outbox rows. Runs apart from submissions: a person's request is committed before any
 * mail is tried, so a mail outage never fails a submission. Each row is marked sent only once the
 * server accepted it; a failure records the SMTP code (never content) and the next attempt time.
 */
import type { SubmissionStore } from '../store/types.ts';
import { retryDelayMs } from './backoff.ts';
import { confirmationMail } from './confirmation.ts';
import type { Mailer } from './mail.ts';
import { teamNotification } from './message.ts';
import { immediateRecipients, type StaffNoticeDeps } from './staff-notices.ts';

export type DeliveryDeps = {
  store: SubmissionStore;
  mailer: Mailer;
  clock: { now(): Date };
  /** Domain of Message-IDs, e.g. fabrique-solidarites.rennes.fr. */
  mailDomain: string;
  log?: (line: string) => void;
  /** The inbox's staff: those set to « à chaque demande » get the team's e-mail of each request they may see. */
  staff?: StaffNoticeDeps;
};

export type DeliveryReport = { sent: number; failed: number };

/** Why an attempt failed, fit for a log and the outbox: an SMTP reply code or an error code, no text. */
export function failureCode(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; name?: string };
  return e.responseCode ? `SMTP ${e.responseCode}` : (e.code ?? e.name ?? 'erreur');
}

export async function deliverDue(deps: DeliveryDeps, batch = 50): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  const due = await deps.store.dueNotifications(deps.clock.now(), batch);
  const immediate = deps.staff && immediateRecipients(deps.staff);
  for (const row of due) {
    const mail = row.kind === 'equipe' ? teamNotification(row, deps.mailDomain) : confirmationMail(row, deps.mailDomain);
    try {
      if (row.kind === 'equipe' && immediate) mail.to = [...new Set([...mail.to, ...(await immediate(row))])];
      await deps.mailer.send(mail);
      await deps.store.notificationSent(row.outboxId, deps.clock.now());
      report.sent++;
    } catch (error) {
      const code = failureCode(error);
      const next = new Date(deps.clock.now().getTime() + retryDelayMs(row.attempts + 1));
      await deps.store.notificationFailed(row.outboxId, next, code);
      deps.log?.(`notification ${row.outboxId} non envoyée (${code}), nouvel essai ${next.toISOString()}`);
      report.failed++;
    }
  }
  return report;
}
