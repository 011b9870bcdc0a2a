/**
 * No form reaches no one: a production build (no FABRIQUE_DEMONSTRATION) shows every form still on
 * example settings as not yet in service, with the ways to get help now, and its server refuses them;
 * the demonstration build (`npm start`, `npm test`) says so on every form page.
 */
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../functions/node.ts';
import { REGION_START } from '../../src/lib/forms/render-form.ts';
import { AXE_CONTEXT, axeViolations, launchBrowser, startSite } from './browser.ts';

const root = path.resolve(import.meta.dirname, '../..');
const productionDir = mkdtempSync(path.join(tmpdir(), 'dist-production-'));
let browser: Browser;
let site: RunningServer;

const formPages = (dir: string) =>
  globSync('**/*.html', { cwd: dir })
    .map((file) => ({ file, html: readFileSync(path.join(dir, file), 'utf8') }))
    // The message page (formulaires/erreur/) has a region for the handler's messages, not a form.
    .filter((p) => p.html.includes(REGION_START) && !p.file.startsWith('formulaires/erreur/'));

beforeAll(async () => {
  const env = { ...process.env };
  delete env.FABRIQUE_DEMONSTRATION;
  env.SITE_URL ??= 'http://localhost:4321';
  const build = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build', '--outDir', productionDir], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`production build failed:\n${build.stdout}\n${build.stderr}`);
  expect(build.stdout + build.stderr).toMatch(/Formulaires pas encore en service/);
  [browser, site] = await Promise.all([launchBrowser(), startSite({ distDir: productionDir, mode: 'production' })]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(productionDir, { recursive: true, force: true });
});

describe('production build: forms on example settings', () => {
  it('every form page says "pas encore en service", offers the numbers and the help page, and has no form', () => {
    const pages = formPages(productionDir);
    expect(pages.length).toBeGreaterThan(20);
    for (const { file, html } of pages) {
      // A form whose service does not exist yet says that instead, with the same help (history-safety.test.ts).
      if (html.includes('data-service="pas-encore-ouvert"')) {
        expect(html, file).not.toContain('<form class="formulaire"');
        expect(html, file).toMatch(/data-service="pas-encore-ouvert"[\s\S]*href="tel:3919"[\s\S]*href="\/aide\/"/);
        continue;
      }
      expect(html, file).toContain('Ce formulaire n’est pas encore en service');
      expect(html, file).not.toContain('<form class="formulaire"');
      expect(html, file).toMatch(/data-service="pas-en-service"[\s\S]*href="tel:3919"[\s\S]*href="\/aide\/"/);
    }
  });

  for (const javaScriptEnabled of [true, false])
    it(`a phone shows it on the first screens, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ ...AXE_CONTEXT, javaScriptEnabled, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${site.url}/formulaires/demande-aide/`);
      const notice = page.getByRole('heading', { name: 'Ce formulaire n’est pas encore en service' });
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(await page.locator('form.formulaire').count()).toBe(0);
      expect(await page.locator('[data-service] a[href="tel:3919"]').isVisible()).toBe(true);
      if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });

  it('the help page does not send to a form that no one reads, and no thank-you page speaks of a demonstration', () => {
    const aide = readFileSync(path.join(productionDir, 'aide/index.html'), 'utf8');
    expect(aide).toContain('data-service="pas-en-service"');
    expect(aide).not.toContain('href="/formulaires/demande-aide/"');
    const thanks = globSync('**/merci/**/*.html', { cwd: productionDir });
    expect(thanks.length).toBeGreaterThan(10);
    for (const file of thanks)
      expect(readFileSync(path.join(productionDir, file), 'utf8'), file).not.toContain('Version de démonstration');
  });

  it('its server refuses a submission posted anyway', async () => {
    const res = await fetch(`${site.url}/f/femmes-rappel`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.url },
      body: 'telephone=0600000002&moments=matin&message_autorise=non',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('pas encore en service');
  });
});

describe('demonstration build', () => {
  it('says so on every form page, above a working form', () => {
    const pages = formPages(path.join(root, 'dist'));
    expect(pages.length).toBeGreaterThan(20);
    for (const { file, html } of pages) {
      if (html.includes('data-service="pas-encore-ouvert"')) continue;
      expect(html, file).toMatch(/data-service="demonstration"[\s\S]*Version de démonstration/);
    }
  });

  it('every thank-you page says that no one reads what was sent, and so does the help page', () => {
    const dist = path.join(root, 'dist');
    // Old addresses (astro.config.mjs redirects) are one-line redirections, not pages.
    const thanks = globSync('**/merci/**/*.html', { cwd: dist }).filter(
      (file) => !readFileSync(path.join(dist, file), 'utf8').startsWith('<!doctype html><title>Redirecting'),
    );
    expect(thanks.length).toBeGreaterThan(10);
    for (const file of thanks)
      expect(readFileSync(path.join(dist, file), 'utf8'), file).toMatch(
        /data-service="demonstration"[\s\S]*Version de démonstration[\s\S]*personne ne le lit/,
      );
    expect(readFileSync(path.join(dist, 'aide/index.html'), 'utf8')).toMatch(
      /data-service="demonstration"[\s\S]*personne ne lit[\s\S]*href="\/formulaires\/demande-aide\/"/,
    );
  });
});
