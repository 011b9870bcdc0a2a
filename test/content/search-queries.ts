/**
 * What residents type, in their own words, and the page they must find in the top 3 (issues 11 and 21): synonyms
 * and common names, abbreviations, misspellings, SMS writing and slang, place names instead of the official
 * quartier, and questions typed as whole sentences. Written from how people write, before the search was tuned
 * to them: the first 54 for issue 11, the others for issue 21, so the hit rate before and after compare.
 *
 * `page` is the page that answers the query; a list when two pages answer it equally (a place on the boundary
 * of two quartiers, the emergency numbers that both the help page and the women's page give).
 */
export type Sorte = 'synonyme' | 'sigle' | 'faute' | 'lieu' | 'phrase' | 'argot';
/** The residents' needs the set must cover (issue 21), and the site's other pages. */
export type Theme =
  'danger' | 'logement' | 'aide' | 'benevolat' | 'handicap' | 'jeunes' | 'quartier' | 'lieu' | 'loisirs' | 'formation' | 'site';
export type Requete = { q: string; page: string | string[]; sorte: Sorte; theme: Theme };

const FEMMES = '/programmes/informations-pratiques/';
const FABRIQUE = '/programmes/fabrique/';
const REFERENTS = '/programmes/referents-handicap-inclusion/';
const E2C = '/programmes/ecole-deuxieme-chance/';
const LOISIRS = '/programmes/loisirs-partages/';
const CRECHE = '/formations/accueillir-enfant-handicap-creche/';
const ECOLE = '/formations/ecole-inclusive-parents-enseignants/';
const SOINS = '/formations/soins-et-handicap-ecouter-les-parents/';
const ANIMER = '/formations/animer-loisirs-pour-tous/';
const AIDE = '/aide/';
const DEMANDE = '/formulaires/demande-aide/';
const AGIR = '/formulaires/agir/';
const CANDIDATURE = '/formulaires/candidature-referent/';
const CONTACT = '/formulaires/contact/';
const MDPH = '/lieux/mdph-ille-et-vilaine/';

const q = (slug: string) => `/quartiers/${slug}/`;
const CENTRE = q('centre');
const THABOR = q('thabor-saint-helier-alphonse-guerin');
const BOURG = q('bourg-levesque-la-touche-moulin-du-comte');
const ST_MARTIN = q('saint-martin');
const MAUREPAS = q('maurepas-bellangerais');
const JEANNE_DARC = q('jeanne-darc-longs-champs-atalante-beaulieu');
const POTERIE = q('francisco-ferrer-landry-poterie');
const SUD_GARE = q('sud-gare');
const CLEUNAY = q('cleunay-arsenal-redon');
const VILLEJEAN = q('villejean-beauregard');
const BLOSNE = q('le-blosne');
const BREQUIGNY = q('brequigny');

