/**
 * /admin/ as an editor sees it while writing (issue 22, items 8 and 9), on `astro dev` over a temporary copy of the
 * project with decap-server (no build): the preview beside the form is drawn with the site's classes, words and
 * stylesheet; a warning of the content check (freshness) appears after its field as the editor types; and none of
 * Decap's English, regular expressions, month-first dates or misleading words remain.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, projectCopy, root, startDecapServer } from './admin-helpers.ts';
import { launchBrowser } from './browser.ts';

let copy: Awaited<ReturnType<typeof projectCopy>>;
let decap: ChildProcess;
let dev: ChildProcess;
let browser: Browser;
let page: Page;
let origin: string;

beforeAll(async () => {
  copy = await projectCopy();
  const decapPort = await freePort();
  decap = await startDecapServer(copy.dir, decapPort);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(
    path.join(root, 'node_modules/.bin/astro'),
    ['dev', '--root', copy.dir, '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: copy.dir,
      env: {
        ...process.env,
        FABRIQUE_ADMIN_LOCAL_BACKEND: `http://127.0.0.1:${decapPort}/api/v1`,
        PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.PATH}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('astro dev did not start')), 90_000);
    dev.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready in')) {
        clearTimeout(timer);
        resolve();
      }
    });
    dev.on('exit', (code) => reject(new Error(`astro dev exited (${code})`)));
  });
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'fr-FR', viewport: { width: 1400, height: 1000 } })).newPage();
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: /Se connecter/ }).click();
  await page.getByRole('link', { name: 'Référents handicap et inclusion' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  dev?.kill();
  decap?.kill();
  await copy?.remove();
});

const field = (label: string) => page.getByLabel(new RegExp(`^${label}( \\(optionnel\\))?$`, 'i')).last();

async function open(hash: string) {
  await page.goto(`${origin}/admin/${hash}`);
  await page.reload();
}

/** What the editor reads: the text and the accessible names, outside the preview. */
const words = () =>
  page.evaluate(() =>
    [
      document.body.innerText,
      ...[...document.querySelectorAll('[aria-label], [placeholder]')].map(
        (e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('placeholder') ?? ''}`,
      ),
    ].join('\n'),
  );

const ENGLISH = /\b(No options|Select\.\.\.|Loading\.\.\.|Collapse|Expand|field|Close|results? available)\b/;

describe('/admin/ while writing', () => {
  it('previews a referent’s permanence as the quartier page shows it, with the site’s classes and stylesheet', async () => {
    await open('#/collections/referents/entries/cleunay-arsenal-redon-1');
    await field('Horaire').first().fill('09:30-12:00');
    const preview = page.frameLocator('iframe').first();
    const card = preview.locator('article.card.referent');
    await card.locator('li', { hasText: 'de 9 h 30 à 12 h' }).waitFor();
    // The site's own wording (formatRecurrence, aLieu), its typography (no-break spaces) and the place's name.
    expect(await card.locator('li').first().textContent()).toMatch(
      /^le 1er et le 3e lundi du mois, de 9\u00a0h\u00a030 à 12\u00a0h, à l’Espace social de Cleunay \(exemple\), /,
    );
    await expect(card.locator('h3 .badge.badge--exemple').textContent()).resolves.toBe('exemple');
    expect(await card.locator('p.meta time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The site's stylesheet is the preview's (/admin/site.css, its cards and badges).
    const rules = await preview
      .locator('body')
      .evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'));
    expect(rules).toContain('.badge--exemple');
    expect(rules).toContain('.card');
  }, 90_000);

  it('shows the freshness warning next to « Vérifié le » while the editor types, and takes it back', async () => {
    await open('#/collections/referents/entries/cleunay-arsenal-redon-1');
    await field('Vérifié le').fill('2026-03-01');
    const note = page.locator('[data-avertissement="verifie_le"]');
    await note.waitFor({ timeout: 15_000 });
    expect(await note.textContent()).toMatch(/vérifiées le 1er mars 2026, il y a plus de 6 mois/);
    expect(await note.textContent()).not.toMatch(/verifie_le|\d{4}-\d{2}-\d{2}/);
    // In the field's own block, after its control.
    expect(await note.evaluate((n) => n.parentElement?.querySelector('label')?.textContent)).toBe('Vérifié le');
    // The date in words, day first, whatever the browser's date control shows.
    await page.getByText('Soit le dimanche 1er mars 2026.').waitFor();
    await field('Vérifié le').fill('2026-11-30');
    await note.waitFor({ state: 'detached', timeout: 15_000 });
  }, 60_000);

  it('speaks plain French: no English, no regular expression, no « saved » on an untouched form', async () => {
    await open('#/collections/referents/new');
    await field('Quartier').waitFor();
    expect(await words()).not.toContain('Modifications enregistrées');
    // A new referent speaks « français » by default: one item, named in the singular.
    await page.getByText('1 langue parlée', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ajouter langue parlée' }).click();
    await page.getByText('2 langues parlées', { exact: true }).waitFor();
    await field('Statut').fill('zzz');
    await page.getByText('Aucun choix ne correspond').waitFor();
    await page.keyboard.press('Escape');
    const said = await words();
    expect(said).not.toMatch(ENGLISH);
    expect(said).not.toContain('1 langues parlées');

    await open('#/collections/lieux/entries/cleunay-espace-social');
    await field('Code postal').fill('35 000');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByText('Publier maintenant').click();
    await page
      .getByText(/code postal attendu sur 5 chiffres/)
      .first()
      .waitFor();
    const refused = await words();
    expect(refused).not.toMatch(/schéma|\^|\\d|\{5\}/);
    expect(refused).not.toMatch(ENGLISH);
  }, 90_000);
});
