/**
 * Build: What form pages need at build time: the same context and settings the handlers load at start,
 * built from Astro's collections so pages and handlers agree on sessions and open registrations.
 */
import { getCollection } from 'astro:content';
import path from 'node:path';
import { buildContentContext, type FormContext } from '../../schemas/forms/context.ts';
import type { FormKey } from '../../schemas/forms/index.ts';
import type { FormSettings } from '../../schemas/forms/settings.ts';
import { todayInRennes } from '../time/dates.ts';
import { loadFormSettings } from './load.ts';
import { applyFormsMode, describeFormsMode, formsModeFromEnv } from './mode.ts';

let cached: Promise<{ ctx: FormContext; settings: Record<FormKey, FormSettings> }> | undefined;

export function formPageData() {
  cached ??= (async () => {
    const names = ['formations', 'activites', 'quartiers', 'lieux', 'referents', 'programmes'] as const;
    const collections = await Promise.all(names.map((n) => getCollection(n)));
    const entries = collections.flatMap((list, i) => list.map((e) => ({ collection: names[i]!, id: e.id, data: e.data })));
    // Astro builds from the project root.
    const loaded = await loadFormSettings(path.resolve('content'));
    const mode = formsModeFromEnv();
    for (const line of describeFormsMode(loaded, mode)) console.warn(line);
    const settings = applyFormsMode(loaded, mode);
    return { ctx: { ...buildContentContext(entries), today: todayInRennes() }, settings };
  })();
  return cached;
}