export const REQUETES: Requete[] = [
  // Issue 11. Synonyms and common names
  { q: 'SDF', page: FABRIQUE, sorte: 'sigle', theme: 'logement' },
  { q: 'sans domicile', page: FABRIQUE, sorte: 'synonyme', theme: 'logement' },
  { q: 'à la rue', page: FABRIQUE, sorte: 'synonyme', theme: 'logement' },
  { q: 'sans-abri', page: FABRIQUE, sorte: 'synonyme', theme: 'logement' },
  { q: 'bénévolat', page: FABRIQUE, sorte: 'synonyme', theme: 'benevolat' },
  { q: 'violence conjugale', page: FEMMES, sorte: 'synonyme', theme: 'danger' },
  { q: 'femmes battues', page: FEMMES, sorte: 'synonyme', theme: 'danger' },
  { q: 'violences dans le couple', page: FEMMES, sorte: 'synonyme', theme: 'danger' },
  { q: 'mon mari me frappe', page: FEMMES, sorte: 'phrase', theme: 'danger' },
  { q: 'mise à l’abri femme', page: FEMMES, sorte: 'synonyme', theme: 'danger' },
  { q: 'AESH', page: ECOLE, sorte: 'sigle', theme: 'handicap' },
  { q: 'AVS', page: ECOLE, sorte: 'sigle', theme: 'handicap' },
  { q: 'TSA', page: REFERENTS, sorte: 'sigle', theme: 'handicap' },
  { q: 'autisme', page: REFERENTS, sorte: 'synonyme', theme: 'handicap' },
  { q: 'nounou', page: CRECHE, sorte: 'synonyme', theme: 'formation' },
  { q: 'assmat', page: CRECHE, sorte: 'sigle', theme: 'formation' },
  { q: 'décrochage scolaire', page: E2C, sorte: 'synonyme', theme: 'jeunes' },
  { q: 'décrocheur', page: E2C, sorte: 'synonyme', theme: 'jeunes' },
  { q: 'école de la 2e chance', page: E2C, sorte: 'synonyme', theme: 'jeunes' },
  { q: 'sans diplôme', page: E2C, sorte: 'synonyme', theme: 'jeunes' },
  { q: 'centre de loisirs', page: LOISIRS, sorte: 'synonyme', theme: 'loisirs' },
  { q: 'colonie handicap', page: LOISIRS, sorte: 'synonyme', theme: 'loisirs' },
  { q: 'langue des signes', page: MAUREPAS, sorte: 'synonyme', theme: 'handicap' },
  { q: 'sourd', page: MAUREPAS, sorte: 'synonyme', theme: 'handicap' },
  { q: 'RQTH', page: REFERENTS, sorte: 'sigle', theme: 'handicap' },
  { q: 'AEEH', page: REFERENTS, sorte: 'sigle', theme: 'handicap' },
  { q: 'maison du handicap', page: MDPH, sorte: 'synonyme', theme: 'handicap' },
  { q: 'numéro urgence', page: AIDE, sorte: 'synonyme', theme: 'danger' },
  // Issue 11. Misspellings and word forms
  { q: 'referant', page: REFERENTS, sorte: 'faute', theme: 'handicap' },
  { q: 'formaton', page: '/formations/', sorte: 'faute', theme: 'formation' },
  { q: 'handicape', page: REFERENTS, sorte: 'faute', theme: 'handicap' },
  { q: 'handicapé', page: REFERENTS, sorte: 'faute', theme: 'handicap' },
  { q: 'violance', page: FEMMES, sorte: 'faute', theme: 'danger' },
  { q: 'creche', page: CRECHE, sorte: 'faute', theme: 'formation' },
  { q: 'asistante maternelle', page: CRECHE, sorte: 'faute', theme: 'formation' },
  { q: 'deuxiemme chance', page: E2C, sorte: 'faute', theme: 'jeunes' },
  { q: 'acessibilité', page: '/accessibilite/', sorte: 'faute', theme: 'site' },
  // Issue 11. Place names instead of the official quartier
  { q: 'Gros-Chêne', page: MAUREPAS, sorte: 'lieu', theme: 'quartier' },
  { q: 'Gayeulles', page: MAUREPAS, sorte: 'lieu', theme: 'quartier' },
  { q: 'Italie', page: BLOSNE, sorte: 'lieu', theme: 'quartier' },
  { q: 'Torigné', page: BLOSNE, sorte: 'lieu', theme: 'quartier' },
  { q: 'dalle Kennedy', page: VILLEJEAN, sorte: 'lieu', theme: 'quartier' },
  { q: 'Pontchaillou', page: VILLEJEAN, sorte: 'lieu', theme: 'quartier' },
  { q: 'Champs-Manceaux', page: BREQUIGNY, sorte: 'lieu', theme: 'quartier' },
  { q: 'La Courrouze', page: CLEUNAY, sorte: 'lieu', theme: 'quartier' },
  { q: 'Longs Champs', page: JEANNE_DARC, sorte: 'lieu', theme: 'quartier' },
  { q: 'parc du Thabor', page: THABOR, sorte: 'lieu', theme: 'quartier' },
  { q: 'Sainte-Thérèse', page: SUD_GARE, sorte: 'lieu', theme: 'quartier' },
  { q: 'République', page: CENTRE, sorte: 'lieu', theme: 'quartier' },
  // Issue 11. Questions typed as sentences
  { q: 'je dors dehors', page: FABRIQUE, sorte: 'phrase', theme: 'logement' },
  { q: 'mon enfant est autiste, qui peut m’aider ?', page: REFERENTS, sorte: 'phrase', theme: 'handicap' },
  { q: 'comment faire un dossier mdph', page: REFERENTS, sorte: 'phrase', theme: 'handicap' },
  { q: 'mon fils a quitté l’école sans diplôme', page: E2C, sorte: 'phrase', theme: 'jeunes' },
  { q: 'je veux aider les sans abri', page: FABRIQUE, sorte: 'phrase', theme: 'benevolat' },

  // Issue 21. Danger: violence at home, a child in danger, a life in danger
  { q: 'ou aller si mon copain me tape', page: FEMMES, sorte: 'phrase', theme: 'danger' },
  { q: 'mon mec me frappe', page: FEMMES, sorte: 'argot', theme: 'danger' },
  { q: 'mon ex me harcèle', page: FEMMES, sorte: 'phrase', theme: 'danger' },
  { q: 'violence conjugal', page: FEMMES, sorte: 'faute', theme: 'danger' },
  { q: 'femme battu', page: FEMMES, sorte: 'faute', theme: 'danger' },
  { q: 'jai peur de mon mari', page: FEMMES, sorte: 'argot', theme: 'danger' },
  { q: 'numero pour les femmes victimes', page: FEMMES, sorte: 'synonyme', theme: 'danger' },
  { q: '39 19', page: FEMMES, sorte: 'argot', theme: 'danger' },
  { q: 'violences sexuelles', page: FEMMES, sorte: 'synonyme', theme: 'danger' },
  { q: 'il me frappe devant les enfants', page: FEMMES, sorte: 'phrase', theme: 'danger' },
  { q: 'partir de chez moi avec mes enfants il est violent', page: FEMMES, sorte: 'phrase', theme: 'danger' },
  { q: 'foyer pour femmes', page: FEMMES, sorte: 'synonyme', theme: 'danger' },
  { q: 'hebergement femme battue', page: FEMMES, sorte: 'faute', theme: 'danger' },
  { q: 'mon voisin crie sur sa femme et la frappe', page: FEMMES, sorte: 'phrase', theme: 'danger' },
  { q: 'ma copine se fait taper par son mec', page: FEMMES, sorte: 'argot', theme: 'danger' },
  { q: 'emprise psychologique', page: FEMMES, sorte: 'synonyme', theme: 'danger' },
  { q: 'insultes et menaces de mon conjoint', page: FEMMES, sorte: 'phrase', theme: 'danger' },
  { q: 'enfant maltraité', page: AIDE, sorte: 'synonyme', theme: 'danger' },
  { q: 'maltraitance enfant', page: AIDE, sorte: 'synonyme', theme: 'danger' },
  { q: 'je suis en danger', page: AIDE, sorte: 'phrase', theme: 'danger' },
  { q: 'urgense', page: AIDE, sorte: 'faute', theme: 'danger' },
  { q: 'appeler la police sans parler', page: [AIDE, FEMMES], sorte: 'phrase', theme: 'danger' },
  { q: 'sms 114', page: AIDE, sorte: 'sigle', theme: 'danger' },
  { q: 'j’ai envie de mourir', page: AIDE, sorte: 'phrase', theme: 'danger' },
  { q: 'numéro samu social', page: AIDE, sorte: 'synonyme', theme: 'danger' },
  // Issue 21. Housing and shelter
  { q: 'hébergement', page: AIDE, sorte: 'synonyme', theme: 'logement' },
  { q: 'hebergement d urgence', page: AIDE, sorte: 'faute', theme: 'logement' },
  { q: 'refuge', page: AIDE, sorte: 'synonyme', theme: 'logement' },
  { q: 'ou dormir ce soir', page: AIDE, sorte: 'phrase', theme: 'logement' },
  { q: 'je dors dans ma voiture', page: AIDE, sorte: 'phrase', theme: 'logement' },
  { q: 'plus de logement', page: [AIDE, DEMANDE], sorte: 'phrase', theme: 'logement' },
  { q: 'expulsé de mon appart', page: [AIDE, DEMANDE], sorte: 'argot', theme: 'logement' },
  { q: 'logement urgence', page: AIDE, sorte: 'synonyme', theme: 'logement' },
  { q: 'foyer sdf', page: AIDE, sorte: 'synonyme', theme: 'logement' },
  { q: 'appeler le 115', page: AIDE, sorte: 'phrase', theme: 'logement' },
  { q: 'sans abris', page: FABRIQUE, sorte: 'faute', theme: 'logement' },
  { q: 'sdf rennes', page: FABRIQUE, sorte: 'sigle', theme: 'logement' },
  { q: 'je suis a la rue avec mes enfants', page: [AIDE, FABRIQUE], sorte: 'phrase', theme: 'logement' },
  { q: 'aide pour trouver un logement', page: DEMANDE, sorte: 'phrase', theme: 'logement' },
  { q: 'nuit dehors il fait froid', page: [AIDE, FABRIQUE], sorte: 'phrase', theme: 'logement' },
  // Issue 21. Help, without emergency
  { q: 'besoin d’aide', page: AIDE, sorte: 'phrase', theme: 'aide' },
  { q: 'jai besoin daide', page: AIDE, sorte: 'argot', theme: 'aide' },
  { q: 'aide', page: AIDE, sorte: 'synonyme', theme: 'aide' },
  { q: 'demande d’aide', page: DEMANDE, sorte: 'synonyme', theme: 'aide' },
  { q: 'aide alimentaire', page: DEMANDE, sorte: 'synonyme', theme: 'aide' },
  { q: 'jai pas de quoi manger', page: DEMANDE, sorte: 'argot', theme: 'aide' },
  { q: 'aide pour les papiers', page: DEMANDE, sorte: 'phrase', theme: 'aide' },
  { q: 'aide pour remplir dossier mdph', page: REFERENTS, sorte: 'phrase', theme: 'aide' },
  { q: 'numeros utiles', page: AIDE, sorte: 'faute', theme: 'aide' },
  { q: 'numéro gratuit', page: AIDE, sorte: 'synonyme', theme: 'aide' },
  { q: 'contacter la fabrique', page: CONTACT, sorte: 'phrase', theme: 'aide' },
  { q: 'signaler une erreur sur le site', page: CONTACT, sorte: 'phrase', theme: 'site' },
  // Issue 21. Volunteering
  { q: 'je suis retraité et je veux aider', page: FABRIQUE, sorte: 'phrase', theme: 'benevolat' },
  { q: 'devenir bénévole', page: FABRIQUE, sorte: 'synonyme', theme: 'benevolat' },
  { q: 'benevolat rennes', page: FABRIQUE, sorte: 'faute', theme: 'benevolat' },
  { q: 'faire du bénévolat avec les sdf', page: FABRIQUE, sorte: 'phrase', theme: 'benevolat' },
  { q: 'donner de mon temps', page: [FABRIQUE, AGIR], sorte: 'phrase', theme: 'benevolat' },
  { q: 'proposer mon aide', page: AGIR, sorte: 'phrase', theme: 'benevolat' },
  { q: 'maraude', page: [FABRIQUE, AGIR], sorte: 'synonyme', theme: 'benevolat' },
  { q: 'servir des repas aux sans abris', page: AGIR, sorte: 'phrase', theme: 'benevolat' },
  { q: 'je parle arabe je peux traduire', page: AGIR, sorte: 'phrase', theme: 'benevolat' },
  { q: 'aider les personnes a la rue', page: FABRIQUE, sorte: 'phrase', theme: 'benevolat' },
  { q: 'agir contre l’exclusion', page: FABRIQUE, sorte: 'phrase', theme: 'benevolat' },
  { q: 'association solidarité rennes', page: FABRIQUE, sorte: 'synonyme', theme: 'benevolat' },
  { q: 'je veux m’engager dans mon quartier', page: FABRIQUE, sorte: 'phrase', theme: 'benevolat' },
  { q: 'devenir referent handicap', page: CANDIDATURE, sorte: 'faute', theme: 'benevolat' },
  { q: 'postuler référent quartier', page: CANDIDATURE, sorte: 'phrase', theme: 'benevolat' },
  {
    q: 'je suis maman d’un enfant handicapé et je veux aider les autres parents',
    page: [CANDIDATURE, REFERENTS],
    sorte: 'phrase',
    theme: 'benevolat',
  },
  { q: 'encadrer des enfants handicapés benevole', page: AGIR, sorte: 'phrase', theme: 'benevolat' },
  // Issue 21. Disability
  { q: 'handicap', page: REFERENTS, sorte: 'synonyme', theme: 'handicap' },
  { q: 'mon fils est handicapé', page: REFERENTS, sorte: 'phrase', theme: 'handicap' },
  { q: 'ma fille est autiste', page: REFERENTS, sorte: 'phrase', theme: 'handicap' },
  { q: 'mdhp', page: MDPH, sorte: 'faute', theme: 'handicap' },
  { q: 'adresse mdph rennes', page: MDPH, sorte: 'phrase', theme: 'handicap' },
  { q: 'la mdph c’est où', page: MDPH, sorte: 'phrase', theme: 'handicap' },
  { q: 'allocation adulte handicapé', page: REFERENTS, sorte: 'synonyme', theme: 'handicap' },
  { q: 'aah', page: REFERENTS, sorte: 'sigle', theme: 'handicap' },
  { q: 'reconnaissance travailleur handicapé', page: REFERENTS, sorte: 'synonyme', theme: 'handicap' },
  { q: 'trisomie 21', page: REFERENTS, sorte: 'synonyme', theme: 'handicap' },
  { q: 'aidant familial', page: REFERENTS, sorte: 'synonyme', theme: 'handicap' },
  { q: 'aesh pour mon fils', page: ECOLE, sorte: 'phrase', theme: 'handicap' },
  { q: 'mon enfant handicapé à l’école', page: ECOLE, sorte: 'phrase', theme: 'handicap' },
  { q: 'inclusion scolaire', page: ECOLE, sorte: 'synonyme', theme: 'handicap' },
  { q: 'enfant handicapé crèche', page: CRECHE, sorte: 'phrase', theme: 'handicap' },
  { q: 'garde enfant handicapé', page: CRECHE, sorte: 'phrase', theme: 'handicap' },
  { q: 'nourrice', page: CRECHE, sorte: 'synonyme', theme: 'formation' },
  { q: 'assistante maternel', page: CRECHE, sorte: 'faute', theme: 'formation' },
  { q: 'langue des signe', page: MAUREPAS, sorte: 'faute', theme: 'handicap' },
  { q: 'lieu accessible fauteuil roulant', page: '/lieux/', sorte: 'phrase', theme: 'handicap' },
  { q: 'boucle magnetique', page: '/lieux/', sorte: 'faute', theme: 'handicap' },
  { q: 'référent handicap près de chez moi', page: '/referents/', sorte: 'phrase', theme: 'handicap' },
  { q: 'referent handicap de mon quartier', page: '/referents/', sorte: 'faute', theme: 'handicap' },
  // Issue 21. Young people
  { q: 'e2c rennes', page: E2C, sorte: 'sigle', theme: 'jeunes' },
  { q: 'ecole de la seconde chance', page: E2C, sorte: 'synonyme', theme: 'jeunes' },
  { q: 'ecole 2eme chance', page: E2C, sorte: 'faute', theme: 'jeunes' },
  { q: 'jai 19 ans et pas de diplome', page: E2C, sorte: 'argot', theme: 'jeunes' },
  { q: 'jai arrété l’école a 16 ans', page: E2C, sorte: 'argot', theme: 'jeunes' },
  { q: 'reprendre une formation sans le bac', page: E2C, sorte: 'phrase', theme: 'jeunes' },
  { q: 'mon fils est déscolarisé', page: E2C, sorte: 'phrase', theme: 'jeunes' },
  { q: 'jeune sans emploi sans diplôme', page: E2C, sorte: 'phrase', theme: 'jeunes' },
  { q: 'j’ai 27 ans pas de diplôme', page: E2C, sorte: 'phrase', theme: 'jeunes' },
  { q: 'décrochage', page: E2C, sorte: 'synonyme', theme: 'jeunes' },
  { q: 'stage en entreprise pour jeune', page: E2C, sorte: 'phrase', theme: 'jeunes' },
  { q: 'formation pour les moins de 26 ans', page: E2C, sorte: 'phrase', theme: 'jeunes' },
  // Issue 21. Every quartier, by its name and by its sub-quartiers, stations and known places
  { q: 'centre ville', page: CENTRE, sorte: 'lieu', theme: 'quartier' },
  { q: 'hyper centre', page: CENTRE, sorte: 'lieu', theme: 'quartier' },
  { q: 'sainte anne', page: CENTRE, sorte: 'lieu', theme: 'quartier' },
  { q: 'metro charles de gaulle', page: CENTRE, sorte: 'lieu', theme: 'quartier' },
  { q: 'parlement de bretagne', page: CENTRE, sorte: 'lieu', theme: 'quartier' },
  { q: 'st helier', page: THABOR, sorte: 'lieu', theme: 'quartier' },
  { q: 'thabor', page: THABOR, sorte: 'lieu', theme: 'quartier' },
  { q: 'alphonse guerin', page: THABOR, sorte: 'lieu', theme: 'quartier' },
  { q: 'jules ferry', page: THABOR, sorte: 'lieu', theme: 'quartier' },
  { q: 'bourg leveque', page: BOURG, sorte: 'faute', theme: 'quartier' },
  { q: 'la touche', page: BOURG, sorte: 'lieu', theme: 'quartier' },
  { q: 'moulin du comte', page: BOURG, sorte: 'lieu', theme: 'quartier' },
  { q: 'roazhon park', page: BOURG, sorte: 'lieu', theme: 'quartier' },
  { q: 'anatole france', page: [BOURG, ST_MARTIN], sorte: 'lieu', theme: 'quartier' },
  { q: 'st martin', page: ST_MARTIN, sorte: 'lieu', theme: 'quartier' },
  { q: 'prairies saint martin', page: ST_MARTIN, sorte: 'lieu', theme: 'quartier' },
  { q: 'canal st martin', page: ST_MARTIN, sorte: 'lieu', theme: 'quartier' },
  { q: 'bellangerais', page: MAUREPAS, sorte: 'lieu', theme: 'quartier' },
  { q: 'patton', page: MAUREPAS, sorte: 'lieu', theme: 'quartier' },
  { q: 'handicap maurepas', page: MAUREPAS, sorte: 'lieu', theme: 'quartier' },
  { q: 'jeanne darc', page: JEANNE_DARC, sorte: 'faute', theme: 'quartier' },
  { q: 'longchamps', page: JEANNE_DARC, sorte: 'faute', theme: 'quartier' },
  { q: 'beaulieu', page: JEANNE_DARC, sorte: 'lieu', theme: 'quartier' },
  { q: 'atalante', page: JEANNE_DARC, sorte: 'lieu', theme: 'quartier' },
  { q: 'joliot curie', page: JEANNE_DARC, sorte: 'lieu', theme: 'quartier' },
  { q: 'la poterie', page: POTERIE, sorte: 'lieu', theme: 'quartier' },
  { q: 'francisco ferrer', page: POTERIE, sorte: 'lieu', theme: 'quartier' },
  { q: 'landry', page: POTERIE, sorte: 'lieu', theme: 'quartier' },
  { q: 'la pommeraie', page: POTERIE, sorte: 'lieu', theme: 'quartier' },
  { q: 'metro poterie', page: POTERIE, sorte: 'lieu', theme: 'quartier' },
  { q: 'sud gare', page: SUD_GARE, sorte: 'lieu', theme: 'quartier' },
  { q: 'quartier de la gare', page: SUD_GARE, sorte: 'lieu', theme: 'quartier' },
  { q: 'villeneuve', page: SUD_GARE, sorte: 'lieu', theme: 'quartier' },
  { q: 'jacques cartier', page: SUD_GARE, sorte: 'lieu', theme: 'quartier' },
  { q: 'rue de quineleu', page: SUD_GARE, sorte: 'lieu', theme: 'quartier' },
  { q: 'clemenceau', page: [SUD_GARE, BREQUIGNY], sorte: 'lieu', theme: 'quartier' },
  { q: 'cleunay', page: CLEUNAY, sorte: 'lieu', theme: 'quartier' },
  { q: 'arsenal redon', page: CLEUNAY, sorte: 'lieu', theme: 'quartier' },
  { q: 'prevalaye', page: CLEUNAY, sorte: 'lieu', theme: 'quartier' },
  { q: 'mabilais', page: CLEUNAY, sorte: 'lieu', theme: 'quartier' },
  { q: 'etangs d’apigne', page: CLEUNAY, sorte: 'lieu', theme: 'quartier' },
  { q: 'beauregard', page: VILLEJEAN, sorte: 'lieu', theme: 'quartier' },
  { q: 'kennedy', page: VILLEJEAN, sorte: 'lieu', theme: 'quartier' },
  { q: 'villejean université', page: VILLEJEAN, sorte: 'lieu', theme: 'quartier' },
  { q: 'chu pontchaillou', page: VILLEJEAN, sorte: 'lieu', theme: 'quartier' },
  { q: 'fac de villejean', page: VILLEJEAN, sorte: 'argot', theme: 'quartier' },
  { q: 'je cherche un referent handicap a villejean', page: VILLEJEAN, sorte: 'phrase', theme: 'quartier' },
  { q: 'blosne', page: BLOSNE, sorte: 'lieu', theme: 'quartier' },
  { q: 'le blosne', page: BLOSNE, sorte: 'lieu', theme: 'quartier' },
  { q: 'triangle', page: BLOSNE, sorte: 'lieu', theme: 'quartier' },
  { q: 'zup sud', page: BLOSNE, sorte: 'lieu', theme: 'quartier' },
  { q: 'hopital sud', page: BLOSNE, sorte: 'lieu', theme: 'quartier' },
  { q: 'landrel', page: BLOSNE, sorte: 'lieu', theme: 'quartier' },
  { q: 'ste elisabeth', page: BLOSNE, sorte: 'lieu', theme: 'quartier' },
  { q: 'permanence handicap au blosne', page: BLOSNE, sorte: 'phrase', theme: 'quartier' },
  { q: 'brequigny', page: BREQUIGNY, sorte: 'lieu', theme: 'quartier' },
  { q: 'les chalais', page: BREQUIGNY, sorte: 'lieu', theme: 'quartier' },
  { q: 'cloteaux', page: BREQUIGNY, sorte: 'lieu', theme: 'quartier' },
  { q: 'piscine de brequigny', page: BREQUIGNY, sorte: 'lieu', theme: 'quartier' },
  { q: 'henri freville', page: [BLOSNE, BREQUIGNY], sorte: 'lieu', theme: 'quartier' },
  { q: 'métro Henri Fréville', page: [BLOSNE, BREQUIGNY], sorte: 'lieu', theme: 'quartier' },
  // Issue 21. Every place of welcome (content/lieux)
  { q: 'maison de quartier villejean', page: '/lieux/villejean-maison-de-quartier/', sorte: 'lieu', theme: 'lieu' },
  { q: 'maison de quartier du blosne', page: '/lieux/le-blosne-maison-de-quartier/', sorte: 'lieu', theme: 'lieu' },
  { q: 'espace social blosne', page: '/lieux/le-blosne-espace-social/', sorte: 'lieu', theme: 'lieu' },
  { q: 'centre social poterie horaires', page: '/lieux/poterie-centre-social/', sorte: 'lieu', theme: 'lieu' },
  { q: 'centre social bourg l’évêque', page: '/lieux/bourg-levesque-centre-social/', sorte: 'faute', theme: 'lieu' },
  { q: 'maison de quartier brequigny', page: '/lieux/brequigny-maison-de-quartier/', sorte: 'lieu', theme: 'lieu' },
  { q: 'espace social centre ville', page: '/lieux/centre-espace-social/', sorte: 'lieu', theme: 'lieu' },
  { q: 'espace social cleunay', page: '/lieux/cleunay-espace-social/', sorte: 'lieu', theme: 'lieu' },
  { q: 'maison quartier jeanne d’arc', page: '/lieux/jeanne-darc-maison-de-quartier/', sorte: 'lieu', theme: 'lieu' },
  { q: 'espace social commun maurepas', page: '/lieux/maurepas-espace-social/', sorte: 'lieu', theme: 'lieu' },
  { q: 'maison des assos saint martin', page: '/lieux/saint-martin-maison-associative/', sorte: 'argot', theme: 'lieu' },
  { q: 'maison de quartier sud-gare horaires', page: '/lieux/sud-gare-maison-de-quartier/', sorte: 'lieu', theme: 'lieu' },
  { q: 'maison de quartier thabor saint helier', page: '/lieux/thabor-maison-de-quartier/', sorte: 'lieu', theme: 'lieu' },
  { q: 'mdph cucillé', page: MDPH, sorte: 'lieu', theme: 'lieu' },
  // Issue 21. Leisure and trainings
  { q: 'loisir enfant autiste', page: LOISIRS, sorte: 'phrase', theme: 'loisirs' },
  { q: 'activité enfant handicapé mercredi', page: [LOISIRS, '/activites/'], sorte: 'phrase', theme: 'loisirs' },
  { q: 'sport adapté enfant', page: '/activites/multisport-brequigny/', sorte: 'synonyme', theme: 'loisirs' },
  { q: 'handisport', page: '/activites/multisport-brequigny/', sorte: 'synonyme', theme: 'loisirs' },
  { q: 'cirque pour enfants', page: '/activites/atelier-cirque-le-blosne/', sorte: 'phrase', theme: 'loisirs' },
  { q: 'eveil musical bebe', page: '/activites/eveil-musical-villejean/', sorte: 'faute', theme: 'loisirs' },
  { q: 'peinture enfant', page: '/activites/arts-plastiques-poterie/', sorte: 'synonyme', theme: 'loisirs' },
  { q: 'sortie nature enfant handicapé', page: '/activites/sortie-nature-maurepas/', sorte: 'phrase', theme: 'loisirs' },
  { q: 'loisirs pluriel', page: LOISIRS, sorte: 'synonyme', theme: 'loisirs' },
  { q: 'formation soignant', page: SOINS, sorte: 'synonyme', theme: 'formation' },
  { q: 'infirmière enfant handicapé', page: SOINS, sorte: 'phrase', theme: 'formation' },
  { q: 'formation animateur handicap', page: ANIMER, sorte: 'phrase', theme: 'formation' },
  { q: 'bafa handicap', page: ANIMER, sorte: 'sigle', theme: 'formation' },
  {
    q: 'formation parents enfants handicapés',
    page: ['/formations/', '/programmes/formations-conjointes/'],
    sorte: 'phrase',
    theme: 'formation',
  },
  // Issue 21. The site itself
  { q: 'données personnelles', page: '/confidentialite/', sorte: 'synonyme', theme: 'site' },
  { q: 'rgpd', page: '/confidentialite/', sorte: 'sigle', theme: 'site' },
  { q: 'cookies', page: '/confidentialite/', sorte: 'synonyme', theme: 'site' },
  { q: 'open data', page: '/donnees/', sorte: 'synonyme', theme: 'site' },
];

/** The pages a query may find: the one that answers it, or either of two. */
export const pagesAttendues = (r: Requete): string[] => (Array.isArray(r.page) ? r.page : [r.page]);
