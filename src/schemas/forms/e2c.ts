/** Interest in the planned École de la deuxième chance (E2C): not an application, the school is a project. */
import { ageOn, yearsFrom } from './context.ts';
import { defineForm } from './form.ts';
import { email, message, nom, prenom, telephone } from './shared-fields.ts';

export const E2C_AGE = { min: 16, max: 25 } as const;

const ELSEWHERE = 'D’ici là, la Mission locale peut vous aider à trouver une formation ou un emploi.';
const OU_TELEPHONE = 'ou un téléphone : au moins l’un des deux';
const OU_EMAIL = 'ou un e-mail : au moins l’un des deux';

export const e2c = defineForm({
  key: 'e2c',
  title: 'Être tenu au courant du projet d’École de la deuxième chance',
  description:
    'Dire votre intérêt pour le projet d’École de la deuxième chance à Rennes (moins de 26 ans, sans diplôme) : l’école n’est pas encore ouverte.',
  purpose: 'Vous tenir au courant du projet d’École de la deuxième chance à Rennes et répondre à vos questions.',
  intro: [
    'L’École de la deuxième chance de Rennes est un projet : elle n’est pas encore ouverte, et ce formulaire n’est pas une candidature. Dites-nous qu’elle vous intéresse : l’équipe de la Fabrique vous tiendra au courant quand le projet avancera et répondra à vos questions.',
    `Le programme la prévoit pour les jeunes de moins de ${E2C_AGE.max + 1} ans sortis de l’école sans diplôme ni qualification. Vous avez ${E2C_AGE.max + 1} ans ou plus, ou un diplôme ? Écrivez-nous quand même : nous vous orienterons. ${ELSEWHERE}`,
    'Pour vous répondre, laissez une adresse e-mail ou un numéro de téléphone : au moins l’un des deux. Les autres champs sans « (facultatif) » sont obligatoires.',
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
      hint: 'Par exemple : 27 3 2007.',
      type: 'date',
      required: true,
      // Only the under-16s are turned back, with a reason (check below): from 26 on, the person may still write.
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
    email({ required: false, hint: 'Nous l’utilisons seulement pour vous répondre.', optionalNote: OU_TELEPHONE }),
    telephone({ optionalNote: OU_EMAIL }),
    message({ label: 'Votre projet, vos questions', required: false, maxLength: 2000 }),
  ],
  check: (values, ctx, _target, sent) => {
    const problems = [];
    const age = values.naissance ? ageOn(String(values.naissance), ctx.today) : undefined;
    if (age !== undefined && age < E2C_AGE.min)
      problems.push({
        field: 'naissance',
        message: `D’après cette date, vous avez ${age} ans : les Écoles de la deuxième chance accueillent à partir de ${E2C_AGE.min} ans. ${ELSEWHERE}`,
      });
    if (!sent.has('email') && !sent.has('telephone'))
      problems.push({
        field: 'email',
        message:
          'Indiquez une adresse e-mail ou un numéro de téléphone (au moins l’un des deux), pour que nous puissions vous répondre',
      });
    return problems;
  },
  pagePath: () => '/formulaires/e2c/',
  thanks: {
    title: 'Merci, votre intérêt est bien noté',
    paragraphs: [
      'L’École de la deuxième chance de Rennes n’est pas encore ouverte : ce message n’est pas une candidature.',
      'L’équipe de la Fabrique vous tiendra au courant quand le projet avancera, par e-mail ou par téléphone, selon ce que vous avez laissé.',
      ELSEWHERE,
    ],
  },
});
