/**
 * Build: the site's languages, in one place (issue 23). French is the site's language, at the root; every other one
 * lives under its own path prefix. Astro's i18n routing (astro.config.mjs) is configured from this list.
 *
 * Dari: the `lang` attribute is `fa-AF`, the tag CLDR, browsers and screen readers know for Dari (Persian as written and
 * spoken in Afghanistan); `prs` (ISO 639-3, also valid BCP 47) is used only as the address prefix, so that the address
 * does not read as Iranian Persian. Both Arabic and Dari are written right to left.
 */
export type Code = 'fr' | 'en' | 'ar' | 'uk' | 'prs' | 'es' | 'pt';

export type Langue = {
  /** Our key for the language (catalogue file name, content folder name, address prefix). */
  code: Code;
  /** The BCP 47 tag written in `lang` and `hreflang`. */
  tag: string;
  /** Address prefix: '' for French (the root), else `/<code>`. */
  prefixe: string;
  /** The language's name in itself, as the language menu shows it. */
  nom: string;
  dir: 'ltr' | 'rtl';
};

export const LANGUES: readonly Langue[] = [
  { code: 'fr', tag: 'fr', prefixe: '', nom: 'Français', dir: 'ltr' },
  { code: 'en', tag: 'en', prefixe: '/en', nom: 'English', dir: 'ltr' },
  { code: 'ar', tag: 'ar', prefixe: '/ar', nom: 'العربية', dir: 'rtl' },
  { code: 'uk', tag: 'uk', prefixe: '/uk', nom: 'Українська', dir: 'ltr' },
  { code: 'prs', tag: 'fa-AF', prefixe: '/prs', nom: 'دری', dir: 'rtl' },
  { code: 'es', tag: 'es', prefixe: '/es', nom: 'Español', dir: 'ltr' },
  { code: 'pt', tag: 'pt', prefixe: '/pt', nom: 'Português', dir: 'ltr' },
];

export const FRANCAIS = LANGUES[0]!;
/** Every language but French: those with translated pages under their prefix. */
export const TRADUITES = LANGUES.filter((l) => l.code !== 'fr');

export function langue(code: Code): Langue {
  return LANGUES.find((l) => l.code === code)!;
}

/** The language an address belongs to, from its first segment (French when none matches). */
export function langueDuChemin(pathname: string): Langue {
  const first = `/${pathname.split('/')[1] ?? ''}`;
  return TRADUITES.find((l) => l.prefixe === first) ?? FRANCAIS;
}

/** Pages that can have a translation: our key, and the French page's address. */
export const PAGES_TRADUISIBLES = { accueil: '/', aide: '/aide/' } as const;
export type PageTraduisible = keyof typeof PAGES_TRADUISIBLES;

/** The address of a translatable page in a language (`/`, `/en/`, `/aide/`, `/ar/aide/`). */
export function cheminTraduit(page: PageTraduisible, l: Langue): string {
  return `${l.prefixe}${PAGES_TRADUISIBLES[page]}`;
}

/** Astro's i18n configuration: French unprefixed, the others under their prefix (path) with their BCP 47 tag (codes). */
export const ASTRO_I18N = {
  defaultLocale: 'fr',
  // Every locale as an object (French too): Astro's types make `defaultLocale` `never` for a mixed string/object list.
  locales: LANGUES.map((l) => ({ path: l.code, codes: [l.tag] as [string] })),
  routing: { prefixDefaultLocale: false },
} as const;
