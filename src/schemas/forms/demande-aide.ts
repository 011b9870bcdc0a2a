/** A help request: topic, message, how and when it is safe to be contacted. The name is optional. */
import { defineForm } from './form.ts';
import { MENTION_FACULTATIF, message, prenom, telephone, email } from './shared-fields.ts';
import { messageAutorise, moments, SAFETY_NOTE } from './safe-contact.ts';

export const demandeAide = defineForm({
  key: 'demande-aide',
  title: 'Demander de l’aide',
  description: 'Demander de l’aide à la Fabrique rennaise des solidarités, en choisissant comment être recontacté sans risque.',
  purpose: 'Répondre à votre demande d’aide, par le moyen et aux moments que vous avez indiqués comme sans risque.',
  intro: [
    'En cas de danger immédiat, appelez le 17 ou envoyez un SMS au 114.',
    'Dites-nous ce dont vous avez besoin et comment vous joindre sans risque. Vous n’êtes pas obligé de donner votre nom.',
    SAFETY_NOTE,
    MENTION_FACULTATIF,
  ],
  submitLabel: 'Envoyer ma demande',
  sensitive: true,
  quickExit: true,
  fields: () => [
    {
      name: 'sujet',
      label: 'Votre demande concerne',
      type: 'radio',
      required: true,
      options: [
        { value: 'hebergement', label: 'Un hébergement, un logement' },
        { value: 'alimentation', label: 'Se nourrir' },
        { value: 'droits', label: 'Des démarches, des papiers, des droits' },
        { value: 'handicap', label: 'Le handicap' },
        { value: 'violences', label: 'Des violences' },
        { value: 'sante', label: 'La santé' },
        { value: 'autre', label: 'Autre chose' },
      ],
      sensitive: true,
    },
    message({
      label: 'Votre demande',
      hint: 'Écrivez ce que vous voulez : quelques mots suffisent.',
      maxLength: 4000,
      sensitive: true,
      autocomplete: 'off',
    }),
    prenom({
      required: false,
      label: 'Prénom ou pseudonyme',
      hint: 'Comment vous appeler quand on vous répond.',
      autocomplete: 'off',
      sensitive: true,
    }),
    {
      name: 'canal',
      label: 'Comment pouvons-nous vous répondre sans risque ?',
      type: 'radio',
      required: true,
      options: [
        { value: 'telephone', label: 'Par téléphone' },
        { value: 'sms', label: 'Par SMS' },
        { value: 'email', label: 'Par e-mail' },
      ],
      sensitive: true,
    },
    telephone({
      hint: 'Si vous avez choisi le téléphone ou le SMS : un numéro où vous êtes seul à répondre.',
      autocomplete: 'off',
      sensitive: true,
    }),
    email({
      required: false,
      hint: 'Si vous avez choisi l’e-mail : une adresse que vous êtes seul à lire.',
      autocomplete: 'off',
      sensitive: true,
    }),
    moments({ required: false, label: 'Quand pouvons-nous vous contacter sans risque ?' }),
    messageAutorise(),
  ],
  check: (values) => {
    if ((values.canal === 'telephone' || values.canal === 'sms') && !values.telephone)
      return [
        { field: 'telephone', message: 'Vous avez choisi d’être recontacté par téléphone ou SMS : indiquez un numéro sûr' },
      ];
    if (values.canal === 'email' && !values.email)
      return [{ field: 'email', message: 'Vous avez choisi d’être recontacté par e-mail : indiquez une adresse sûre' }];
    return [];
  },
  pagePath: () => '/formulaires/demande-aide/',
  thanks: {
    title: 'Votre demande est envoyée',
    paragraphs: [
      'Merci. Nous vous répondons de la façon et aux moments que vous avez choisis.',
      'En cas de danger immédiat, appelez le 17 ou envoyez un SMS au 114. Violences Femmes Info : 3919, gratuit et anonyme, 24 h/24.',
    ],
  },
});
