/**
 * Exports one form's submissions as CSV for the team's spreadsheet, formulas neutralised:
 *   node functions/export/cli.ts agir [data/submissions.sqlite] > agir.csv
 * Sealed submissions (sensitive forms, issue 5) are counted, not exported.
 */
import { DatabaseSync } from 'node:sqlite';
import { forms, isFormKey } from '../../src/schemas/forms/index.ts';
import { toCsv } from './csv.ts';

const [key = '', dbPath = 'data/submissions.sqlite'] = process.argv.slice(2);
if (!isFormKey(key)) {
  console.error(`Formulaire inconnu « ${key} ». Formulaires : ${Object.keys(forms).join(', ')}`);
  process.exit(2);
}
const db = new DatabaseSync(dbPath, { readOnly: true });
const rows = db
  .prepare('SELECT id, received_at, data_json FROM submissions WHERE form_key = ? ORDER BY received_at')
  .all(key) as {
  id: string;
  received_at: string;
  data_json: string | null;
}[];
db.close();
// Field names do not depend on the site's content, only their choices do.
const noContent = { formations: [], activites: [], quartiers: [], lieux: {}, today: '' };
const fieldNames = forms[key].fields(noContent, undefined).map((f) => f.name);
const clear = rows.filter((r) => r.data_json !== null);
const records = clear.map((r) => {
  const data = JSON.parse(r.data_json!) as Record<string, string | string[]>;
  return {
    id: r.id,
    recu_le: r.received_at,
    ...Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
  };
});
process.stdout.write(toCsv(['id', 'recu_le', ...fieldNames], records));
if (clear.length < rows.length) console.error(`${rows.length - clear.length} envoi(s) scellé(s) non exporté(s).`);
