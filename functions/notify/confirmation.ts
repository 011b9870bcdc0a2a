/**
 * The e-mails to a person: the confirmation they asked for by ticking the box (the request arrived, what
 * happens next), or, when the outbox row names one in `subject`, a message about their sign-up (a freed
 * place given to them, their session cancelled). None repeats the answers (an address may be mistyped).
 * A form with a private link (`privateLink`) gives it in the confirmation: the row holds it until sent.
 */
import { forms, isFormKey } from '../../src/schemas/forms/index.ts';
import type { DueNotification } from '../store/types.ts';
import type { OutgoingMail } from './mail.ts';
import { siteLink } from './message.ts';
import { mailEnFrancais } from '../typography.ts';

const SIGN_UP_MESSAGES: Record<string, { title: string; paragraphs: string[] }> = {
  'place-attribuee': {
    title: 'Une place s’est libérée pour vous',
    paragraphs: [
      'Vous étiez en liste d’attente : une place s’est libérée et elle vous est attribuée.',
      'Si vous ne pouvez plus venir, merci de nous le dire pour que la place aille à la personne suivante.',
    ],
  },
  'session-annulee': {
    title: 'Session annulée',
    paragraphs: [
      'La session à laquelle vous étiez inscrit·e est annulée. Nous sommes désolés pour ce contretemps.',
      'Vous pouvez vous inscrire à une autre session sur le site.',
    ],
  },
};

export function confirmationMail(due: DueNotification, mailDomain: string): OutgoingMail {
  const message = due.subject ? SIGN_UP_MESSAGES[due.subject] : undefined;
  if (message)
    return mailEnFrancais({
      to: due.recipients,
      subject: `${message.title} — Fabrique rennaise des solidarités`,
      text: [
        'Bonjour,',
        '',
        `Votre inscription n° ${due.submissionId}.`,
        ...message.paragraphs,
        '',
        'La Fabrique rennaise des solidarités',
        '',
      ].join('\n'),
      messageId: `<${due.submissionId}.${due.subject}.${due.outboxId}@${mailDomain}>`,
    });
  const form = isFormKey(due.formKey) ? forms[due.formKey] : undefined;
  // A sign-up on a waiting list is told so, never that it has a place.
  const words = (due.waitingList ? form?.waitingList : undefined) ?? form?.thanks;
  return mailEnFrancais({
    to: due.recipients,
    subject: `${words?.title ?? 'Votre envoi est arrivé'} — Fabrique rennaise des solidarités`,
    text: [
      'Bonjour,',
      '',
      `Votre envoi n° ${due.submissionId} (formulaire «\u202f${form?.title ?? due.formKey}\u202f») est bien arrivé.`,
      ...(words?.paragraphs ?? []),
      ...(due.link
        ? [
            '',
            'Pour suivre votre demande, ou l’annuler si vous ne pouvez plus venir, ce lien est le vôtre (ne le transmettez pas) :',
            siteLink(mailDomain, due.link),
          ]
        : []),
      '',
      'Vous recevez ce message parce que vous avez coché la case demandant une confirmation.',
      'La Fabrique rennaise des solidarités',
      '',
    ].join('\n'),
    messageId: `<${due.submissionId}.confirmation@${mailDomain}>`,
  });
}
