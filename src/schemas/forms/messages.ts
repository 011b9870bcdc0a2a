/**
 * Build and server: the generic words of every form, in French here (the single source of these sentences), for the
 * person filling it: the rules' messages, the words around the fields, and what the handler answers. A translated
 * form (src/i18n/formulaires/) carries the same set in its language; lengths are counted in Unicode code points.
 */

export type FormMessages = {
  // What a field's rule says (rules.ts, field.ts, text.ts, date-parts.ts).
  required: (label: string) => string;
  chooseOne: (label: string) => string;
  tickOne: (label: string) => string;
  missingHidden: (label: string) => string;
  textExpected: (label: string) => string;
  /**
   * `max` and `count` in Unicode code points (text.ts codePoints), after NFC, in every script: an Arabic letter and each
   * of its vowel marks count one each. The page's maxlength counts UTF-16 units: the same for Arabic, Cyrillic and
   * Persian, and stricter only for emoji, so the browser never lets through what the handler would refuse.
   */
  tooLong: (label: string, max: number, count: number) => string;
  email: string;
  telDigits: string;
  telDialable: string;
  dateExpected: (label: string) => string;
  dateFormat: string;
  dateNotReal: string;
  oneAnswer: (label: string) => string;
  listExpected: (label: string) => string;
  eachOnce: (label: string) => string;
  /** `disabled`: the unavailable choices, each « label : reason », joined; empty when none. */
  unavailable: (label: string, disabled: string[]) => string;
  sentTwice: (label: string) => string;
  illegible: string;
  control: string;
  oneLine: string;
  dateMissing: (label: string, parts: ('jour' | 'mois' | 'annee')[]) => string;
  dateYear: (label: string) => string;
  dateMonth: (label: string) => string;
  dateDay: (label: string) => string;
  // Words around the fields (render-form.ts, render-field.ts).
  problem: string;
  errorPrefix: string;
  optional: string;
  choose: string;
  unavailablePrefix: string;
  dateParts: { jour: string; mois: string; annee: string };
  honeypot: string;
  /** With JavaScript (form-enhance.ts), when the answer never came. */
  network: string;
  // What the handler answers (functions/submit.ts).
  empty: string;
  storeDown: string;
  tooOften: (minutes: number) => string;
  closed: string;
  closedTitle: string;
  registrationsClosed: string;
  unknownField: (name: string) => string;
  backToForm: (title: string) => string;
  backToPage: string;
  home: string;
  helpNow: string;
  typedTitle: string;
  typedText: string;
  /** Before the links to the same form in the other languages (FormPage.astro). */
  otherLanguages: string;
  // Notices on the page (service-notice.ts).
  notInServiceTitle: string;
  notInServiceText: string;
  freeNumbers: string;
  allNumbers: string;
  numbersToday: string;
  helpPage: string;
  sms: string;
  demonstration: string;
  demonstrationForm: string;
  demonstrationThanks: string;
  helpLink: string;
};

const liste = (parts: string[]) => parts.join(' et ');

