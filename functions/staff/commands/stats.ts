/** stats: the server's counters (accepted, refused by reason) and the outbox; numbers only, nothing audited. */
import { ok, type StaffContext } from '../command.ts';

export async function stats({ db }: StaffContext) {
  const { counts, notifications } = await db.counters();
  const lines = Object.entries(counts).map(([name, n]) => `  ${name.padEnd(24)} ${n}`);
  return ok(
    [
      'Envois reçus par le serveur (depuis la création de la base) :',
      ...(lines.length ? lines : ['  aucun']),
      'Notifications :',
      `  en attente               ${notifications.pending}`,
      `  dont en échec (réessai)  ${notifications.failing}`,
      `  envoyées                 ${notifications.sent}`,
      ...(notifications.oldestPendingAt
        ? [`  la plus ancienne attend depuis la demande reçue le ${notifications.oldestPendingAt}`]
        : []),
      '',
    ].join('\n'),
  );
}
