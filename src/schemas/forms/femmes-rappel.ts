/** Call-back request for women facing violence: a safe number and safe times, nothing more required. */
import { defineForm } from './form.ts';
import { prenom, telephone } from './shared-fields.ts';
import { messageAutorise, moments, SAFETY_NOTE } from './safe-contact.ts';

export const femmesRappel = defineForm({
  key: 'femmes-rappel',
  title: 'Être rappelée',
  description: 'Demander à être rappelée par l’équipe du lieu ressource pour les femmes victimes de violences.',
  purpose: 'Vous rappeler au numéro et aux moments que vous avez choisis, sans laisser de message si vous l’avez demandé.',
  intro: [
    'En cas de danger immédiat, appelez le 17 ou envoyez un SMS au 114. Le 3919 (Violences Femmes Info) est gratuit, anonyme et n’apparaît pas sur la facture.',
    'Laissez un numéro sûr et les moments où vous pouvez parler : une personne de l’équipe du lieu ressources vous rappelle. Seuls le numéro et les moments sont demandés.',
    SAFETY_NOTE,
  ],
  submitLabel: 'Demander à être rappelée',
  sensitive: true,
  quickExit: true,
  fields: () => [
    telephone({
      required: true,
      label: 'Un numéro où vous joindre sans risque',
      hint: 'Un numéro où vous êtes seule à répondre.',
      autocomplete: 'off',
      sensitive: true,
    }),
    moments(),
    messageAutorise(),
    prenom({
      required: false,
      label: 'Prénom ou prénom d’emprunt',
      hint: 'Pour savoir comment vous demander au téléphone.',
      autocomplete: 'off',
      sensitive: true,
    }),
  ],
  pagePath: () => '/formulaires/femmes-rappel/',
  thanks: {
    title: 'Votre demande est envoyée',
    paragraphs: [
      'Une personne de l’équipe vous rappelle à un des moments choisis. Le numéro qui appelle peut être masqué.',
      'En cas de danger immédiat : 17, ou SMS au 114. Violences Femmes Info : 3919, 24 h/24.',
    ],
  },
});
