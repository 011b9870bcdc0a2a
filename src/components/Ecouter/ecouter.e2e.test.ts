/**
 * "Écouter cette page" in Chromium. The browser's speech engine is the one thing replaced: an init script gives the
 * page a speechSynthesis with or without a French voice and records what would be said, so the control itself is
 * tested: shown only with a French voice, reads <main> only, pause, resume and stop from the keyboard, axe-clean in
 * every state. Headless Chromium's own engine (no voice) must leave the page without the control.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AXE_CONTEXT, axeViolations, browserAndSite } from '../../../test/e2e/browser.ts';

const run = browserAndSite();

/** A speech engine with the given voices: records utterances, ends each one when the test says so. */
function fakeSpeech(langs: string[]) {
  const w = window as unknown as Record<string, unknown>;
  const spoken: { text: string; lang: string; voice?: string }[] = [];
  const pending: SpeechSynthesisUtterance[] = [];
  let paused = false;
  const synth = {
    getVoices: () => langs.map((lang) => ({ lang, name: `voix ${lang}`, localService: true })),
    speak: (u: SpeechSynthesisUtterance) => {
      spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name });
      pending.push(u);
    },
    cancel: () => void pending.splice(0),
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    get paused() {
      return paused;
    },
    addEventListener: () => undefined,
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  // The real utterance only accepts voices from the real engine.
  w.SpeechSynthesisUtterance = class {
    lang = '';
    voice: unknown = null;
    onend: ((e: Event) => void) | null = null;
    constructor(public text: string) {}
  };
  w.__spoken = spoken;
  w.__endAll = () => {
    for (let i = 0; i < 500 && pending.length; i++) pending.shift()!.onend?.(new Event('end') as SpeechSynthesisEvent);
  };
}

async function open(langs: string[] | undefined, path = '/quartiers/le-blosne/') {
  const context = await run.browser.newContext(AXE_CONTEXT);
  const page = await context.newPage();
  if (langs) await page.addInitScript(fakeSpeech, langs);
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(run.site.url + path);
  await page.waitForLoadState('load');
  return { page, errors, close: () => context.close() };
}
const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);

describe('Écouter cette page', () => {
  it('is not offered without a French voice (Chromium’s own headless engine, or English voices only)', async () => {
    for (const langs of [undefined, ['en-US', 'de-DE']]) {
      const { page, errors, close } = await open(langs);
      await page.waitForTimeout(200);
      await expect(page.locator('[data-ecouter]').isVisible()).resolves.toBe(false);
      expect(errors).toEqual([]);
      await close();
    }
  });

  it('reads the main content only, in French, with pause, resume and stop from the keyboard, axe-clean throughout', async () => {
    const { page, errors, close } = await open(['en-GB', 'fr-FR']);
    const lire = page.getByRole('button', { name: 'Écouter cette page' });
    await expect(lire.isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await lire.focus();
    await page.keyboard.press('Enter');
    const said = await spoken(page);
    expect(said[0]!.text).toBe('Quartier 11 : Le Blosne');
    expect(said.every((s) => s.lang === 'fr-FR')).toBe(true);
    await page.evaluate(() => (window as unknown as { __endAll: () => void }).__endAll());
    const all = (await spoken(page)).map((s) => s.text).join('\n');
    expect(all).toContain('Référents handicap et inclusion');
    for (const chrome of ['Aller au contenu', 'Urgence', 'Plan du site', 'Écouter cette page', 'Cette page en ligne'])
      expect(all, chrome).not.toContain(chrome);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Lecture terminée.');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Écouter cette page');

    await page.keyboard.press(' ');
    const pause = page.getByRole('button', { name: 'Pause' });
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Pause');
    await expect(page.getByRole('status').textContent()).resolves.toBe('Lecture en cours.');
    expect(await axeViolations(page)).toEqual([]);
    await pause.press('Enter');
    await expect(page.getByRole('button', { name: 'Reprendre' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Lecture en pause.');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Reprendre' }).press('Enter');
    await expect(page.getByRole('status').textContent()).resolves.toBe('Lecture en cours.');

    await page.getByRole('button', { name: 'Arrêter' }).press('Enter');
    await expect(lire.isVisible()).resolves.toBe(true);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Lecture arrêtée.');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Écouter cette page');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('leaves the page whole without JavaScript', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${run.site.url}/quartiers/le-blosne/`);
    await expect(page.locator('[data-ecouter]').isVisible()).resolves.toBe(false);
    await expect(page.locator('h1').textContent()).resolves.toContain('Le Blosne');
    await context.close();
  });
});
