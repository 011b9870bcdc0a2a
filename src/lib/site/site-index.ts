/** Build: Every page of the site as a flat list: feeds the site map and the no-JavaScript A–Z index of the search page. */
import type { Site } from './content.ts';

export type Genre = 'page' | 'sujet' | 'programme' | 'quartier' | 'referents' | 'formation' | 'activite' | 'lieu' | 'formulaire';
export type EntreeIndex = { titre: string; href: string; genre: Genre; quartier?: string };

export const GENRES: Record<Genre, string> = {
  page: 'Pages principales',
  sujet: 'Par sujet',
  programme: 'Programmes',
  quartier: 'Quartiers et référents',
  referents: 'Référents',
  formation: 'Formations',
  activite: 'Loisirs partagés',
  lieu: 'Lieux',
  formulaire: 'Formulaires',
};

export function siteIndex(site: Site, pages: { id: string; data: { titre: string } }[]): EntreeIndex[] {
  const q = (id: string) => site.quartier.get(id)?.data.nom;
  return [
    { titre: 'Accueil', href: '/', genre: 'page' },
    { titre: 'Besoin d’aide maintenant ?', href: '/aide/', genre: 'page' },
    { titre: 'Les six programmes', href: '/programmes/', genre: 'page' },
    { titre: 'Choisir votre quartier', href: '/quartiers/', genre: 'page' },
    { titre: 'Référents handicap et inclusion, quartier par quartier', href: '/referents/', genre: 'referents' },
    { titre: 'Formations conjointes avec la MDPH', href: '/formations/', genre: 'page' },
    { titre: 'Loisirs partagés', href: '/activites/', genre: 'page' },
    { titre: 'Lieux d’accueil', href: '/lieux/', genre: 'page' },
    { titre: 'Rechercher', href: '/recherche/', genre: 'page' },
    { titre: 'Plan du site', href: '/plan-du-site/', genre: 'page' },
    ...pages.map((p) => ({ titre: p.data.titre, href: `/${p.id}/`, genre: 'page' as const })),
    ...SUJETS,
    // The short title: « Femmes victimes de violences », not « Un lieu ressource… » filed under U.
    ...site.programmes.map((p) => ({ titre: p.data.titre_court, href: `/programmes/${p.id}/`, genre: 'programme' as const })),
    ...site.quartiers.map((x) => ({
      titre: `Quartier ${x.data.nom}`,
      href: `/quartiers/${x.id}/`,
      genre: 'quartier' as const,
      quartier: x.data.nom,
    })),
    ...site.formations.map((f) => ({ titre: f.data.titre, href: `/formations/${f.id}/`, genre: 'formation' as const })),
    ...site.activites.map((a) => ({
      titre: a.data.titre,
      href: `/activites/${a.id}/`,
      genre: 'activite' as const,
      quartier: q(a.data.quartier),
    })),
    ...site.lieux.map((l) => ({
      titre: l.data.nom,
      href: `/lieux/${l.id}/`,
      genre: 'lieu' as const,
      quartier: q(l.data.quartier),
    })),
  ];
}

/** Topics as people look for them, beside the pages' own titles. */
const SUJETS: EntreeIndex[] = [
  { titre: 'Urgence : les numéros gratuits', href: '/aide/', genre: 'sujet' },
  { titre: 'Violences faites aux femmes', href: '/programmes/informations-pratiques/', genre: 'sujet' },
  { titre: 'Femmes victimes de violences', href: '/programmes/informations-pratiques/', genre: 'sujet' },
  { titre: 'Hébergement d’urgence : le 115', href: '/aide/', genre: 'sujet' },
  { titre: 'E2C (École de la deuxième chance)', href: '/programmes/ecole-deuxieme-chance/', genre: 'sujet' },
  { titre: 'Handicap : le référent de votre quartier', href: '/referents/', genre: 'sujet' },
  { titre: 'Handicap : formations avec la MDPH', href: '/formations/', genre: 'sujet' },
  { titre: 'Handicap : loisirs avec tous les enfants', href: '/activites/', genre: 'sujet' },
  { titre: 'Sans-abri : agir avec la Fabrique', href: '/programmes/fabrique/', genre: 'sujet' },
];

/** A title as it is filed: without its leading article (« La Fabrique » under F), accents folded. */
export const cleDeTri = (titre: string) =>
  titre
    .replace(/^(le|la|les|un|une|des|du)\s+|^l[’']/iu, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');

/** Alphabetical groups by first letter, leading articles ignored, accents folded (É with E). */
export function parLettre(entrees: EntreeIndex[]): [string, EntreeIndex[]][] {
  const lettre = (t: string) => cleDeTri(t).charAt(0).toUpperCase();
  const groups = new Map<string, EntreeIndex[]>();
  for (const e of [...entrees].sort((a, b) => cleDeTri(a.titre).localeCompare(cleDeTri(b.titre), 'fr'))) {
    const l = lettre(e.titre);
    groups.set(l, [...(groups.get(l) ?? []), e]);
  }
  return [...groups.entries()];
}