export const MESSAGES_FR: FormMessages = {
  required: (label) => `Remplissez le champ « ${label} »`,
  chooseOne: (label) => `Choisissez une réponse : « ${label} »`,
  tickOne: (label) => `Cochez au moins une case : « ${label} »`,
  missingHidden: (label) => `Information manquante : « ${label} ». Revenez à la page précédente et réessayez.`,
  textExpected: (label) => `« ${label} » : une réponse écrite est attendue`,
  tooLong: (label, max, count) => `« ${label} » : ${max} caractères au plus (il y en a ${count})`,
  email: 'Entrez une adresse e-mail complète, par exemple prenom.nom@exemple.fr',
  telDigits: 'Entrez un numéro de téléphone avec des chiffres seulement, par exemple 06 12 34 56 78',
  telDialable:
    'Entrez un numéro que l’on peut composer : 10 chiffres pour un numéro français, par exemple 06 12 34 56 78, ou le numéro avec l’indicatif du pays, par exemple +32 470 12 34 56',
  dateExpected: (label) => `« ${label} » : une date est attendue (jour, mois, année)`,
  dateFormat: 'Entrez la date au format jour, mois, année, par exemple 15/03/2010',
  dateNotReal: "Cette date n'existe pas : vérifiez le jour et le mois",
  oneAnswer: (label) => `« ${label} » : une seule réponse est attendue`,
  listExpected: (label) => `« ${label} » : une liste de choix est attendue`,
  eachOnce: (label) => `« ${label} » : chaque choix une seule fois`,
  unavailable: (label, disabled) =>
    `« ${label} » : choisissez parmi les réponses proposées.${disabled.length ? ` Certains choix ne sont plus possibles (${disabled.join(' ; ')}).` : ''}`,
  sentTwice: (label) => `« ${label} » a été envoyé plusieurs fois : une seule réponse est attendue`,
  illegible: 'Ce texte contient un caractère illisible. Retapez-le sans copier-coller.',
  control: 'Ce texte contient un caractère de contrôle invisible. Retapez-le sans copier-coller.',
  oneLine: 'Écrivez cette réponse sur une seule ligne.',
  dateMissing: (label, parts) =>
    `« ${label} » : indiquez ${liste(parts.map((p) => ({ jour: 'le jour', mois: 'le mois', annee: 'l’année' })[p]))}`,
  dateYear: (label) => `« ${label} » : l’année s’écrit avec 4 chiffres, par exemple 2004`,
  dateMonth: (label) => `« ${label} » : le mois est un nombre de 1 à 12`,
  dateDay: (label) => `« ${label} » : le jour est un nombre de 1 à 31`,
  problem: 'Il y a un problème',
  errorPrefix: 'Erreur : ',
  optional: 'facultatif',
  choose: 'Choisissez',
  unavailablePrefix: 'Indisponible : ',
  dateParts: { jour: 'Jour', mois: 'Mois', annee: 'Année' },
  honeypot: 'Ne remplissez pas ce champ',
  network: 'L’envoi n’a pas abouti (connexion interrompue ?). Vos réponses sont toujours là : réessayez dans un instant.',
  empty: 'Le formulaire est vide : remplissez au moins les champs obligatoires.',
  storeDown:
    'Votre envoi n’a pas pu être enregistré, à cause d’un problème de notre côté. Rien n’a été perdu de ce que vous avez écrit : réessayez dans quelques minutes.',
  tooOften: (minutes) =>
    `Trop d’envois de ce formulaire depuis votre connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
  closed: 'Ce formulaire est fermé pour le moment. Revenez plus tard ou écrivez à l’équipe par la page Contact.',
  closedTitle: 'Ce formulaire est fermé',
  registrationsClosed: 'Inscriptions fermées',
  unknownField: (name) => `Ce formulaire n’a pas de champ « ${name} » : rechargez la page et renvoyez le formulaire.`,
  backToForm: (title) => `Revenir au formulaire « ${title} »`,
  backToPage: 'Revenir à la page',
  home: 'Retour à l’accueil',
  helpNow: 'Besoin d’aide maintenant : tous les numéros gratuits',
  typedTitle: 'Ce que vous aviez écrit',
  typedText: 'Rien n’a été enregistré ni envoyé. Si vous voulez garder votre texte, copiez-le avant de quitter cette page.',
  otherLanguages: 'Ce formulaire dans une autre langue :',
  notInServiceTitle: 'Ce formulaire n’est pas encore en service',
  notInServiceText: 'Ce que vous écririez ici ne serait lu par personne pour le moment : il ne peut pas être envoyé.',
  freeNumbers: 'Pour une aide maintenant, ces numéros sont gratuits :',
  allNumbers: 'Tous les numéros et les autres façons d’obtenir de l’aide',
  numbersToday: 'Numéros gratuits, qui répondent aujourd’hui :',
  helpPage: 'Page « Besoin d’aide » : tous les numéros et les autres façons d’obtenir de l’aide',
  sms: 'SMS\u00a0au\u00a0',
  demonstration: 'Version de démonstration.',
  demonstrationForm:
    'Ce formulaire fonctionne, mais ce que vous envoyez ici n’est lu par personne. Pour une aide réelle, voir la page',
  demonstrationThanks:
    'Votre envoi est enregistré sur ce serveur d’essai, mais personne ne le lit et personne ne vous répondra. Pour une aide réelle, voir la page',
  helpLink: 'Besoin d’aide',
};
