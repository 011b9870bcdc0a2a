/**
 * The text of a notification. A sensitive form's e-mail names the request and the form, nothing else:
 * mailboxes are forwarded, synced to phones and read over shoulders. A non-sensitive form's e-mail
 * carries the answers, with the person's address as Reply-To (protocol: `_subject`, `_replyto`).
 */
import { forms, isFormKey } from '../../src/schemas/forms/index.ts';
import { hasOptions } from '../../src/schemas/forms/field.ts';
import type { DueNotification } from '../store/types.ts';
import type { OutgoingMail } from './mail.ts';
import { brut, mailEnFrancais } from '../typography.ts';
import { LANGUE_FIELD } from '../../src/lib/forms/render-form.ts';
import { LIBELLE_LANGUE, NOM_EN_FRANCAIS } from '../../src/i18n/formulaires/index.ts';

const NO_CONTENT = { formations: [], activites: [], quartiers: [], lieux: {}, today: '' };

/** The site's address from the mail domain (its host name); `npm start`'s on a computer. */
export const siteAddress = (mailDomain: string) =>
  mailDomain === 'localhost' ? 'http://localhost:4321' : `https://${mailDomain}`;
/** A path of the site, on the site's address (the host of SITE_URL names the mail's domain). */
export const siteLink = (mailDomain: string, path: string) => `${siteAddress(mailDomain)}${path}`;
/** Where the team opens the request: the inbox (functions/equipe/), on the site's address. */
export const inboxLink = (mailDomain: string, submissionId: string) => siteLink(mailDomain, `/equipe/demandes/${submissionId}`);

export function teamNotification(due: DueNotification, mailDomain: string): OutgoingMail {
  const title = isFormKey(due.formKey) ? forms[due.formKey].title : due.formKey;
  const messageId = `<${due.submissionId}.${due.kind}@${mailDomain}>`;
  const received = `Reçue le ${due.receivedAt.slice(0, 16).replace('T', ' à ')} (UTC).`;
  // A sign-up beyond the session's places: said first, so nobody confirms a place that is not there.
  const waiting = due.waitingList ? 'Liste d’attente — ' : '';
  const waitingLine = due.waitingList ? ['Session complète : inscription sur LISTE D’ATTENTE, pas de place confirmée.'] : [];
  if (due.clearJson === undefined) {
    return mailEnFrancais({
      to: due.recipients,
      subject: `${waiting}Nouvelle demande n° ${due.submissionId} — formulaire ${title}`,
      text: [
        `Nouvelle demande n° ${due.submissionId} — formulaire ${title}.`,
        received,
        ...waitingLine,
        '',
        'Son contenu est scellé : il ne figure pas dans ce message.',
        `Pour la lire, dans l’espace équipe (avec le fichier de clé de l’équipe) : ${inboxLink(mailDomain, due.submissionId)}`,
        '',
      ].join('\n'),
      messageId,
    });
  }
  const values = JSON.parse(due.clearJson) as Record<string, string | string[]>;
  const fields = isFormKey(due.formKey) ? forms[due.formKey].fields(NO_CONTENT, undefined) : [];
  const lines = Object.entries(values).map(([name, value]) => {
    // « Langue de la personne : arabe »: the page the person wrote from (functions/submit.ts), in French for the team.
    if (name === LANGUE_FIELD)
      return `${LIBELLE_LANGUE} : ${brut(NOM_EN_FRANCAIS[value as keyof typeof NOM_EN_FRANCAIS] ?? String(value))}`;
    const field = fields.find((f) => f.name === name);
    const shown = [value]
      .flat()
      .map((v) => (field && hasOptions(field) ? (field.options.find((o) => o.value === v)?.label ?? v) : v))
      .join(', ');
    // The person's words as typed; only the site's label gets the typography.
    return `${field ? field.label : brut(name)} : ${brut(shown)}`;
  });
  return mailEnFrancais({
    to: due.recipients,
    subject:
      waiting + (due.subject !== undefined ? brut(due.subject) : `Nouvel envoi n° ${due.submissionId} — formulaire ${title}`),
    text: [
      `Nouvel envoi n° ${due.submissionId} — formulaire ${title}.`,
      received,
      ...waitingLine,
      '',
      ...lines,
      '',
      `Pour le traiter dans l’espace équipe : ${inboxLink(mailDomain, due.submissionId)}`,
      '',
    ].join('\n'),
    replyTo: due.replyTo,
    messageId,
  });
}
