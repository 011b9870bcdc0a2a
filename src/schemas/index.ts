/**
 * Every content collection: its folder under content/, its schema and which fields point to other
 * collections. content.config.ts and the content checker both read this list.
 */
import { activiteSchema } from './activite.ts';
import { formationSchema } from './formation.ts';
import { lieuSchema } from './lieu.ts';
import { organisationSchema } from './organisation.ts';
import { pageSchema } from './page.ts';
import { programmeSchema } from './programme.ts';
import { quartierSchema } from './quartier.ts';
import { quartierNomsSchema } from './quartier-nom.ts';
import { referentSchema } from './referent.ts';
import { vocabulaireSchema } from './vocabulaire.ts';

/** A reference: a dotted path (`[]` walks an array) and the collection it names. */
export type Reference = { path: string; collection: string };

/**
 * Who re-checks each collection (the team names of the forms' keys) and on which page its entries
 * appear: the freshness list (`npm run check:content -- --fraicheur`) tells editors where to look.
 */
export const suivi: Record<CollectionName, { equipe: string; page: (id: string, data: Record<string, unknown>) => string }> = {
  quartiers: { equipe: 'accueil', page: (id) => `/quartiers/${id}/` },
  organisations: { equipe: 'accueil', page: () => '/donnees/' },
  lieux: { equipe: 'accueil', page: (id) => `/lieux/${id}/` },
  referents: { equipe: 'referents', page: (_, d) => `/quartiers/${String(d.quartier)}/` },
  formations: { equipe: 'accueil', page: (id) => `/formations/${id}/` },
  activites: { equipe: 'loisirs', page: (id) => `/activites/${id}/` },
  programmes: { equipe: 'accueil', page: (id) => `/programmes/${id}/` },
  pages: { equipe: 'accueil', page: (id) => `/${id}/` },
  vocabulaire: { equipe: 'accueil', page: () => '/recherche/' },
  'quartiers-noms': { equipe: 'accueil', page: () => '/recherche/' },
};

export const collections = {
  quartiers: { schema: quartierSchema, references: [] },
  organisations: { schema: organisationSchema, references: [] },
  lieux: {
    schema: lieuSchema,
    references: [
      { path: 'quartier', collection: 'quartiers' },
      { path: 'organisation', collection: 'organisations' },
    ],
  },
  referents: {
    schema: referentSchema,
    references: [
      { path: 'quartier', collection: 'quartiers' },
      { path: 'permanences[].lieu', collection: 'lieux' },
    ],
  },
  formations: {
    schema: formationSchema,
    references: [
      { path: 'partenaires[]', collection: 'organisations' },
      { path: 'sessions[].lieu', collection: 'lieux' },
    ],
  },
  activites: {
    schema: activiteSchema,
    references: [
      { path: 'quartier', collection: 'quartiers' },
      { path: 'lieu', collection: 'lieux' },
      { path: 'organisation', collection: 'organisations' },
    ],
  },
  programmes: { schema: programmeSchema, references: [{ path: 'partenaires[]', collection: 'organisations' }] },
  pages: { schema: pageSchema, references: [] },
  // Residents' words (issue 11): `page` is checked against the built routes by src/lib/content-checks/vocabulaire-check.ts.
  vocabulaire: { schema: vocabulaireSchema, references: [] },
  'quartiers-noms': {
    schema: quartierNomsSchema,
    references: [
      { path: 'quartier', collection: 'quartiers' },
      { path: 'noms[].aussi[]', collection: 'quartiers' },
    ],
  },
} as const satisfies Record<string, { schema: unknown; references: readonly Reference[] }>;

export type CollectionName = keyof typeof collections;
