/**
 * What residents type, in their own words, and the page they must find in the top 3 (issue 11): synonyms and
 * common names, abbreviations, misspellings, place names instead of the official quartier, and questions
 * typed as sentences. Written before the vocabulary and typo work, so the hit rate before and after compare.
 */
export type Requete = { q: string; page: string; sorte: 'synonyme' | 'sigle' | 'faute' | 'lieu' | 'phrase' };

const FEMMES = '/programmes/informations-pratiques/';
const FABRIQUE = '/programmes/fabrique/';
const REFERENTS = '/programmes/referents-handicap-inclusion/';
const E2C = '/programmes/ecole-deuxieme-chance/';
const LOISIRS = '/programmes/loisirs-partages/';
const CRECHE = '/formations/accueillir-enfant-handicap-creche/';
const ECOLE = '/formations/ecole-inclusive-parents-enseignants/';

export const REQUETES: Requete[] = [
  // Synonyms and common names
  { q: 'SDF', page: FABRIQUE, sorte: 'sigle' },
  { q: 'sans domicile', page: FABRIQUE, sorte: 'synonyme' },
  { q: 'à la rue', page: FABRIQUE, sorte: 'synonyme' },
  { q: 'sans-abri', page: FABRIQUE, sorte: 'synonyme' },
  { q: 'bénévolat', page: FABRIQUE, sorte: 'synonyme' },
  { q: 'violence conjugale', page: FEMMES, sorte: 'synonyme' },
  { q: 'femmes battues', page: FEMMES, sorte: 'synonyme' },
  { q: 'violences dans le couple', page: FEMMES, sorte: 'synonyme' },
  { q: 'mon mari me frappe', page: FEMMES, sorte: 'phrase' },
  { q: 'mise à l’abri femme', page: FEMMES, sorte: 'synonyme' },
  { q: 'AESH', page: ECOLE, sorte: 'sigle' },
  { q: 'AVS', page: ECOLE, sorte: 'sigle' },
  { q: 'TSA', page: REFERENTS, sorte: 'sigle' },
  { q: 'autisme', page: REFERENTS, sorte: 'synonyme' },
  { q: 'nounou', page: CRECHE, sorte: 'synonyme' },
  { q: 'assmat', page: CRECHE, sorte: 'sigle' },
  { q: 'décrochage scolaire', page: E2C, sorte: 'synonyme' },
  { q: 'décrocheur', page: E2C, sorte: 'synonyme' },
  { q: 'école de la 2e chance', page: E2C, sorte: 'synonyme' },
  { q: 'sans diplôme', page: E2C, sorte: 'synonyme' },
  { q: 'centre de loisirs', page: LOISIRS, sorte: 'synonyme' },
  { q: 'colonie handicap', page: LOISIRS, sorte: 'synonyme' },
  { q: 'langue des signes', page: '/quartiers/maurepas-bellangerais/', sorte: 'synonyme' },
  { q: 'sourd', page: '/quartiers/maurepas-bellangerais/', sorte: 'synonyme' },
  { q: 'RQTH', page: REFERENTS, sorte: 'sigle' },
  { q: 'AEEH', page: REFERENTS, sorte: 'sigle' },
  { q: 'maison du handicap', page: '/lieux/mdph-ille-et-vilaine/', sorte: 'synonyme' },
  { q: 'numéro urgence', page: '/aide/', sorte: 'synonyme' },
  // Misspellings and word forms
  { q: 'referant', page: REFERENTS, sorte: 'faute' },
  { q: 'formaton', page: '/formations/', sorte: 'faute' },
  { q: 'handicape', page: REFERENTS, sorte: 'faute' },
  { q: 'handicapé', page: REFERENTS, sorte: 'faute' },
  { q: 'violance', page: FEMMES, sorte: 'faute' },
  { q: 'creche', page: CRECHE, sorte: 'faute' },
  { q: 'asistante maternelle', page: CRECHE, sorte: 'faute' },
  { q: 'deuxiemme chance', page: E2C, sorte: 'faute' },
  { q: 'acessibilité', page: '/accessibilite/', sorte: 'faute' },
  // Place names instead of the official quartier
  { q: 'Gros-Chêne', page: '/quartiers/maurepas-bellangerais/', sorte: 'lieu' },
  { q: 'Gayeulles', page: '/quartiers/maurepas-bellangerais/', sorte: 'lieu' },
  { q: 'Italie', page: '/quartiers/le-blosne/', sorte: 'lieu' },
  { q: 'Torigné', page: '/quartiers/le-blosne/', sorte: 'lieu' },
  { q: 'dalle Kennedy', page: '/quartiers/villejean-beauregard/', sorte: 'lieu' },
  { q: 'Pontchaillou', page: '/quartiers/villejean-beauregard/', sorte: 'lieu' },
  { q: 'Champs-Manceaux', page: '/quartiers/brequigny/', sorte: 'lieu' },
  { q: 'La Courrouze', page: '/quartiers/cleunay-arsenal-redon/', sorte: 'lieu' },
  { q: 'Longs Champs', page: '/quartiers/jeanne-darc-longs-champs-atalante-beaulieu/', sorte: 'lieu' },
  { q: 'parc du Thabor', page: '/quartiers/thabor-saint-helier-alphonse-guerin/', sorte: 'lieu' },
  { q: 'Sainte-Thérèse', page: '/quartiers/sud-gare/', sorte: 'lieu' },
  { q: 'République', page: '/quartiers/centre/', sorte: 'lieu' },
  // Questions typed as sentences
  { q: 'je dors dehors', page: FABRIQUE, sorte: 'phrase' },
  { q: 'mon enfant est autiste, qui peut m’aider ?', page: REFERENTS, sorte: 'phrase' },
  { q: 'comment faire un dossier mdph', page: REFERENTS, sorte: 'phrase' },
  { q: 'mon fils a quitté l’école sans diplôme', page: E2C, sorte: 'phrase' },
  { q: 'je veux aider les sans abri', page: FABRIQUE, sorte: 'phrase' },
];
