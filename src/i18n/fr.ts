/**
 * Build: the interface's words in French, the reference catalogue (issue 23). Every other language's catalogue is typed
 * from this one (`Catalogue`): a missing key is a type error, an empty one fails test/unit/i18n-catalogues.test.ts.
 * Emergency numbers are not here: they stay as they are, dialable (src/lib/site/urgences.ts); only what each is for is.
 * `{numero}` in a sentence is replaced by the number, kept left to right (src/components/Numero.astro).
 */
export const fr = {
  lienEvitement: 'Aller au contenu',
  sortieRapide: {
    lien: 'Quitter ce site',
    aide: 'Ouvre un site de météo.',
    clavier: ' Ou appuyez 3 fois sur la touche Maj (⇧).',
  },
  urgences: {
    titre: 'Urgence\u00a0:',
    tous: 'Tous les numéros',
    sms: 'SMS',
    appeler: 'Appeler\u00a0le\u00a0{numero}',
    envoyerSms: 'SMS\u00a0au\u00a0{numero}',
    numeros: {
      '3919': {
        nom: 'Violences Femmes Info',
        detail: 'gratuit, anonyme, 24 h/24, 7 j/7, n’apparaît pas sur la facture',
      },
      '115': { nom: 'Samu social, hébergement d’urgence', detail: 'gratuit, 24 h/24' },
      '17': { nom: 'Police secours', detail: 'danger immédiat' },
      '112': { nom: 'Numéro d’urgence européen', detail: 'depuis tout téléphone' },
      '114': {
        nom: 'Urgence par SMS',
        detail: 'pour les personnes sourdes ou malentendantes, ou qui ne peuvent pas parler sans danger',
      },
      '119': { nom: 'Allô enfance en danger', detail: 'gratuit, 24 h/24' },
    },
  },
  noteSecurite: {
    titre: 'Votre sécurité en ligne',
    points: [
      'Le bouton « Quitter ce site », en haut de chaque page, vous emmène tout de suite sur un site de météo. La touche Retour ne ramène pas à cette page, ni aux pages de ce type que vous avez ouvertes ensuite. Sur un ordinateur, appuyer trois fois sur la touche Maj (⇧) fait de même.',
      'Dans l’historique du navigateur, la page sur le lieu pour les femmes victimes de violences et son formulaire s’appellent « Informations pratiques », avec une adresse qui ne dit pas de quoi ils parlent. Avec JavaScript, une recherche faite sur ce site n’y laisse pas les mots cherchés.',
      'Sans JavaScript, la touche Retour peut ramener ici et les mots cherchés restent écrits dans l’adresse de la page de résultats. Dans tous les cas, les autres onglets ouverts sur ce site restent ouverts, et le site qui vous a envoyée ici (un moteur de recherche, par exemple) garde sa propre trace.',
      'Votre navigateur garde dans tous les cas la liste des pages visitées (l’historique). Si quelqu’un peut lire votre téléphone ou votre ordinateur, utilisez la navigation privée, ou effacez l’historique.',
      'Un ordinateur public, par exemple à la bibliothèque, peut être plus sûr.',
    ],
    /** The last point, around its two links: before 17, between, after 114. */
    danger: ['En danger immédiat : appelez le ', ', ou envoyez un SMS au ', ' si vous ne pouvez pas parler.'],
  },
  entete: {
    menu: 'Menu',
    menuSite: 'Menu du site',
    menuPrincipal: 'Menu principal',
    accueil: 'Accueil',
    aide: 'Besoin d’aide',
    siteFrancais: 'Toutes les pages, en français',
  },
  pied: {
    navigation: 'Pied de page',
    planDuSite: 'Plan du site',
    accessibilite: 'Accessibilité',
    statuts: {
      'totalement conforme': 'totalement conforme',
      'partiellement conforme': 'partiellement conforme',
      'non conforme': 'non conforme',
    },
    mentionsLegales: 'Mentions légales',
    donnees: 'Données personnelles',
    /** After a link to a French page, on a page in another language. */
    enFrancais: '(en français)',
    cookies: 'Ce site ne dépose aucun cookie et ne fait appel à aucun service extérieur.',
  },
  langues: { navigation: 'Langues' },
  traduction: {
    brouillon: 'Traduction provisoire : elle n’a pas encore été relue. En cas de doute, la version en français fait foi.',
    versionFrancaise: 'Lire cette page en français',
  },
  nonTraduit: {
    titre: 'Les autres pages sont en français',
    texte: 'Pour l’instant, les autres pages de ce site existent seulement en français.',
    planDuSite: 'Toutes les pages du site (en français)',
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends readonly (infer U)[]
    ? readonly Widen<U>[]
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language's catalogue must have: the French keys, any strings. */
export type Catalogue = Widen<typeof fr>;
