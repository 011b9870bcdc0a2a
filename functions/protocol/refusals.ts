/** Every refusal the form endpoint gives, with its French words, in one place. */
import { BODY_LIMIT_BYTES } from './limits.ts';
import { refusal } from './codes.ts';
import { MESSAGES_FR } from '../../src/schemas/forms/messages.ts';

export const REFUSALS = {
  formNotFound: {
    ...refusal(
      404,
      'Formulaire introuvable',
      'Ce formulaire n’existe pas ou plus. Revenez à la page précédente, ou à l’accueil du site.',
      'FORM_NOT_FOUND',
    ),
    error: 'Form not found',
  },
  crossSite: refusal(
    403,
    'Envoi refusé',
    'Cet envoi vient d’un autre site : il a été refusé. Remplissez le formulaire directement sur notre site.',
    'BLOCKED',
  ),
  contentType: refusal(
    415,
    'Format non accepté',
    'Format d’envoi non accepté : envoyez le formulaire depuis la page du site (encodages acceptés : formulaire HTML, multipart ou JSON en UTF-8).',
  ),
  tooBig: refusal(
    413,
    'Envoi trop volumineux',
    `Votre envoi est trop long (${BODY_LIMIT_BYTES / 1024} Kio au plus). Raccourcissez vos textes et renvoyez le formulaire.`,
    'FILES_TOO_BIG',
  ),
  method: refusal(
    405,
    'Méthode non acceptée',
    'Cette adresse reçoit les formulaires envoyés (POST) seulement. Pour remplir un formulaire, ouvrez sa page sur le site.',
  ),
  // Only our own faults: retrying would meet the same fault, so the person is told another way to reach us.
  internal: refusal(
    500,
    'Erreur de notre côté',
    'Une erreur de notre côté a empêché l’envoi ; ce n’est pas de votre fait. Si elle se reproduit, joignez l’équipe par téléphone ou à l’accueil.',
  ),
} as const;

/** The French words a submission's answers use (src/schemas/forms/messages.ts); a translated form carries its own. */
export const MESSAGES = {
  closed: MESSAGES_FR.closed,
  empty: MESSAGES_FR.empty,
  storeDown: MESSAGES_FR.storeDown,
  tooOften: MESSAGES_FR.tooOften,
  unknownField: MESSAGES_FR.unknownField,
} as const;
