/**
 * The form settings that are maps in their file (a team key's id → its public key; a quartier → its referents'
 * addresses), which the editor /admin/ shows as lists of two-field items (Decap has no map widget). Read as lists
 * (keep-format.ts, fromFile), written back as the same maps (toFile: a one-value change stays a one-line diff), and
 * checked as maps before a save (verifier.ts). Browser and build alike: no Node import here.
 */

type Part = {
  name: string;
  titre: string;
  aide: string;
  /** The key names an entry of this collection. */
  collection?: string;
  /** A list value: the label of each of its items. */
  element?: string;
  /** Shown in the hint, and the guide's template (src/admin/guide.ts). */
  exemple?: string;
};
type MapField = {
  /** The item's two fields: the map's key, then its value. */
  key: Part;
  value: Part;
  titre: string;
  aide: string;
};

export const MAP_FIELDS: Record<string, MapField> = {
  cles_publiques: {
    titre: 'Clés publiques de l’équipe',
    aide: 'Une ligne par clé, données par npm run keys -- create. Après un changement de clé, gardez les anciennes : elles disent quelle clé privée ouvre les envois plus anciens.',
    key: {
      name: 'identifiant',
      titre: 'Identifiant de la clé',
      aide: 'Le même que « Clé de l’équipe » pour la clé actuelle.',
      exemple: 'accueil-2026-11-71e1883a',
    },
    // The example key of content/formulaires/demande-aide.yaml: its private half was kept nowhere (mode.ts knows it).
    value: {
      name: 'cle',
      titre: 'Clé publique',
      aide: 'Les 43 caractères copiés de npm run keys -- create.',
      exemple: 'PWLvLrpJ7owe5O6AURDX4hTHTXkSDvSQVC3nSjXGzWQ',
    },
  },
  destinataires_par_quartier: {
    titre: 'Destinataires par quartier',
    aide: 'Les adresses des référents d’un quartier, prévenues en plus des destinataires ci-dessus.',
    key: { name: 'quartier', titre: 'Quartier', aide: '', collection: 'quartiers' },
    value: {
      name: 'adresses',
      titre: 'Adresses e-mail',
      aide: 'Au moins une.',
      element: 'Adresse e-mail',
      exemple: 'referents-quartier@rennes.example',
    },
  },
};

/** A map key as the file writes it (an item's key field is text in the editor). */
const keyText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The file's data as the editor shows it: each map a list of {key, value} items, in the file's order. */
export function listsFromMaps(data: Record<string, unknown>): Record<string, unknown> {
  // Other YAML files (a list at the top: content/falc/jargon.yaml) are left as they are.
  if (!isRecord(data)) return data;
  const out = { ...data };
  for (const [field, { key, value }] of Object.entries(MAP_FIELDS)) {
    const map = data[field];
    if (isRecord(map)) out[field] = Object.entries(map).map(([k, v]) => ({ [key.name]: k, [value.name]: v }));
  }
  return out;
}

/** The editor's data as the file holds it: each list back to its map; an empty list removes the field. */
export function mapsFromLists(data: Record<string, unknown>): Record<string, unknown> {
  if (!isRecord(data)) return data;
  const out = { ...data };
  for (const [field, { key, value }] of Object.entries(MAP_FIELDS)) {
    const list = data[field];
    if (!Array.isArray(list)) continue;
    const items = list.filter(isRecord);
    out[field] = items.length ? Object.fromEntries(items.map((item) => [keyText(item[key.name]), item[value.name]])) : undefined;
  }
  return out;
}

/** A key given twice in one list would keep only its last value: the editor refuses the save, with this line. */
export function repeatedKeys(data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [field, { key, titre }] of Object.entries(MAP_FIELDS)) {
    const list = data[field];
    if (!Array.isArray(list)) continue;
    const names = list.filter(isRecord).map((item) => keyText(item[key.name]));
    const twice = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
    for (const name of twice)
      problems.push(
        `champ « ${titre} » : « ${name} » y figure deux fois ; gardez une seule ligne pour « ${name} » (${key.titre.toLowerCase()})`,
      );
  }
  return problems;
}
