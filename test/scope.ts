/**
 * How much the tests cover: CI runs a representative sample (one page per template, hundreds of property
 * cases); `npm run test:complet` (FABRIQUE_ESSAIS_COMPLETS=oui) runs every page of the sitemap and thousands.
 */
export const COMPLETE = process.env.FABRIQUE_ESSAIS_COMPLETS === 'oui';
