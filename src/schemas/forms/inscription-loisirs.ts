/** Sign-up of a child for a mixed leisure activity, with what helps the child take part. */
import { ageOn, yearsFrom, type FormContext } from './context.ts';
import { defineForm } from './form.ts';
import { email, MENTION_FACULTATIF, nom, prenom, telephone } from './shared-fields.ts';

const activite = (ctx: FormContext, id: string | undefined) => ctx.activites.find((a) => a.id === id);

export const inscriptionLoisirs = defineForm({
  key: 'inscription-loisirs',
  title: 'Inscrire un enfant à une activité',
  description: 'Inscription d’un enfant, avec ou sans handicap, à une activité de loisirs partagée.',
  purpose: 'Inscrire votre enfant à l’activité et bien l’accueillir, en tenant compte de ce que vous nous dites de ses besoins.',
  intro: [
    'Les activités accueillent ensemble des enfants en situation de handicap et des enfants sans handicap. Dites-nous ce qui aide votre enfant : l’équipe prépare son accueil avec vous.',
    MENTION_FACULTATIF,
  ],
  submitLabel: 'Envoyer l’inscription',
  sensitive: false,
  quickExit: false,
  targetField: 'activite',
  fields: (ctx) => [
    {
      name: 'activite',
      label: 'Activité',
      type: 'hidden',
      required: true,
      options: ctx.activites.map((a) => ({ value: a.id, label: a.titre })),
    },
    prenom({ name: 'enfant_prenom', label: 'Prénom de l’enfant', autocomplete: 'off' }),
    {
      name: 'enfant_naissance',
      label: 'Date de naissance de l’enfant',
      hint: 'Par exemple : 15 3 2018.',
      type: 'date',
      required: true,
      min: yearsFrom(ctx.today, -26),
      max: ctx.today,
      tooEarlyMessage: 'Cette date de naissance est trop ancienne : vérifiez l’année',
      tooLateMessage: 'La date de naissance ne peut pas être dans le futur',
    },
    {
      name: 'besoins',
      label: 'Ce qui aide votre enfant',
      hint: 'Par exemple : handicap ou maladie à connaître, communication, repas, repos, ce qui le rassure. Facultatif, mais cela nous aide à bien l’accueillir.',
      type: 'textarea',
      required: false,
      maxLength: 2000,
      rows: 5,
      sensitive: true,
    },
    prenom({ label: 'Votre prénom' }),
    nom({ label: 'Votre nom' }),
    email(),
    telephone({ required: true, hint: 'Pour vous joindre pendant l’activité.' }),
  ],
  check: (values, ctx, target) => {
    const a = activite(ctx, target);
    if (!a || !values.enfant_naissance) return [];
    const age = ageOn(String(values.enfant_naissance), ctx.today);
    if (age < a.ages.min || age > a.ages.max)
      return [
        {
          field: 'enfant_naissance',
          message: `« ${a.titre} » accueille les enfants de ${a.ages.min} à ${a.ages.max} ans ; d’après cette date, l’enfant a ${age} an${age > 1 ? 's' : ''}. Vérifiez la date, ou choisissez une autre activité.`,
        },
      ];
    return [];
  },
  inactive: (ctx, target) => {
    const a = activite(ctx, target);
    if (!a) return undefined;
    const instead = 'Consultez les autres activités de loisirs, ou écrivez au référent handicap et inclusion de votre quartier.';
    if (a.inscriptions === 'fermees') return `Les inscriptions à « ${a.titre} » sont fermées. ${instead}`;
    if (a.places === 0) return `« ${a.titre} » est complet. ${instead}`;
    return undefined;
  },
  pagePath: (target) => `/activites/${target}/inscription/`,
  thanks: {
    title: 'L’inscription est envoyée',
    paragraphs: [
      'Merci. L’équipe de l’activité vous contacte pour confirmer la place et préparer l’accueil de votre enfant avec vous.',
    ],
  },
});
