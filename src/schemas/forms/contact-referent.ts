/** A message to the "référents handicap et inclusion" of one quartier. */
import { defineForm } from './form.ts';
import { email, MENTION_FACULTATIF, message, nom, telephone } from './shared-fields.ts';

export const contactReferent = defineForm({
  key: 'contact-referent',
  title: 'Écrire aux référents du quartier',
  description: 'Écrire aux référents handicap et inclusion de votre quartier.',
  purpose: 'Transmettre votre message aux référents de votre quartier, pour qu’ils vous répondent et vous orientent.',
  intro: [
    'Le référent handicap et inclusion de votre quartier peut être un parent d’enfant en situation de handicap ou un adulte en situation de handicap. Il lit votre message et vous répond.',
    MENTION_FACULTATIF,
  ],
  submitLabel: 'Envoyer le message',
  // A message to the disability referents tells that someone in the home lives with a disability.
  sensitive: true,
  quickExit: false,
  targetField: 'quartier',
  fields: (ctx) => [
    {
      name: 'quartier',
      label: 'Quartier',
      type: 'hidden',
      required: true,
      options: ctx.quartiers.map((q) => ({ value: q.id, label: q.nom })),
    },
    nom({ label: 'Votre nom', autocomplete: 'name', maxLength: 100 }),
    email(),
    telephone({ hint: 'Si vous préférez être rappelé.' }),
    message({ hint: 'N’écrivez pas d’informations médicales détaillées : le référent vous rappellera.' }),
  ],
  pagePath: (target) => `/quartiers/${target}/contact/`,
  thanks: {
    title: 'Votre message est envoyé',
    paragraphs: ['Merci. Un référent de votre quartier vous répond.'],
  },
});
