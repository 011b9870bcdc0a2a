/** Build and server: the forms' words in English (draft translation, not yet proofread). */
import type { FormulairesEnLangue } from './types.ts';

const SAFETY =
  'Your answers are not remembered by the browser, but its history keeps a trace of the pages you visited. Private browsing or a library computer may be safer.';
const OPTIONAL = 'All fields are required, except those marked “optional”.';
const MOMENTS = {
  hint: 'Tick every time that suits you.',
  options: {
    matin: { label: 'In the morning (9 am – 12 pm)' },
    midi: { label: 'At lunchtime (12 pm – 2 pm)' },
    'apres-midi': { label: 'In the afternoon (2 pm – 5 pm)' },
    soir: { label: 'Late afternoon (5 pm – 7 pm)' },
  },
};
const MESSAGE_AUTORISE = {
  label: 'May we leave a message if you do not answer?',
  hint: 'A voicemail or a text message can be seen by someone else.',
  options: { non: { label: 'No, do not leave a message' }, oui: { label: 'Yes, you may leave a message' } },
};
const parts = { jour: 'the day', mois: 'the month', annee: 'the year' } as const;

export const en: FormulairesEnLangue = {
  statut: 'brouillon',
  messages: {
    required: (label) => `Fill in the field “${label}”`,
    chooseOne: (label) => `Choose an answer: “${label}”`,
    tickOne: (label) => `Tick at least one box: “${label}”`,
    missingHidden: (label) => `Missing information: “${label}”. Go back to the previous page and try again.`,
    textExpected: (label) => `“${label}”: a written answer is expected`,
    tooLong: (label, max, count) => `“${label}”: ${max} characters at most (there are ${count})`,
    email: 'Enter a full e-mail address, for example name.surname@example.com',
    telDigits: 'Enter a phone number with digits only, for example 06 12 34 56 78',
    telDialable:
      'Enter a number that can be dialled: 10 digits for a French number, for example 06 12 34 56 78, or the number with the country code, for example +44 7700 900123',
    dateExpected: (label) => `“${label}”: a date is expected (day, month, year)`,
    dateFormat: 'Enter the date as day, month, year, for example 15/03/2010',
    dateNotReal: 'This date does not exist: check the day and the month',
    oneAnswer: (label) => `“${label}”: only one answer is expected`,
    listExpected: (label) => `“${label}”: a list of choices is expected`,
    eachOnce: (label) => `“${label}”: each choice only once`,
    unavailable: (label, disabled) =>
      `“${label}”: choose one of the answers offered.${disabled.length ? ` Some choices are no longer possible (${disabled.join('; ')}).` : ''}`,
    sentTwice: (label) => `“${label}” was sent several times: only one answer is expected`,
    illegible: 'This text contains an unreadable character. Type it again without copying and pasting.',
    control: 'This text contains an invisible control character. Type it again without copying and pasting.',
    oneLine: 'Write this answer on a single line.',
    dateMissing: (label, missing) => `“${label}”: enter ${missing.map((p) => parts[p]).join(' and ')}`,
    dateYear: (label) => `“${label}”: the year has 4 digits, for example 2004`,
    dateMonth: (label) => `“${label}”: the month is a number from 1 to 12`,
    dateDay: (label) => `“${label}”: the day is a number from 1 to 31`,
    problem: 'There is a problem',
    errorPrefix: 'Error: ',
    optional: 'optional',
    choose: 'Choose',
    unavailablePrefix: 'Unavailable: ',
    dateParts: { jour: 'Day', mois: 'Month', annee: 'Year' },
    honeypot: 'Do not fill in this field',
    network: 'The form could not be sent (connection lost?). Your answers are still here: try again in a moment.',
    empty: 'The form is empty: fill in at least the required fields.',
    storeDown:
      'Your form could not be saved because of a problem on our side. Nothing you wrote has been lost: try again in a few minutes.',
    tooOften: (minutes) =>
      `Too many submissions of this form from your connection. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    closed: 'This form is closed for now. Come back later or write to the team through the contact page.',
    closedTitle: 'This form is closed',
    registrationsClosed: 'Registrations closed',
    unknownField: (name) => `This form has no field “${name}”: reload the page and send the form again.`,
    backToForm: (title) => `Back to the form “${title}”`,
    backToPage: 'Back to the page',
    home: 'Back to the home page',
    helpNow: 'Need help now: all the free numbers',
    typedTitle: 'What you had written',
    typedText: 'Nothing was saved or sent. If you want to keep your text, copy it before leaving this page.',
    otherLanguages: 'This form in another language:',
    notInServiceTitle: 'This form is not in service yet',
    notInServiceText: 'What you would write here would not be read by anyone for now: it cannot be sent.',
    freeNumbers: 'For help now, these numbers are free:',
    allNumbers: 'All the numbers and other ways to get help',
    numbersToday: 'Free numbers that answer today:',
    helpPage: '“I need help” page: all the numbers and other ways to get help',
    sms: 'Text\u00a0',
    demonstration: 'Demonstration version.',
    demonstrationForm: 'This form works, but what you send here is read by no one. For real help, see the page',
    demonstrationThanks:
      'What you sent is saved on this test server, but no one reads it and no one will answer you. For real help, see the page',
    helpLink: 'I need help',
  },
  formulaires: {
    'demande-aide': {
      title: 'Ask for help',
      description: 'Ask the Fabrique rennaise des solidarités for help, choosing how to be contacted without risk.',
      intro: [
        'In immediate danger, call 17 or send a text message to 114.',
        'Tell us what you need and how to reach you without risk. You do not have to give your name.',
        SAFETY,
        OPTIONAL,
      ],
      submitLabel: 'Send my request',
      champs: {
        sujet: {
          label: 'Your request is about',
          options: {
            hebergement: { label: 'A place to stay, housing' },
            alimentation: { label: 'Food' },
            droits: { label: 'Procedures, papers, rights' },
            handicap: { label: 'Disability' },
            violences: { label: 'Violence' },
            sante: { label: 'Health' },
            autre: { label: 'Something else' },
          },
        },
        message: { label: 'Your request', hint: 'Write what you want: a few words are enough.' },
        prenom: { label: 'First name or nickname', hint: 'What to call you when we answer.' },
        canal: {
          label: 'How can we answer you without risk?',
          options: { telephone: { label: 'By phone' }, sms: { label: 'By text message' }, email: { label: 'By e-mail' } },
        },
        telephone: {
          label: 'Phone number',
          hint: 'If you chose phone or text message: a number that only you answer.',
        },
        email: { label: 'E-mail address', hint: 'If you chose e-mail: an address that only you read.' },
        moments: { label: 'When can we contact you without risk?', ...MOMENTS },
        message_autorise: MESSAGE_AUTORISE,
      },
      regles: {
        telephone: 'You chose to be contacted by phone or text message: give a safe number',
        email: 'You chose to be contacted by e-mail: give a safe address',
      },
      thanks: {
        title: 'Your request has been sent',
        paragraphs: [
          'Thank you. We will answer you in the way and at the times you chose.',
          'In immediate danger, call 17 or send a text message to 114. Violences Femmes Info: 3919, free and anonymous, 24/7 (in French).',
        ],
      },
    },
    'femmes-rappel': {
      title: 'Ask to be called back',
      titreHistorique: 'Practical information',
      description:
        'The resource place for women facing violence is not open yet: no one calls back yet. The numbers that answer today.',
      intro: [
        'In immediate danger, call 17 or send a text message to 114. 3919 (Violences Femmes Info) is free, anonymous and does not appear on the phone bill.',
        'When the resource place opens, this form will let you leave a safe number and the times when you can talk. Only the number and the times will be asked.',
        SAFETY,
      ],
      submitLabel: 'Ask to be called back',
      champs: {
        telephone: { label: 'A number where you can be reached without risk', hint: 'A number that only you answer.' },
        moments: { label: 'When can we call you without risk?', ...MOMENTS },
        message_autorise: MESSAGE_AUTORISE,
        prenom: { label: 'First name or a borrowed first name', hint: 'So we know whom to ask for on the phone.' },
      },
      pasEncoreOuvert:
        'The resource place for women facing violence is a project: it is not open yet, and no team can call you back. This form therefore collects no request. Today, you can call 3919 (Violences Femmes Info, free, anonymous, 24/7, does not appear on the bill), 17 or 112 in immediate danger, or send a text message to 114 if you cannot speak.',
      thanks: {
        title: 'Information',
        paragraphs: [
          'The resource place is not open yet: no team calls back for now, and this site will not contact you.',
          'In immediate danger: 17 or 112, or a text message to 114. Violences Femmes Info: 3919, free, anonymous, 24/7.',
          'All the help: the “I need help” page (/en/aide/).',
        ],
      },
    },
    contact: {
      title: 'Write to the Fabrique',
      description: 'Ask the team of the Fabrique rennaise des solidarités website a question or report a problem with the site.',
      intro: [
        'A question, a difficulty using this site, something you cannot read? Write to us: the team answers by e-mail.',
        'To ask for help for yourself or someone close, use the help request instead: there you choose how and when to be contacted safely.',
        OPTIONAL,
      ],
      submitLabel: 'Send my message',
      champs: {
        prenom: { label: 'First name' },
        nom: { label: 'Surname' },
        email: { label: 'E-mail address', hint: 'We use it only to answer you.' },
        sujet: {
          label: 'Your message is about',
          options: {
            question: { label: 'A question about a programme' },
            accessibilite: { label: 'An accessibility problem on the site' },
            erreur: { label: 'A mistake in some information' },
            autre: { label: 'Something else' },
          },
        },
        message: { label: 'Your message', hint: 'For a problem with the site: the page concerned and what bothered you.' },
      },
      thanks: {
        title: 'Thank you for your message',
        paragraphs: ['The site team reads your message and answers you by e-mail.'],
      },
    },
    e2c: {
      title: 'Keep informed about the planned Second Chance School',
      description:
        'Tell us you are interested in the planned Second Chance School in Rennes (under 26, no diploma): the school is not open yet.',
      intro: [
        'The Second Chance School of Rennes is a project: it is not open yet, and this form is not an application. Tell us you are interested: your message will be read once a team is in place for this project.',
        'The programme plans it for young people under 26 who left school without a diploma or qualification.',
        'Are you 26 or over? The programme plans this school for people under 26, which is also the rule of the Réseau E2C France. The sources of this site name no path for people aged 26 and over: ask your question through the contact form (/en/formulaires/contact/), or see the “I need help” page (/en/aide/). You can also write to us here, at any age.',
        'So that we can answer, leave an e-mail address or a phone number: at least one of the two. The other fields without “(optional)” are required.',
      ],
      submitLabel: 'Send',
      champs: {
        prenom: { label: 'First name' },
        nom: { label: 'Surname' },
        naissance: {
          label: 'Date of birth',
          hint: 'For example: 27 3 2007.',
          tooEarly: 'This date of birth is too far back: check the year',
          tooLate: 'The date of birth cannot be in the future',
          ageNote:
            'According to this date, you are 26 or over: the planned school is for people under 26. You can still send this form. For another route, ask your question through the contact form (/en/formulaires/contact/).',
        },
        diplome: {
          label: 'Your highest diploma',
          options: {
            aucun: { label: 'No diploma' },
            brevet: { label: 'Brevet des collèges (end of lower secondary school)' },
            'cap-bep-non-obtenu': { label: 'CAP or BEP started, not obtained' },
            'cap-bep': { label: 'CAP or BEP obtained' },
            bac: { label: 'Baccalauréat or higher' },
          },
        },
        email: {
          label: 'E-mail address',
          hint: 'We use it only to answer you.',
          optionalNote: 'or a phone: at least one of the two',
        },
        telephone: { label: 'Phone number', optionalNote: 'or an e-mail: at least one of the two' },
        message: { label: 'Your plans, your questions' },
      },
      regles: {
        naissance:
          'According to this date, you are under 16: Second Chance Schools take people from 16. The “I need help” page (/en/aide/) says where to ask.',
        email: 'Give an e-mail address or a phone number (at least one of the two), so that we can answer you',
      },
      thanks: {
        title: 'Thank you, your interest has been noted',
        paragraphs: [
          'The Second Chance School of Rennes is not open yet: this message is not an application.',
          'Your message will be read once a team is in place for this project; news will then come by e-mail or by phone, depending on what you left.',
          'For help now: the “I need help” page (/en/aide/).',
        ],
      },
      autresMerci: {
        '/formulaires/e2c/merci/26-ans/': {
          title: 'Thank you, your message has been noted',
          paragraphs: [
            'The Second Chance School of Rennes is not open yet: this message is not an application.',
            'According to your date of birth, you are 26 or over. The programme plans this school for people under 26, which is also the rule of the Réseau E2C France. Your message is kept like the others and will be read once a team is in place for this project.',
            'The sources of this site do not yet name a path for people aged 26 and over. To ask your question: the contact form (/en/formulaires/contact/). For help now: the “I need help” page (/en/aide/).',
          ],
        },
      },
    },
    agir: {
      title: 'Volunteer with the Fabrique',
      description: 'Offer your help to the Fabrique rennaise des solidarités: areas, availability.',
      intro: [
        'The Fabrique is a proposal of the programme: a place for residents who want to act against exclusion, with people living on the street and the associations already there. It does not exist yet. Tell us what you would like to do: your offer will be read once a team is in place.',
        OPTIONAL,
      ],
      submitLabel: 'Offer my help',
      champs: {
        prenom: { label: 'First name' },
        nom: { label: 'Surname' },
        email: { label: 'E-mail address', hint: 'We use it only to answer you.' },
        telephone: { label: 'Phone number' },
        quartier: { label: 'Your neighbourhood', hint: 'To offer you actions near where you live.' },
        domaines: {
          label: 'What you would like to do',
          hint: 'Tick one or more boxes.',
          options: {
            accueil: { label: 'Welcome people at the Fabrique' },
            rue: { label: 'Go and meet people living on the street' },
            repas: { label: 'Prepare or serve meals' },
            accompagnement: { label: 'Help with procedures' },
            loisirs: { label: 'Lead shared leisure activities' },
            langues: { label: 'Translate or interpret' },
            autre: { label: 'Something else (say it in your message)' },
          },
        },
        disponibilites: {
          label: 'When are you available?',
          options: {
            'semaine-journee': { label: 'On weekdays, during the day' },
            'semaine-soir': { label: 'On weekday evenings' },
            'week-end': { label: 'At weekends' },
            ponctuel: { label: 'From time to time, for an event' },
          },
        },
        message: { label: 'Your message', hint: 'What you can do, your questions.' },
      },
      thanks: {
        title: 'Thank you for your offer',
        paragraphs: [
          'Your offer has been saved. The Fabrique is a proposal of the programme: its team is not in place yet, and your offer will be read once it is.',
        ],
      },
    },
    'candidature-referent': {
      title: 'Become a disability and inclusion contact person',
      description: 'Apply to be the disability and inclusion contact person (référent) of your neighbourhood.',
      intro: [
        'The programme proposes a disability and inclusion contact person in each neighbourhood, to welcome residents, listen to them and point them in the right direction. It can be a parent of a disabled child or a disabled adult.',
        OPTIONAL,
      ],
      submitLabel: 'Send my application',
      champs: {
        quartier: { label: 'The neighbourhood where you would like to be the contact person' },
        prenom: { label: 'First name' },
        nom: { label: 'Surname' },
        email: { label: 'E-mail address', hint: 'We use it only to answer you.' },
        telephone: { label: 'Phone number' },
        profil: {
          label: 'You are',
          options: {
            'parent-enfant-handicape': { label: 'A parent of a disabled child' },
            'adulte-en-situation-de-handicap': { label: 'A disabled adult' },
            autre: { label: 'Another situation (explain in your message)' },
          },
        },
        langues: { label: 'Languages spoken', hint: 'For example: French, French Sign Language (LSF), Arabic.' },
        motivation: {
          label: 'Why would you like to become a contact person?',
          hint: 'A few sentences are enough: your experience, what you would like to do.',
          minLength: '“Why would you like to become a contact person?”: say it in one or two sentences (at least 30 characters)',
        },
      },
      thanks: {
        title: 'Your application has been sent',
        paragraphs: [
          'Thank you, your application has been saved. Contact persons are a proposal of the programme: your application will be read once a team is in place for this project.',
        ],
      },
    },
  },
};
