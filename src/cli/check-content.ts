/**
 * `npm run check:content`: the editors' check, the same one the build runs, without building.
 *   npm run check:content -- --fraicheur          what to re-check, oldest first, with page and team
 *   npm run check:content -- --au 2027-06-01      as if today were that day (plan the re-checks)
 *   npm run check:content -- chemin/vers/content  another copy of the content
 * Thresholds: FABRIQUE_FRAICHEUR=6,12 (months before a warning, before an error).
 */
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { checkAll } from '../lib/content-checks/check-all.ts';
import { formatProblems, formatWarnings } from '../lib/content-checks/content-check.ts';
import { todayInRennes } from '../lib/time/dates.ts';
import { aRevoir, formatARevoir, seuilsDepuis } from '../lib/content-checks/fraicheur.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { fraicheur: { type: 'boolean', default: false }, au: { type: 'string' } },
});
if (values.au !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.au)) {
  console.error(`--au attend une date AAAA-MM-JJ, par exemple --au 2027-06-01 (reçu « ${values.au} »)`);
  process.exit(2);
}
const contentDir = positionals[0] ?? fileURLToPath(new URL('../../content/', import.meta.url));
const today = values.au ?? todayInRennes();
const seuils = seuilsDepuis(process.env.FABRIQUE_FRAICHEUR);

// Schemas, references, form settings (content/formulaires/) and editorial rules: what the build checks.
const { errors, warnings, entries } = await checkAll(contentDir, { today, seuils });

if (values.fraicheur) console.log(formatARevoir(aRevoir(entries, today, seuils), today, seuils));
else if (warnings.length > 0) console.log(formatWarnings(warnings));
// With --fraicheur the list above already names the entries too old to publish.
const all = errors.filter((p) => !values.fraicheur || !p.message.startsWith('informations vérifiées le'));
const tooOld = values.fraicheur && errors.some((p) => p.message.startsWith('informations vérifiées le'));
if (tooOld && all.length === 0) process.exit(1);
if (all.length > 0) {
  console.error(formatProblems(all));
  process.exit(1);
}
console.log(`Contenu vérifié : ${entries.length} fiches, aucune erreur.`);
