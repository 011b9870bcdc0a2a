/** For the form journeys: the site's real targets, valid answers for each form, and filling a form field by field. */
import type { Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { browserAndSite } from './browser.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { loadContentContext, loadFormSettings } from '../../src/lib/forms/load.ts';
import { generateTeamKey } from '../../functions/seal/keys.ts';
import { importPrivateKey, openValues } from '../../functions/seal/open.ts';
import { todayInRennes } from '../../src/lib/time/dates.ts';
import { FORM_KEYS, forms, type FormKey } from '../../src/schemas/forms/index.ts';
import { sessionClosedReason } from '../../src/schemas/forms/inscription-formation.ts';
import type { FormContext } from '../../src/schemas/forms/context.ts';
import { yearsFrom } from '../../src/schemas/forms/context.ts';
import { validSubmissions, type Submission } from '../fixtures/valid-submissions.ts';

export const ctx: FormContext = {
  ...(await loadContentContext(path.resolve(import.meta.dirname, '../../content'))),
  today: todayInRennes(),
};

const openFormation = ctx.formations.find((f) => f.sessions.some((s) => !sessionClosedReason(f, s, ctx.today)))!;
const openSession = openFormation.sessions.find((s) => !sessionClosedReason(openFormation, s, ctx.today))!;
const openActivite = ctx.activites.find((a) => a.inscriptions === 'ouvertes' && a.places !== 0)!;

/** A training whose form shows a session that cannot be chosen (past, cancelled) beside one that can, if the content has one. */
export const formationWithClosedSession = ctx.formations.find(
  (f) =>
    f.sessions.some((s) => sessionClosedReason(f, s, ctx.today)) && f.sessions.some((s) => !sessionClosedReason(f, s, ctx.today)),
);

export function pagePath(key: FormKey): string {
  const form = forms[key];
  const values = answers(key);
  return form.pagePath(form.targetField ? String(values[form.targetField]) : undefined);
}

/** Valid answers for each form against the built site's content. */
export function answers(key: FormKey): Submission {
  const base = { ...validSubmissions[key] };
  if (key === 'inscription-formation') return { ...base, formation: openFormation.id, session: openSession.id };
  if (key === 'inscription-loisirs')
    return { ...base, activite: openActivite.id, enfant_naissance: yearsFrom(ctx.today, -(openActivite.ages.min + 1)) };
  if (key === 'contact-referent') return { ...base, quartier: ctx.quartiers[0]!.id };
  if (key === 'candidature-referent') return { ...base, quartier: ctx.quartiers[0]!.id };
  return base;
}

/** Types the answers as a person would, using each field's definition to pick the control. */
export async function fill(page: Page, key: FormKey, values: Submission) {
  const form = forms[key];
  const target = form.targetField ? String(values[form.targetField]) : undefined;
  for (const field of form.fields(ctx, target)) {
    const value = values[field.name];
    if (value === undefined || field.type === 'hidden') continue;
    const id = `#f-${field.name}`;
    if (field.type === 'radio') await page.check(`input[name="${field.name}"][value="${value as string}"]`);
    else if (field.type === 'checkboxes')
      for (const v of [value].flat()) await page.check(`input[name="${field.name}"][value="${v}"]`);
    else if (field.type === 'select') await page.selectOption(id, String(value));
    else if (field.type === 'date') {
      // Typed as a person would: day, month and year in their three boxes.
      const [year, month, day] = String(value).split('-');
      await page.fill(id, String(Number(day)));
      await page.fill(`${id}-mois`, String(Number(month)));
      await page.fill(`${id}-annee`, year!);
    } else await page.fill(id, String(value));
  }
}

/** A team key of the tests' own, for the sealed forms: the repository's example keys have no private half. */
export const e2eTeamKey = await generateTeamKey('essai-e2e', new Date());
const e2ePrivateKey = await importPrivateKey(e2eTeamKey.id, e2eTeamKey.privateKey);

/** Server settings that seal the sensitive forms to e2eTeamKey. */
export async function e2eSealedSettings() {
  const settings = await loadFormSettings(path.resolve(import.meta.dirname, '../../content'));
  return Object.fromEntries(
    FORM_KEYS.filter((k) => settings[k].sensible).map((k) => [
      k,
      { ...settings[k], cle_equipe: e2eTeamKey.id, cles_publiques: { [e2eTeamKey.id]: e2eTeamKey.publicKey } },
    ]),
  );
}

/** A form's stored submissions, sealed ones opened with the test team's private key. */
export async function storedRows(dbFile: string, key: FormKey): Promise<Record<string, unknown>[]> {
  const db = new DatabaseSync(dbFile, { readOnly: true });
  let rows: {
    id: string;
    data_json: string | null;
    sealed: Uint8Array | null;
    key_id: string | null;
    encapsulated_key: Uint8Array | null;
  }[];
  try {
    rows = db
      .prepare('SELECT id, data_json, sealed, key_id, encapsulated_key FROM submissions WHERE form_key = ? ORDER BY received_at')
      .all(key) as typeof rows;
  } finally {
    db.close();
  }
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      sealed: r.data_json === null,
      ...(r.data_json !== null
        ? (JSON.parse(r.data_json) as Record<string, unknown>)
        : await openValues(e2ePrivateKey, {
            id: r.id,
            formKey: key,
            keyId: r.key_id!,
            encapsulatedKey: r.encapsulated_key!,
            ciphertext: r.sealed!,
          })),
    })),
  );
}

/**
 * A browser test file's browser and site, its forms sealed to e2eTeamKey and stored in a SQLite file of its own
 * (`dbFile`, read back by storedRows), removed once the site is closed.
 */
export async function browserAndSealedSite(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  // Registered first, so run last: after-all hooks run in reverse order, the site closes before its file goes.
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dbFile = path.join(dir, 'submissions.sqlite');
  const run = browserAndSite({ dbPath: dbFile, rateLimit: { max: 1000, windowMs: 60_000 }, settings: await e2eSealedSettings() });
  return { run, dbFile };
}
