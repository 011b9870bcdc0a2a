/** Write to the Fabrique's team: a question, a problem with the site (the accessibility statement's channel). */
import { defineForm } from './form.ts';
import { email, MENTION_FACULTATIF, message, nom, prenom } from './shared-fields.ts';

export const contact = defineForm({
  key: 'contact',
  title: 'Écrire à la Fabrique',
  description:
    'Poser une question à l’équipe du site de la Fabrique rennaise des solidarités ou signaler un problème sur le site.',
  purpose: 'Répondre à votre question ou corriger le problème signalé sur le site.',
  intro: [
    'Une question, une difficulté pour utiliser ce site, un contenu que vous ne pouvez pas lire ? Écrivez-nous : l’équipe vous répond par e-mail.',
    'Pour demander de l’aide pour vous ou un proche, utilisez plutôt la demande d’aide : vous y choisissez comment et quand être recontacté sans danger.',
    MENTION_FACULTATIF,
  ],
  submitLabel: 'Envoyer mon message',
  sensitive: false,
  quickExit: false,
  fields: () => [
    prenom({ required: false }),
    nom({ required: false }),
    email(),
    {
      name: 'sujet',
      label: 'Votre message concerne',
      type: 'radio',
      required: true,
      options: [
        { value: 'question', label: 'Une question sur un programme' },
        { value: 'accessibilite', label: 'Un problème d’accessibilité du site' },
        { value: 'erreur', label: 'Une erreur dans une information' },
        { value: 'autre', label: 'Autre chose' },
      ],
    },
    message({ maxLength: 3000, hint: 'Pour un problème sur le site : la page concernée et ce qui vous a gêné.' }),
  ],
  pagePath: () => '/formulaires/contact/',
  thanks: {
    title: 'Merci pour votre message',
    paragraphs: ['L’équipe du site lit votre message et vous répond par e-mail.'],
  },
});
