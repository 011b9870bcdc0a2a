/** The official @formspree/ajax client, in Chromium, on a page of our origin, posts to our handlers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../functions/node.ts';
import { launchBrowser, startSite } from './browser.ts';
import { storedRows } from './forms-helpers.ts';

const ajaxScript = createRequire(import.meta.url)
  .resolve('@formspree/ajax')
  .replace(/index\.js$/, 'global.js');
let browser: Browser;
let site: RunningServer;
const dir = mkdtempSync(path.join(tmpdir(), 'e2e-ajax-'));
const dbFile = path.join(dir, 'submissions.sqlite');

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startSite({ dbPath: dbFile })]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('initForm + submit: success shown, row stored; errors shown on the fields', async () => {
  // CSP bypassed only to inject the client's script into a page of our origin.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${site.url}/formulaires/erreur/`);
  await page.setContent(`<!doctype html><html lang="fr"><body>
    <form id="f"><div data-fs-success></div><div data-fs-error></div>
      <input name="prenom" value="Ajax"><input name="nom" value="Client">
      <input name="email" id="email" value="ajax@exemple.fr" data-fs-field><span data-fs-error="email"></span>
      <input type="checkbox" name="domaines" value="accueil" checked><input type="checkbox" name="disponibilites" value="week-end" checked>
      <button type="submit">Envoyer</button></form></body></html>`);
  await page.addScriptTag({ path: ajaxScript });
  await page.evaluate(
    (origin) =>
      (window as unknown as { formspree: (...a: unknown[]) => void }).formspree('initForm', {
        formElement: '#f',
        formId: 'agir',
        origin,
      }),
    site.url,
  );

  await page.fill('#email', 'pas-une-adresse');
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('[data-fs-error="email"]')?.textContent?.trim());
  expect(await page.textContent('[data-fs-error="email"]')).toMatch(/adresse e-mail/);

  await page.fill('#email', 'ajax@exemple.fr');
  await page.click('button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('[data-fs-success]')?.textContent?.trim());
  expect((await storedRows(dbFile, 'agir')).map((r) => r.email)).toEqual(['ajax@exemple.fr']);
  await context.close();
});
