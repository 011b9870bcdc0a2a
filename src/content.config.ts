import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collections as schemas, type CollectionName } from './schemas/index.ts';

// One collection per folder of content/; references are checked by the content checker
// (src/integrations/content-check.ts) with French messages, so plain ids are enough here.
const collection = (name: CollectionName) =>
  defineCollection({
    loader: glob({ base: `./content/${name}`, pattern: '*.{md,mdx}' }),
    schema: schemas[name].schema,
  });

export const collections = {
  quartiers: collection('quartiers'),
  organisations: collection('organisations'),
  lieux: collection('lieux'),
  referents: collection('referents'),
  formations: collection('formations'),
  activites: collection('activites'),
  programmes: collection('programmes'),
  pages: collection('pages'),
};
