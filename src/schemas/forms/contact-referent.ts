/** A message to the "référents handicap et inclusion" of one quartier. */
import type { FormContext } from './context.ts';
import { defineForm } from './form.ts';
import { email, MENTION_FACULTATIF, message, nom, telephone } from './shared-fields.ts';

// The MDPH's address is in shared/reference/facts.md; the help page lists the numbers that answer today.
const sansReferent = (nom: string) =>
  `Le quartier ${nom} n’a pas encore de référent handicap et inclusion : le poste est à pourvoir. Un message envoyé ici ne serait lu par personne, ce formulaire ne le recueille donc pas. Pour une question sur le handicap, la MDPH d’Ille-et-Vilaine (Maison départementale des personnes handicapées) est au 13 avenue de Cucillé, 35000 Rennes. Pour une question sur ce projet : le formulaire de contact du site (/formulaires/contact/). Pour une aide maintenant : page « Besoin d’aide » (/aide/).`;
const notYetOpen = (ctx: FormContext, target: string | undefined) => {
  const quartier = ctx.quartiers.find((q) => q.id === target);
  return quartier?.sansReferent ? sansReferent(quartier.nom) : undefined;
};

export const contactReferent = defineForm({
  key: 'contact-referent',
  title: 'Écrire aux référents du quartier',
  description: 'Écrire aux référents handicap et inclusion de votre quartier.',
  purpose: 'Transmettre votre message aux référents de votre quartier, pour qu’ils vous répondent et vous orientent.',
  intro: [
    'Le référent handicap et inclusion de votre quartier peut être un parent d’enfant en situation de handicap ou un adulte en situation de handicap. Votre message est transmis aux référents en poste dans ce quartier.',
    MENTION_FACULTATIF,
  ],
  submitLabel: 'Envoyer le message',
  // A message to the disability referents tells that someone in the home lives with a disability.
  sensitive: true,
  quickExit: false,
  targetField: 'quartier',
  programme: 'referents-handicap-inclusion',
  notYetOpen,
  inactive: (ctx, target) => notYetOpen(ctx, target),
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
    telephone({ hint: 'Si vous préférez un appel à un e-mail.' }),
    message({ hint: 'N’écrivez pas d’informations médicales détaillées.' }),
  ],
  pagePath: (target) => `/quartiers/${target}/contact/`,
  thanks: {
    title: 'Votre message est envoyé',
    paragraphs: [
      'Merci. Votre message est transmis aux référents en poste dans le quartier ; les référents présentés sur ce site sont pour l’instant des exemples.',
      'Pour une aide maintenant : page « Besoin d’aide » (/aide/).',
    ],
  },
});
