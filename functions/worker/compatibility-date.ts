/**
 * The workerd compatibility date, kept in wrangler.jsonc only: the build and the tests' Miniflare read it
 * from there, so the Worker is tested on the date it is deployed with.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const WRANGLER_FILE = path.resolve(import.meta.dirname, '../../wrangler.jsonc');

export function compatibilityDate(file = WRANGLER_FILE): string {
  const found = /"compatibility_date"\s*:\s*"(\d{4}-\d{2}-\d{2})"/.exec(readFileSync(file, 'utf8'));
  if (!found) throw new Error(`${file} : "compatibility_date" (AAAA-MM-JJ) introuvable.`);
  return found[1]!;
}
