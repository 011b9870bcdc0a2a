/** Build: the interface's words in English (draft translation, not yet proofread: content/traductions/). */
import type { Catalogue } from './fr.ts';

export const en: Catalogue = {
  lienEvitement: 'Skip to content',
  sortieRapide: {
    lien: 'Leave this site',
    aide: 'Opens a weather website.',
    clavier: ' Or press the Shift key (⇧) 3 times.',
  },
  urgences: {
    titre: 'Emergency:',
    tous: 'All numbers',
    sms: 'SMS',
    appeler: 'Call {numero}',
    envoyerSms: 'Text {numero}',
    numeros: {
      '3919': {
        nom: 'Violences Femmes Info, help line for women facing violence',
        detail: 'free, anonymous, day and night, 7 days a week, does not show on the phone bill',
      },
      '115': { nom: 'Samu social, emergency shelter', detail: 'free, day and night' },
      '17': { nom: 'Police', detail: 'immediate danger' },
      '112': { nom: 'European emergency number', detail: 'from any phone' },
      '114': {
        nom: 'Emergency by text message (SMS)',
        detail: 'for people who are deaf or hard of hearing, or who cannot speak safely',
      },
      '119': { nom: 'Allô enfance en danger, children in danger', detail: 'free, day and night' },
    },
  },
  noteSecurite: {
    titre: 'Your safety online',
    points: [
      'The “Leave this site” button, at the top of every page, takes you at once to a weather website. The Back button does not bring you back to this page, nor to pages like it that you opened after it. On a computer, pressing the Shift key (⇧) three times does the same.',
      'In the browser’s history, the French page about the place for women facing violence, and its form, are called “Informations pratiques”, with an address that does not say what they are about. With JavaScript, a search made on this site leaves no search words there.',
      'Without JavaScript, the Back button may bring you back here, and the search words stay written in the address of the results page. In every case, other tabs open on this site stay open, and the site that sent you here (a search engine, for example) keeps its own record.',
      'Your browser always keeps a list of the pages you visited (the history). If someone can look at your phone or computer, use private browsing, or delete the history.',
      'A public computer, for example in a library, may be safer.',
    ],
    danger: ['In immediate danger: call ', ', or send a text message to ', ' if you cannot speak.'],
  },
  entete: {
    menu: 'Menu',
    menuSite: 'Site menu',
    menuPrincipal: 'Main menu',
    accueil: 'Home',
    aide: 'Need help',
    siteFrancais: 'All pages, in French',
  },
  pied: {
    navigation: 'Footer',
    planDuSite: 'Site map',
    accessibilite: 'Accessibility',
    statuts: {
      'totalement conforme': 'fully compliant',
      'partiellement conforme': 'partially compliant',
      'non conforme': 'not compliant',
    },
    mentionsLegales: 'Legal notice',
    donnees: 'Personal data',
    enFrancais: '(in French)',
    cookies: 'This site sets no cookies and calls no outside service.',
  },
  langues: { navigation: 'Languages' },
  traduction: {
    brouillon: 'Draft translation: it has not been proofread yet. If in doubt, the French version is the reference.',
    versionFrancaise: 'Read this page in French',
  },
  nonTraduit: {
    titre: 'The other pages are in French',
    texte: 'For now, the other pages of this site exist only in French.',
    planDuSite: 'All the pages of the site (in French)',
  },
};
