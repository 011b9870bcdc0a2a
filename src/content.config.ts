import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { checkedGlob } from './lib/content-checks/checked-loader.ts';
import { activiteSchema } from './schemas/activite.ts';
import { formationSchema } from './schemas/formation.ts';
import { lieuSchema } from './schemas/lieu.ts';
import { organisationSchema } from './schemas/organisation.ts';
import { pageSchema } from './schemas/page.ts';
import { programmeSchema } from './schemas/programme.ts';
import { quartierSchema } from './schemas/quartier.ts';
import { referentSchema } from './schemas/referent.ts';
import { traductionSchema } from './schemas/traduction.ts';
import { programmeTraduitSchema } from './schemas/programme-traduit.ts';
import { quartierNomsSchema } from './schemas/quartier-nom.ts';
import { vocabulaireSchema } from './schemas/vocabulaire.ts';

// One collection per folder of content/. References between collections are checked before the build by
// src/integrations/content-check.ts, with French messages, so plain ids are enough here. In dev, a file the
// check refuses is left out of its collection (checked-loader.ts) rather than stopping the server.
const from = checkedGlob;

export const collections = {
  quartiers: defineCollection({ loader: from('quartiers'), schema: quartierSchema }),
  organisations: defineCollection({ loader: from('organisations'), schema: organisationSchema }),
  lieux: defineCollection({ loader: from('lieux'), schema: lieuSchema }),
  referents: defineCollection({ loader: from('referents'), schema: referentSchema }),
  formations: defineCollection({ loader: from('formations'), schema: formationSchema }),
  activites: defineCollection({ loader: from('activites'), schema: activiteSchema }),
  programmes: defineCollection({ loader: from('programmes'), schema: programmeSchema }),
  pages: defineCollection({ loader: from('pages'), schema: pageSchema }),
  vocabulaire: defineCollection({ loader: from('vocabulaire'), schema: vocabulaireSchema }),
  'quartiers-noms': defineCollection({ loader: from('quartiers-noms'), schema: quartierNomsSchema }),
  // Translated pages, one folder per language (src/i18n/languages.ts): id `<language>/<page>`. Not in the French
  // content check (its typography and vocabulary rules are French); their own check is test/unit/i18n-content.test.ts.
  traductions: defineCollection({
    loader: glob({ base: './content/traductions', pattern: '*/*.md' }),
    schema: traductionSchema,
  }),
  // Programme summaries per language: id `<language>/programmes/<programme>` (src/schemas/programme-traduit.ts).
  programmesTraduits: defineCollection({
    loader: glob({ base: './content/traductions', pattern: '*/programmes/*.md' }),
    schema: programmeTraduitSchema,
  }),
};
