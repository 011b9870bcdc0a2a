/** Application to become the "référent handicap et inclusion" of a quartier. */
import { defineForm } from './form.ts';
import { email, MENTION_FACULTATIF, message, nom, prenom, quartierSelect, telephone } from './shared-fields.ts';

export const candidatureReferent = defineForm({
  key: 'candidature-referent',
  title: 'Devenir référent handicap et inclusion',
  description: 'Proposer votre candidature comme référent handicap et inclusion de votre quartier.',
  purpose: 'Étudier votre candidature de référent handicap et inclusion et vous recontacter pour en parler.',
  intro: [
    'Le programme propose un référent handicap et inclusion dans chaque quartier, pour accueillir les habitants, les écouter et les orienter. Ce peut être un parent d’enfant en situation de handicap ou un adulte en situation de handicap.',
    MENTION_FACULTATIF,
  ],
  submitLabel: 'Envoyer ma candidature',
  sensitive: false,
  quickExit: false,
  fields: (ctx) => [
    quartierSelect(ctx, { label: 'Le quartier où vous souhaitez être référent' }),
    prenom(),
    nom(),
    email(),
    telephone(),
    {
      name: 'profil',
      label: 'Vous êtes',
      type: 'radio',
      required: true,
      options: [
        { value: 'parent-enfant-handicape', label: 'Parent d’un enfant en situation de handicap' },
        { value: 'adulte-en-situation-de-handicap', label: 'Adulte en situation de handicap' },
        { value: 'autre', label: 'Autre situation (expliquez dans votre message)' },
      ],
      sensitive: true,
    },
    {
      name: 'langues',
      label: 'Langues parlées',
      hint: 'Par exemple : français, LSF, arabe.',
      type: 'text',
      required: false,
      maxLength: 200,
    },
    message({
      name: 'motivation',
      label: 'Pourquoi souhaitez-vous devenir référent ?',
      hint: 'Quelques phrases suffisent : votre expérience, ce que vous aimeriez faire.',
      maxLength: 4000,
      minLength: {
        count: 30,
        message: '« Pourquoi souhaitez-vous devenir référent ? » : dites-le en une ou deux phrases (30 caractères au moins)',
      },
    }),
  ],
  pagePath: () => '/formulaires/candidature-referent/',
  thanks: {
    title: 'Votre candidature est envoyée',
    paragraphs: [
      'Merci, votre candidature est enregistrée. Les référents sont une proposition du programme : votre candidature sera lue quand une équipe sera en place pour ce projet.',
    ],
  },
});
