/** Interest in the planned École de la deuxième chance (E2C): not an application, the school is a project. */
import { ageOn, yearsFrom } from './context.ts';
import { defineForm } from './form.ts';
import { email, message, nom, prenom, telephone } from './shared-fields.ts';

export const E2C_AGE = { min: 16, max: 25 } as const;

/** From this age the programme's school is not for the person: the form says so beside the date, and never refuses. */
export const E2C_AGE_DE_PLUS = E2C_AGE.max + 1;
// shared/reference names no route for 26 and over: the page says where to ask, and nothing it cannot source.
/** For 26 and over, before the form: what the sources say, and where to ask. */
export const DE_26_ANS =
  'Vous avez 26 ans ou plus ? Le programme prévoit cette école pour les moins de 26 ans, et c’est aussi la règle du Réseau E2C France. Les sources de ce site ne citent pas de parcours pour les 26 ans et plus : posez votre question par le formulaire de contact (/formulaires/contact/), ou voyez la page « Besoin d’aide » (/aide/). Vous pouvez aussi nous écrire ici, à tout âge.';
/** Beside the birth date, once it gives 26 or more: nothing is refused. */
const NOTE_26_ANS =
  'D’après cette date, vous avez 26 ans ou plus : l’école prévue est pour les moins de 26 ans. Vous pouvez quand même envoyer ce formulaire. Pour une autre piste, posez votre question par le formulaire de contact (/formulaires/contact/).';
/** The thank-you page for 26 and over (src/pages/formulaires/e2c/merci/26-ans.astro). */
export const MERCI_26_ANS = {
  path: '/formulaires/e2c/merci/26-ans/',
  title: 'Merci, votre message est bien noté',
  paragraphs: [
    'L’École de la deuxième chance de Rennes n’est pas encore ouverte : ce message n’est pas une candidature.',
    'D’après votre date de naissance, vous avez 26 ans ou plus. Le programme prévoit cette école pour les moins de 26 ans, et c’est aussi la règle du Réseau E2C France. Votre message est gardé comme les autres et sera lu quand une équipe sera en place pour ce projet.',
    'Les sources de ce site ne citent pas encore de parcours pour les 26 ans et plus. Pour poser votre question : formulaire de contact (/formulaires/contact/). Pour une aide maintenant : page « Besoin d’aide » (/aide/).',
  ],
};
const OU_TELEPHONE = 'ou un téléphone : au moins l’un des deux';
const OU_EMAIL = 'ou un e-mail : au moins l’un des deux';

export const e2c = defineForm({
  key: 'e2c',
  title: 'Être tenu au courant du projet d’École de la deuxième chance',
  description:
    'Dire votre intérêt pour le projet d’École de la deuxième chance à Rennes (moins de 26 ans, sans diplôme) : l’école n’est pas encore ouverte.',
  purpose: 'Vous tenir au courant du projet d’École de la deuxième chance à Rennes et répondre à vos questions.',
  intro: [
    'L’École de la deuxième chance de Rennes est un projet : elle n’est pas encore ouverte, et ce formulaire n’est pas une candidature. Dites-nous qu’elle vous intéresse : votre message sera lu quand une équipe sera en place pour ce projet.',
    `Le programme la prévoit pour les jeunes de moins de ${E2C_AGE_DE_PLUS} ans sortis de l’école sans diplôme ni qualification.`,
    DE_26_ANS,
    'Pour vous répondre, laissez une adresse e-mail ou un numéro de téléphone : au moins l’un des deux. Les autres champs sans « (facultatif) » sont obligatoires.',
  ],
  submitLabel: 'Envoyer',
  sensitive: false,
  quickExit: false,
  programme: 'ecole-deuxieme-chance',
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
      ageNote: { from: E2C_AGE_DE_PLUS, message: NOTE_26_ANS },
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
        message: `D’après cette date, vous avez ${age} ans : les Écoles de la deuxième chance accueillent à partir de ${E2C_AGE.min} ans. La page « Besoin d’aide » (/aide/) dit où demander.`,
      });
    if (!sent.has('email') && !sent.has('telephone'))
      problems.push({
        field: 'email',
        message:
          'Indiquez une adresse e-mail ou un numéro de téléphone (au moins l’un des deux), pour que nous puissions vous répondre',
      });
    return problems;
  },
  // 26 and over: a thank-you page that says what the sources say for that age.
  thanksPath: (values, _target, ctx) =>
    typeof values.naissance === 'string' && ageOn(values.naissance, ctx.today) >= E2C_AGE_DE_PLUS ? MERCI_26_ANS.path : undefined,
  pagePath: () => '/formulaires/e2c/',
  thanks: {
    title: 'Merci, votre intérêt est bien noté',
    paragraphs: [
      'L’École de la deuxième chance de Rennes n’est pas encore ouverte : ce message n’est pas une candidature.',
      'Votre message sera lu quand une équipe sera en place pour ce projet ; les nouvelles arriveront alors par e-mail ou par téléphone, selon ce que vous avez laissé.',
      'Pour une aide maintenant : page « Besoin d’aide » (/aide/).',
    ],
  },
});
