/**
 * Each form in Chromium, with JavaScript on and off: submitted, found in the database, its errors shown
 * on the GOV.UK pattern without losing what was typed; axe on forms, error pages and thank-you pages.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FORM_KEYS, forms } from '../../src/schemas/forms/index.ts';
import { COMPLETE } from '../scope.ts';
import { AXE_CONTEXT, axeViolations } from './browser.ts';
import { formatDateLongue } from '../../src/lib/time/dates.ts';
import {
  answers,
  browserAndSealedSite,
  ctx,
  e2eSealedSettings,
  fill,
  formationWithClosedSession,
  pagePath,
  storedRows,
} from './forms-helpers.ts';

/** A free-text field of each form, where a unique marker finds the row again. */
const MARKER_FIELD: Record<(typeof FORM_KEYS)[number], string> = {
  'inscription-formation': 'structure',
  'inscription-loisirs': 'besoins',
  'contact-referent': 'message',
  agir: 'message',
  'candidature-referent': 'langues',
  e2c: 'message',
  'demande-aide': 'message',
  'femmes-rappel': 'prenom',
  contact: 'message',
};

// A form whose service does not exist yet collects nothing (history-safety.test.ts checks it says so).
const COLLECTING = FORM_KEYS.filter((key) => {
  const form = forms[key];
  return !form.notYetOpen?.(ctx, form.targetField ? String(answers(key)[form.targetField]) : undefined);
});
/**
 * The forms share one renderer (src/components/forms/Form/): CI runs axe on a form's page when it brings a kind of
 * field that no form before it has (so each kind is checked once), `npm run test:complet` on every one.
 */
const AXE_FORMS = new Set<string>();
{
  const seen = new Set<string>();
  for (const key of COLLECTING) {
    const form = forms[key];
    const kinds = form.fields(ctx, form.targetField ? String(answers(key)[form.targetField]) : undefined).map((f) => f.type);
    if (kinds.some((kind) => !seen.has(kind))) AXE_FORMS.add(key);
    for (const kind of kinds) seen.add(kind);
  }
}
const settingsSealed = new Set(Object.keys(await e2eSealedSettings()));
/**
 * The whole journey, JavaScript on and off: in CI, for each form that brings something of its own (a kind of field
 * no form before it has, a private link, a thank-you page of its own, the first sealed one); in
 * `npm run test:complet`, for every form. The others differ only by their labels, which the unit tests check.
 */
const JOURNEYS = COMPLETE
  ? COLLECTING
  : COLLECTING.filter(
      (key) =>
        AXE_FORMS.has(key) ||
        forms[key].privateLink ||
        forms[key].thanksPath ||
        key === COLLECTING.find((k) => settingsSealed.has(k)),
    );
const { run, dbFile } = await browserAndSealedSite('e2e-forms-');

