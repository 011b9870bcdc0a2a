/** Call-back request for women facing violence: a safe number and safe times, nothing more required. */
import { defineForm } from './form.ts';
import { prenom, telephone } from './shared-fields.ts';
import { messageAutorise, moments, SAFETY_NOTE } from './safe-contact.ts';

// The resource place is a proposal (content/programmes/informations-pratiques.md): until it opens, no one could call back.
const PAS_ENCORE_OUVERT =
  'Le lieu ressources pour les femmes victimes de violences est un projet : il n’est pas encore ouvert, et aucune équipe ne peut vous rappeler. Ce formulaire ne recueille donc aucune demande. Aujourd’hui, vous pouvez appeler le 3919 (Violences Femmes Info, gratuit, anonyme, 24 h/24, n’apparaît pas sur la facture), le 17 ou le 112 en danger immédiat, ou envoyer un SMS au 114 si vous ne pouvez pas parler.';
const notYetOpen = (ctx: { programmes?: Record<string, string> }) =>
  ['ouvert', 'en-cours'].includes(ctx.programmes?.['informations-pratiques'] ?? 'proposition') ? undefined : PAS_ENCORE_OUVERT;

export const femmesRappel = defineForm({
  key: 'femmes-rappel',
  title: 'Être rappelée',
  adresse: 'informations',
  titreHistorique: 'Informations pratiques',
  description:
    'Le lieu ressource pour les femmes victimes de violences n’est pas encore ouvert : personne ne rappelle encore. Les numéros qui répondent aujourd’hui.',
  purpose: 'Vous rappeler au numéro et aux moments que vous avez choisis, sans laisser de message si vous l’avez demandé.',
  intro: [
    'En cas de danger immédiat, appelez le 17 ou envoyez un SMS au 114. Le 3919 (Violences Femmes Info) est gratuit, anonyme et n’apparaît pas sur la facture.',
    'Quand le lieu ressources sera ouvert, ce formulaire permettra de laisser un numéro sûr et les moments où vous pouvez parler. Seuls le numéro et les moments seront demandés.',
    SAFETY_NOTE,
  ],
  submitLabel: 'Demander à être rappelée',
  sensitive: true,
  quickExit: true,
  programme: 'informations-pratiques',
  notYetOpen,
  inactive: (ctx) => notYetOpen(ctx),
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
  pagePath: () => '/formulaires/informations/',
  thanks: {
    title: 'Informations',
    paragraphs: [
      'Le lieu ressources n’est pas encore ouvert : aucune équipe ne rappelle pour l’instant, et ce site ne vous contactera pas.',
      'En cas de danger immédiat : 17 ou 112, ou SMS au 114. Violences Femmes Info : 3919, gratuit, anonyme, 24 h/24.',
      'Toutes les aides : page « Besoin d’aide » (/aide/).',
    ],
  },
});
