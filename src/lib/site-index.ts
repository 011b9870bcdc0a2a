/** Every page of the site as a flat list: feeds the site map and the no-JavaScript A–Z index of the search page. */
import type { Site } from './content.ts';

export type Genre = 'programme' | 'quartier' | 'referents' | 'formation' | 'activite' | 'lieu' | 'page' | 'formulaire';
export type EntreeIndex = { titre: string; href: string; genre: Genre; quartier?: string };

export const GENRES: Record<Genre, string> = {
  page: 'Pages principales',
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
    ...site.programmes.map((p) => ({ titre: p.data.titre, href: `/programmes/${p.id}/`, genre: 'programme' as const })),
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

/** Alphabetical groups by first letter, accents folded (É with E). */
export function parLettre(entrees: EntreeIndex[]): [string, EntreeIndex[]][] {
  const lettre = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').charAt(0).toUpperCase();
  const groups = new Map<string, EntreeIndex[]>();
  for (const e of [...entrees].sort((a, b) => a.titre.localeCompare(b.titre, 'fr'))) {
    const l = lettre(e.titre);
    groups.set(l, [...(groups.get(l) ?? []), e]);
  }
  return [...groups.entries()];
}