async function open(javaScriptEnabled: boolean): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await run.browser.newContext({ ...AXE_CONTEXT, javaScriptEnabled });
  const page = await context.newPage();
  const problems: string[] = [];
  // A refused fetch (422) is logged by Chromium as a failed resource: expected, not a problem.
  page.on('console', (m) => m.type() === 'error' && !/status of 422/.test(m.text()) && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

describe.each([
  ['JavaScript on', true],
  ['JavaScript off', false],
])('%s', (_, js) => {
  describe.each(JOURNEYS)('%s', (key) => {
    it('is sent, lands on its thank-you page and is in the database', async () => {
      const { context, page, problems } = await open(js);
      await page.goto(run.site.url + pagePath(key));
      if (js && (COMPLETE || AXE_FORMS.has(key))) expect(await axeViolations(page), 'form page').toEqual([]);
      const marker = `${js ? 'avec' : 'sans'} JS ${Date.now()}`;
      const values = { ...answers(key), [MARKER_FIELD[key]]: marker };
      await fill(page, key, values);
      const thanks = forms[key].thanksPath?.(values, undefined, ctx) ?? `/formulaires/${forms[key].adresse ?? key}/merci/`;
      // A form with a private link answers with that page (functions/suivi.ts), its thank-you words under its title.
      const link = forms[key].privateLink;
      await Promise.all([
        page.waitForURL(link ? /\/suivi\/[\w-]{43}$/ : `**${thanks}`),
        page.click('form.formulaire button[type="submit"]'),
      ]);
      expect(
        await page
          .locator(link ? 'main h2' : 'h1')
          .first()
          .textContent(),
      ).toBe(forms[key].thanks.title);
      if (key === 'inscription-formation') {
        // What, when and where, repeated.
        const main = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
        const formation = ctx.formations.find((f) => f.id === values.formation)!;
        const session = formation.sessions.find((s) => s.id === values.session)!;
        expect(main).toContain(formation.titre.replace(/'/g, '’'));
        expect(main).toContain(formatDateLongue(session.date).replace(/\s+/g, ' '));
        expect(main).toContain(ctx.lieux[session.lieu]!.replace(/'/g, '’'));
      }
      // The thank-you pages share one template: CI checks one with axe, `npm run test:complet` every one.
      if (js && (COMPLETE || key === COLLECTING[0])) expect(await axeViolations(page), 'thank-you page').toEqual([]);
      const row = (await storedRows(dbFile, key)).find((r) => Object.values(r).includes(marker));
      expect(row, 'row in the database').toBeDefined();
      // Sensitive forms are sealed on arrival: the marker is only found once opened with the team key.
      expect(row!.sealed, 'sealed').toBe(settingsSealed.has(key));
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});

/**
 * axe needs JavaScript, and a page posted without it cannot be reloaded: the no-JS answer is produced
 * in a JS-enabled tab by form.submit(), which posts like a browser without JS (no submit event, no fetch).
 */
async function postWithoutEnhancement(page: Page) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.evaluate(() => document.querySelector<HTMLFormElement>('form.formulaire')!.submit()),
  ]);
  return response;
}

describe('error journeys', () => {
  it('with JavaScript: inline errors, summary focused, no reload, values kept, axe clean', async () => {
    const { context, page, problems } = await open(true);
    await page.goto(`${run.site.url}/formulaires/agir/`);
    await page.fill('#f-prenom', 'Yann');
    await page.fill('#f-email', 'pas-une-adresse');
    await page.fill('#f-message', 'Mon message à garder');
    let navigated = false;
    page.on('framenavigated', (f) => f === page.mainFrame() && (navigated = true));
    await page.click('form.formulaire button[type="submit"]');
    await page.waitForSelector('.resume-erreurs');
    expect(navigated).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('resume-erreurs'))).toBe(true);
    expect(await page.title()).toMatch(/^Erreur\u00a0: /);
    const summary = await page.locator('.resume-erreurs a').allTextContents();
    expect(summary).toEqual(
      expect.arrayContaining(['Remplissez le champ «\u202fNom\u202f»', expect.stringMatching(/adresse e-mail complète/)]),
    );
    expect(await page.locator('#f-email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-email').getAttribute('aria-describedby')).toContain('f-email-erreur');
    expect(await page.inputValue('#f-message')).toBe('Mon message à garder');
    // The summary's link takes focus to the field.
    await page.click('.resume-erreurs a[href="#f-nom"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-nom');
    expect(await axeViolations(page)).toEqual([]);
    // Correcting and resending clears the errors and goes through.
    await page.fill('#f-nom', 'Kerhervé');
    await page.fill('#f-email', 'yann@exemple.fr');
    await page.check('input[name="domaines"][value="rue"]');
    await page.check('input[name="disponibilites"][value="week-end"]');
    await Promise.all([page.waitForURL('**/formulaires/agir/merci/'), page.click('form.formulaire button[type="submit"]')]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript: a 422 page with the summary and every value typed, axe clean', async () => {
    const { context, page } = await open(false);
    await page.goto(`${run.site.url}/formulaires/e2c/`);
    await fill(page, 'e2c', { ...answers('e2c'), naissance: '1990-04-02', message: 'Je veux <b>apprendre</b>' });
    // The month is forgotten (and the browser's own check is off, as on old phones).
    await page.fill('#f-naissance-mois', '');
    await page.evaluate(() => document.querySelector('form.formulaire')?.setAttribute('novalidate', ''));
    const [response] = await Promise.all([page.waitForNavigation(), page.click('form.formulaire button[type="submit"]')]);
    expect(response?.status()).toBe(422);
    expect(await page.title()).toMatch(/^Erreur\u00a0: /);
    expect(await page.locator('.resume-erreurs a').allTextContents()).toEqual([expect.stringMatching(/indiquez le mois/)]);
    expect(await page.locator('.resume-erreurs a').getAttribute('href')).toBe('#f-naissance');
    expect(await page.inputValue('#f-naissance')).toBe('2');
    expect(await page.inputValue('#f-naissance-annee')).toBe('1990');
    expect(await page.inputValue('#f-prenom')).toBe(answers('e2c').prenom);
    expect(await page.inputValue('#f-message')).toBe('Je veux <b>apprendre</b>');
    expect(await page.isChecked('input[name="diplome"][value="aucun"]')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('resume-erreurs'))).toBe(true);
    await context.close();
  });

  it('the 422 page passes axe', async () => {
    const { context, page } = await open(true);
    await page.goto(`${run.site.url}/formulaires/e2c/`);
    await fill(page, 'e2c', { ...answers('e2c'), naissance: '2015-04-02', email: 'pas-une-adresse' });
    expect((await postWithoutEnhancement(page))?.status()).toBe(422);
    expect(await page.locator('.resume-erreurs li').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a closed session is refused with what to do instead (403 page, axe clean)', async () => {
    const { context, page } = await open(true);
    const f = formationWithClosedSession;
    if (!f) return expect.fail('the content has no training with a full, closed or past session to test');
    await page.goto(`${run.site.url}/formations/${f.id}/inscription/`);
    const disabled = page.locator('input[name="session"][disabled]');
    expect(await disabled.count()).toBeGreaterThan(0);
    expect(await page.locator('.choix__item--indisponible .choix__aide').first().textContent()).toMatch(/Indisponible\s:\s/);
    // Force the choice as a stale page would, then post.
    const value = await disabled.first().getAttribute('value');
    await disabled.first().evaluate((el) => ((el as HTMLInputElement).disabled = false));
    await page.check(`input[name="session"][value="${value}"]`);
    const rest = answers('inscription-formation');
    delete rest.session; // the disabled session chosen above stands
    await fill(page, 'inscription-formation', { ...rest, formation: f.id });
    const response = await postWithoutEnhancement(page);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('main')).toMatch(/n’est plus disponible|fermées|complètes/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('the message page for an unknown form is a French 404, axe clean', async () => {
    const { context, page } = await open(true);
    await page.goto(`${run.site.url}/formulaires/agir/`);
    await page.evaluate(() => document.querySelector('form.formulaire')!.setAttribute('action', '/f/inconnu'));
    const response = await postWithoutEnhancement(page);
    expect(response?.status()).toBe(404);
    expect(await page.textContent('h1')).toBe('Formulaire introuvable');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
