/**
 * The e-mail to a person who asked for one by ticking the confirmation box. It says the request
 * arrived and what happens next; it repeats none of the answers (an address may be mistyped).
 */
import { forms, isFormKey } from '../../src/schemas/forms/index.ts';
import type { DueNotification } from '../store/types.ts';
import type { OutgoingMail } from './mail.ts';

export function confirmationMail(due: DueNotification, mailDomain: string): OutgoingMail {
  const form = isFormKey(due.formKey) ? forms[due.formKey] : undefined;
  // A sign-up on a waiting list is told so, never that it has a place.
  const words = (due.waitingList ? form?.waitingList : undefined) ?? form?.thanks;
  return {
    to: due.recipients,
    subject: `${words?.title ?? 'Votre envoi est arrivé'} — Fabrique rennaise des solidarités`,
    text: [
      'Bonjour,',
      '',
      `Votre envoi n° ${due.submissionId} (formulaire « ${form?.title ?? due.formKey} ») est bien arrivé.`,
      ...(words?.paragraphs ?? []),
      '',
      'Vous recevez ce message parce que vous avez coché la case demandant une confirmation.',
      'La Fabrique rennaise des solidarités',
      '',
    ].join('\n'),
    messageId: `<${due.submissionId}.confirmation@${mailDomain}>`,
  };
}
