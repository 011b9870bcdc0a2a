/** Offer to volunteer with the Fabrique: what, when, where. */
import { defineForm } from './form.ts';
import { email, MENTION_FACULTATIF, message, nom, prenom, quartierSelect, telephone } from './shared-fields.ts';

export const agir = defineForm({
  key: 'agir',
  title: 'Agir avec la Fabrique',
  description: 'Proposer votre aide à la Fabrique rennaise des solidarités : domaines, disponibilités.',
  purpose:
    'Vous mettre en relation, quand la Fabrique sera en place, avec l’équipe qui accueillera les bénévoles, selon vos domaines et vos disponibilités.',
  intro: [
    'La Fabrique est une proposition du programme : un lieu pour les habitants qui veulent agir contre l’exclusion, avec les personnes qui vivent à la rue et les associations déjà présentes. Elle n’existe pas encore. Dites-nous ce que vous aimeriez faire : votre proposition sera lue quand une équipe sera en place.',
    MENTION_FACULTATIF,
  ],
  submitLabel: 'Proposer mon aide',
  sensitive: false,
  quickExit: false,
  programme: 'fabrique',
  fields: (ctx) => [
    prenom(),
    nom(),
    email(),
    telephone(),
    quartierSelect(ctx, { label: 'Votre quartier', required: false, hint: 'Pour vous proposer des actions près de chez vous.' }),
    {
      name: 'domaines',
      label: 'Ce que vous aimeriez faire',
      hint: 'Cochez une ou plusieurs cases.',
      type: 'checkboxes',
      required: true,
      options: [
        { value: 'accueil', label: 'Accueillir à la Fabrique' },
        { value: 'rue', label: 'Aller à la rencontre des personnes à la rue' },
        { value: 'repas', label: 'Préparer ou servir des repas' },
        { value: 'accompagnement', label: 'Accompagner dans les démarches' },
        { value: 'loisirs', label: 'Encadrer des loisirs partagés' },
        { value: 'langues', label: 'Traduire ou interpréter' },
        { value: 'autre', label: 'Autre chose (dites-le dans votre message)' },
      ],
    },
    {
      name: 'disponibilites',
      label: 'Quand êtes-vous disponible ?',
      type: 'checkboxes',
      required: true,
      options: [
        { value: 'semaine-journee', label: 'En semaine, en journée' },
        { value: 'semaine-soir', label: 'En semaine, le soir' },
        { value: 'week-end', label: 'Le week-end' },
        { value: 'ponctuel', label: 'De temps en temps, pour un événement' },
      ],
    },
    message({ label: 'Votre message', required: false, maxLength: 2000, hint: 'Ce que vous savez faire, vos questions.' }),
  ],
  pagePath: () => '/formulaires/agir/',
  thanks: {
    title: 'Merci pour votre proposition',
    paragraphs: [
      'Votre proposition est enregistrée. La Fabrique est une proposition du programme : son équipe n’est pas encore en place, et votre proposition sera lue quand elle le sera.',
    ],
  },
});
