/**
 * What each staff member hears of new requests, by their own setting (the inbox's « Mon compte » page):
 * `immediat`, the team's e-mail for each request they may see is sent to them too (deliver.ts); `quotidien`,
 * one digest a day, counts per form and links to the inbox, never a submitted value and nothing of a sealed
 * form; `aucun`, nothing by e-mail. Runs in the server's jobs (node/jobs.ts) and the Worker's scheduled run.
 */
import type { FormSettings } from '../../src/schemas/forms/settings.ts';
import { canSee, overdue } from '../equipe/access.ts';
import { formTitle } from '../equipe/values.ts';
import type { EquipeStore, InboxRequest, StaffMember } from '../store/equipe-types.ts';
import type { DueNotification } from '../store/types.ts';
import { siteAddress } from './message.ts';
import type { Mailer, OutgoingMail } from './mail.ts';
import { mailEnFrancais } from '../typography.ts';

export type StaffNoticeDeps = { equipe: EquipeStore; settings: Record<string, FormSettings> };

/** Digests go out from this hour, Paris time, at most one a day (a claim younger than MIN_GAP_MS is never renewed). */
export const DIGEST_HOUR = 7;
const MIN_GAP_MS = 20 * 3_600_000;

const parisHour = (at: Date) =>
  Number(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: 'numeric', hourCycle: 'h23' }).format(at));

/**
 * People who signed in once at least (an invitation not yet used gets no e-mail from the inbox), at an address
 * that can receive mail: not the demonstration's nor the first administrator's (`.invalid`, RFC 2606).
 */
async function enrolled(equipe: EquipeStore, people: StaffMember[]) {
  const reachable = people.filter((p) => !/[@.]invalid$/i.test(p.email));
  const keys = await Promise.all(reachable.map(async (p) => (await equipe.credentialsOf(p.id)).length > 0));
  return reachable.filter((_, i) => keys[i]);
}

/** For one delivery run: who, among the people set to `immediat`, also gets the team's e-mail of a request. */
export function immediateRecipients(deps: StaffNoticeDeps) {
  let people: Promise<StaffMember[]> | undefined;
  return async (due: DueNotification): Promise<string[]> => {
    people ??= deps.equipe.notifySettings().then((all) =>
      enrolled(
        deps.equipe,
        all.filter((x) => x.setting.mode === 'immediat').map((x) => x.staff),
      ),
    );
    const list = await people;
    if (!list.length) return [];
    const request = await deps.equipe.request(due.submissionId);
    if (!request) return [];
    return list.filter((p) => canSee(p, request, deps.settings)).map((p) => p.email);
  };
}

const sealedForm = (r: InboxRequest, settings: Record<string, FormSettings>) =>
  r.sealed || settings[r.formKey]?.sensible === true;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The digest's text: counts per clear form, links; nothing of a sealed form, no submitted value. */
export function digestMail(
  person: StaffMember,
  requests: InboxRequest[],
  since: string,
  now: Date,
  settings: Record<string, FormSettings>,
  mailDomain: string,
): OutgoingMail | undefined {
  const site = siteAddress(mailDomain);
  const clear = requests.filter((r) => !sealedForm(r, settings));
  const forms = [...new Set(clear.map((r) => r.formKey))].sort((a, b) => formTitle(a).localeCompare(formTitle(b), 'fr'));
  const lines = forms.flatMap((k) => {
    const of = clear.filter((r) => r.formKey === k);
    const fresh = of.filter((r) => r.receivedAt > since).length;
    const waiting = of.filter((r) => r.state === 'nouveau').length;
    const late = of.filter((r) => overdue(r, now)).length;
    if (!fresh && !waiting && !late) return [];
    return [
      `- ${formTitle(k)} : ${plural(fresh, 'nouvelle', 'nouvelles')} depuis le dernier résumé, ${plural(waiting, 'non prise', 'non prises')} en charge${late ? `, ${plural(late, 'en retard', 'en retard')}` : ''}`,
      `  ${site}/equipe/demandes?formulaire=${k}`,
    ];
  });
  // Nothing new in clear forms: no mail (a sealed request's arrival is never told by a digest, even by its absence).
  if (!lines.length) return undefined;
  const fresh = clear.filter((r) => r.receivedAt > since).length;
  return mailEnFrancais({
    to: [person.email],
    subject: `Espace équipe : ${plural(fresh, 'nouvelle demande', 'nouvelles demandes')} depuis le dernier résumé`,
    text: [
      `Bonjour ${person.name},`,
      '',
      'Résumé de l’espace équipe. Ce message ne contient aucune réponse des personnes : seulement des nombres.',
      '',
      ...lines,
      '',
      'Les formulaires scellés ne figurent jamais dans ce résumé : consultez-les dans l’espace équipe.',
      '',
      `Toutes les demandes : ${site}/equipe/demandes`,
      `Recevoir un message à chaque demande, ou aucun : ${site}/equipe/compte`,
      '',
    ].join('\n'),
    messageId: `<resume.${person.id}.${now.toISOString().slice(0, 10)}@${mailDomain}>`,
  });
}

export type DigestReport = { sent: number; failed: number };

/**
 * Sends the digests due at `now`: each claimed first in the database (one instance sends it), given back when
 * the mail could not be sent, so that the next run tries again.
 */
export async function sendDigests(
  deps: StaffNoticeDeps & { mailer: Mailer; clock: { now(): Date }; mailDomain: string; log?: (line: string) => void },
): Promise<DigestReport> {
  const report: DigestReport = { sent: 0, failed: 0 };
  const now = deps.clock.now();
  if (parisHour(now) < DIGEST_HOUR) return report;
  const notAfter = new Date(now.getTime() - MIN_GAP_MS).toISOString();
  const due = (await deps.equipe.notifySettings()).filter(
    (x) => x.setting.mode === 'quotidien' && (!x.setting.digestSentAt || x.setting.digestSentAt <= notAfter),
  );
  if (!due.length) return report;
  const people = await enrolled(
    deps.equipe,
    due.map((x) => x.staff),
  );
  const all = await deps.equipe.requests();
  for (const { staff, setting } of due.filter((x) => people.includes(x.staff))) {
    const at = now.toISOString();
    if (!(await deps.equipe.claimDigest(staff.id, at, notAfter))) continue;
    const since = setting.digestSentAt ?? new Date(now.getTime() - 86_400_000).toISOString();
    const mail = digestMail(
      staff,
      all.filter((r) => canSee(staff, r, deps.settings)),
      since,
      now,
      deps.settings,
      deps.mailDomain,
    );
    if (!mail) continue;
    try {
      await deps.mailer.send(mail);
      report.sent++;
    } catch (error) {
      await deps.equipe.releaseDigest(staff.id, at, setting.digestSentAt);
      deps.log?.(`résumé quotidien de ${staff.id} non envoyé (${(error as Error).name}), nouvel essai au prochain passage`);
      report.failed++;
    }
  }
  return report;
}
