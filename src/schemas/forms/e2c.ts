/** Interest in the École de la deuxième chance (E2C), for 16 to 25 year olds without a diploma. */
import { ageOn, yearsFrom } from './context.ts';
import { defineForm } from './form.ts';
import { email, MENTION_FACULTATIF, message, nom, prenom, telephone } from './shared-fields.ts';

export const E2C_AGE = { min: 16, max: 25 } as const;

const ELSEWHERE = 'La Mission locale de Rennes peut vous orienter vers une formation adaptée.';

export const e2c = defineForm({
  key: 'e2c',
  title: 'Je m’intéresse à l’E2C',
  description: 'Dire votre intérêt pour l’École de la deuxième chance de Rennes (16–25 ans, sans diplôme).',
  purpose: 'Transmettre votre intérêt à l’École de la deuxième chance de Rennes, qui vous recontacte.',
  intro: [
    `L’École de la deuxième chance accueille les jeunes de ${E2C_AGE.min} à ${E2C_AGE.max} ans sortis de l’école sans diplôme ni qualification. Le parcours est personnalisé : de 4 mois à 2 ans, entre formation et stages en entreprise.`,
    MENTION_FACULTATIF,
  ],
  submitLabel: 'Envoyer',
  sensitive: false,
  quickExit: false,
  fields: (ctx) => [
    prenom(),
    nom(),
    {
      name: 'naissance',
      label: 'Date de naissance',
      hint: `Pour vérifier que vous avez entre ${E2C_AGE.min} et ${E2C_AGE.max} ans. Par exemple : 27/03/2007.`,
      type: 'date',
      required: true,
      // Age limits themselves are checked with a message that says why (check below).
      min: yearsFrom(ctx.today, -100),
      max: ctx.today,
      tooEarlyMessage: 'Cette date de naissance est trop ancienne : vérifiez l’année',
      tooLateMessage: 'La date de naissance ne peut pas être dans le futur',
      autocomplete: 'bday',
    },
    {
      name: 'diplome',
      label: 'Votre plus haut diplôme',
      type: 'radio',
      required: true,
      options: [
        { value: 'aucun', label: 'Aucun diplôme' },
        { value: 'brevet', label: 'Brevet des collèges' },
        { value: 'cap-bep-non-obtenu', label: 'CAP ou BEP commencé, pas obtenu' },
        { value: 'cap-bep', label: 'CAP ou BEP obtenu' },
        { value: 'bac', label: 'Baccalauréat ou plus' },
      ],
    },
    email({ required: false, hint: 'Un e-mail ou un numéro de téléphone, pour vous répondre.' }),
    telephone(),
    message({ label: 'Votre projet, vos questions', required: false, maxLength: 2000 }),
  ],
  check: (values, ctx, _target, sent) => {
    const problems = [];
    const age = values.naissance ? ageOn(String(values.naissance), ctx.today) : undefined;
    if (age !== undefined && age < E2C_AGE.min)
      problems.push({
        field: 'naissance',
        message: `L’E2C accueille à partir de ${E2C_AGE.min} ans ; d’après cette date, vous avez ${age} ans. Revenez vers nous à ${E2C_AGE.min} ans. ${ELSEWHERE}`,
      });
    if (age !== undefined && age > E2C_AGE.max)
      problems.push({
        field: 'naissance',
        message: `L’E2C accueille jusqu’à ${E2C_AGE.max} ans (avant 26 ans) ; d’après cette date, vous avez ${age} ans. ${ELSEWHERE}`,
      });
    if (values.diplome === 'bac' || values.diplome === 'cap-bep')
      problems.push({
        field: 'diplome',
        message: `L’E2C est faite pour les jeunes sans diplôme ni qualification. Avec ce diplôme, d’autres formations vous conviennent mieux. ${ELSEWHERE}`,
      });
    if (!sent.has('email') && !sent.has('telephone'))
      problems.push({
        field: 'email',
        message: 'Indiquez un e-mail ou un numéro de téléphone, pour que nous puissions vous répondre',
      });
    return problems;
  },
  pagePath: () => '/formulaires/e2c/',
  thanks: {
    title: 'Merci, votre demande est envoyée',
    paragraphs: ['L’équipe de l’E2C vous contacte pour vous présenter l’école et répondre à vos questions.'],
  },
});
