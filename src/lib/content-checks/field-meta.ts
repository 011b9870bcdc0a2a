/** Build and Node server: The editors' metadata (`.meta({ titre, aide, exemple })`) of a field, found by its path in a schema. */
import { z } from 'zod';

export type FieldMeta = { titre?: string; aide?: string; exemple?: unknown; long?: boolean };

type Def = { type: string; [k: string]: unknown };
const def = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Metadata along optional/default wrappers, the outermost winning. */
export function metaOf(schema: z.ZodType): { inner: z.ZodType; meta: FieldMeta } {
  let s = schema;
  let meta = (z.globalRegistry.get(s) as FieldMeta | undefined) ?? {};
  while (['optional', 'nullable', 'default'].includes(def(s).type)) {
    s = def(s).innerType as z.ZodType;
    meta = { ...((z.globalRegistry.get(s) as FieldMeta | undefined) ?? {}), ...meta };
  }
  return { inner: s, meta };
}

/** The metadata of the field at `path` (names and array indexes), or {} when there is none. */
export function metaAt(schema: z.ZodType, path: readonly PropertyKey[]): FieldMeta {
  let current = schema;
  let meta: FieldMeta = {};
  for (const key of path) {
    const { inner } = metaOf(current);
    const d = def(inner);
    if (typeof key === 'number' && d.type === 'array') current = d.element as z.ZodType;
    else if (d.type === 'object') {
      const next = (d.shape as Record<string, z.ZodType>)[String(key)];
      if (!next) return {};
      current = next;
    } else return {};
    meta = metaOf(current).meta;
  }
  return meta;
}

/** An example as an editor would type it. */
export function formatExample(v: unknown): string {
  return Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * A field's path as the editor /admin/ labels it (« Permanences n° 1 › Horaire »), from a path as the content check
 * writes it (`permanences[0].creneau`); a part without a French title keeps its name.
 */
export function fieldLabel(schema: z.ZodType, field: string): string {
  const path: PropertyKey[] = [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : m[1]!,
  );
  const parts: string[] = [];
  path.forEach((key, i) => {
    if (typeof key === 'number') parts[parts.length - 1] = `${parts.at(-1) ?? ''} n° ${key + 1}`;
    else parts.push(metaAt(schema, path.slice(0, i + 1)).titre ?? String(key));
  });
  return parts.join(' › ');
}
