/**
 * The teams' inbox in Chromium, on each back-end (equipe-backends.ts: Node + SQLite, Node + PostgreSQL, the
 * Worker on workerd + D1): an administrator invited from the command line enrols a passkey (Chromium's virtual
 * authenticator, over CDP), signs in, opens a sealed help request with the team's key file, seals a note, takes
 * and closes the request, invites someone, erases a person's data and reads it in the audit. Every request the
 * page makes while the request is open is recorded: neither the private key nor the clear text leaves the
 * browser. The demonstration banner on every page. On SQLite, the database's bytes and the server's log lines
 * hold no sealed value. axe once per page kind (on the first back-end: the pages are the same on all three).
 * CI runs it on Node + SQLite (each store's inbox contract runs on all three in equipe-http and equipe-store-*);
 * `npm run test:complet` in the browser on all three.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeKeyFile } from '../../functions/staff/key-file.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { noPostgres } from '../functions/postgres-server.ts';
import { AXE_CONTEXT, axeViolations, launchBrowser } from './browser.ts';
import { COMPLETE } from '../scope.ts';
import { BACKENDS, startInboxSite, type Backend, type InboxSite } from './equipe-backends.ts';
import { etatSession } from '../../src/lib/time/sessions.ts';
import { answers, ctx, e2eTeamKey } from './forms-helpers.ts';
import { withAuthenticator } from './passkey.ts';

const skipPostgres = await noPostgres();
// The open session with the fewest places (two at least) in the built content: filled, then two people wait.
const [formation, session] = ctx.formations
  .flatMap((f) => f.sessions.filter((s) => etatSession(s, f, ctx.today) === 'ouverte').map((s) => [f, s] as const))
  .filter(([, s]) => s.places_restantes >= 2)
  .sort((a, b) => a[1].places_restantes - b[1].places_restantes)[0]!;
const INSCRIPTION = { ...answers('inscription-formation'), formation: formation.id, session: session.id };
const MARKER = `Message-scelle-${Math.random().toString(36).slice(2)}`;
const NOTE = `Note-privee-${Math.random().toString(36).slice(2)}`;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Clicks a button that posts, and waits for the page it leads to. */
async function post(page: Page, text: string) {
  await Promise.all([page.waitForNavigation(), page.click(`text=${text}`)]);
}

describe.each((COMPLETE ? BACKENDS : BACKENDS.slice(0, 1)).map((b) => [b]))(
  'the teams’ inbox in a browser, on %s',
  (backend: Backend) => {
    const skipped = backend === 'postgres' && skipPostgres;
    // The pages are the same HTML on every back-end: axe reads each kind once, on the first.
    const axeHere = backend === BACKENDS[0];
    let site: InboxSite;
    let base: string;
    let requestId: string;
    let context: BrowserContext;
    let page: Page;
    let keyFile: string;

    /** The demonstration banner on every page, and axe's verdict when this back-end runs it. */
    const checkPage = async (p: Page, name: string) => {
      expect(await p.textContent('header .demo'), name).toContain('Démonstration');
      if (axeHere) expect(await axeViolations(p), name).toEqual([]);
    };

    beforeAll(async () => {
      if (skipped) return;
      site = await startInboxSite(backend);
      base = site.base;
      keyFile = path.join(site.dir, 'cle-equipe.json');
      writeKeyFile(keyFile, e2eTeamKey);
      const res = await fetch(`${base}/f/demande-aide`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', origin: base },
        body: JSON.stringify({ ...validSubmissions['demande-aide'], message: MARKER }),
      });
      expect(res.status).toBe(200);
      requestId = ((await res.json()) as { id: string }).id;
      context = await browser.newContext({ ...AXE_CONTEXT, viewport: { width: 320, height: 800 } });
      page = await withAuthenticator(context);
    }, 120_000);
    afterAll(async () => {
      await context?.close();
      await site?.close();
    });

    it.skipIf(skipped)('an administrator invited from the command line enrols a passkey, signs out and in again', async () => {
      await page.goto(await site.invite('Awa Admin', 'admin@exemple.fr'));
      expect(await page.textContent('main')).toContain('Bonjour Awa Admin');
      await checkPage(page, 'invitation');
      await page.click('text=Créer ma clé d’accès');
      await page.waitForURL(`${base}/equipe/demandes`);
      await checkPage(page, 'demandes');
      expect(await page.textContent('main')).toContain(requestId);
      // No horizontal scroll at 320 px (wide tables scroll in their own box).
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > 321 && !e.closest('.tableau'))
          .map((e) => e.outerHTML.slice(0, 80)),
      );
      expect(wide).toEqual([]);
      await page.click('text=Se déconnecter');
      await page.waitForURL(`${base}/equipe/connexion`);
      await checkPage(page, 'connexion');
      await page.click('text=Se connecter avec ma clé d’accès');
      await page.waitForURL(`${base}/equipe/demandes`);
    });

    it.skipIf(skipped)('opens the sealed request in the browser: neither the key nor the clear text is ever sent', async () => {
      const sent: string[] = [];
      page.on('request', (r) => sent.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
      await page.goto(`${base}/equipe/demandes/${requestId}`);
      expect(await page.content()).not.toContain(MARKER);
      await page.setInputFiles('#fichier-cle', keyFile);
      await page.check('#garder-cle');
      await page.click('text=Ouvrir la demande');
      await page.waitForSelector('#clair:not([hidden])');
      expect(await page.textContent('#clair')).toContain(MARKER);
      await checkPage(page, 'demande ouverte');
      // A note, sealed here before it is posted.
      await page.fill('#texte', NOTE);
      await post(page, 'Ajouter la note');
      expect(await page.textContent('main')).toContain('note scellée');
      // The key was kept in this browser, non-extractable: the next opening needs no file, and shows the note.
      await page.click('text=Ouvrir la demande');
      await page.waitForSelector('#clair:not([hidden])');
      await page.waitForFunction((note) => document.querySelector('main')!.textContent.includes(note), NOTE);
      const extractable = await page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const open = indexedDB.open('fabrique-equipe', 1);
            open.onsuccess = () => {
              const get = open.result.transaction('cles').objectStore('cles').getAll();
              get.onsuccess = () => resolve((get.result as CryptoKey[]).some((k) => k.extractable));
            };
          }),
      );
      expect(extractable).toBe(false);
      page.removeAllListeners('request');
      expect(sent.length).toBeGreaterThan(0);
      for (const line of sent) {
        expect(line).not.toContain(MARKER);
        expect(line).not.toContain(NOTE);
        expect(line).not.toContain(e2eTeamKey.privateKey);
      }
    });

    it.skipIf(skipped)(
      'takes and closes the request, invites someone, reads the audit; every page says demonstration',
      async () => {
        await post(page, 'Je la prends');
        expect(await page.textContent('main')).toContain('En cours');
        await page.fill('#raison', 'Hébergement trouvé');
        await post(page, 'Clore la demande');
        expect(await page.textContent('main')).toContain('Hébergement trouvé');
        await page.goto(`${base}/equipe/journal`);
        const journal = await page.textContent('main');
        expect(journal).toContain('changement_etat');
        expect(journal).toContain('inscription_cle');
        await checkPage(page, 'journal');
        await page.goto(`${base}/equipe/personnes`);
        await checkPage(page, 'personnes');
        await page.fill('#nom', 'Rémi Référent');
        await page.fill('#email', 'remi@exemple.fr');
        await page.selectOption('#role', 'referent');
        await page.click('text=Créer l’invitation');
        expect(await page.textContent('main')).toContain('/equipe/invitation/');
        await checkPage(page, 'invitation créée');
        await page.goto(`${base}/equipe/demandes?etat=clos`);
        await checkPage(page, 'demandes filtrées');
        await page.goto(`${base}/equipe/sessions`);
        await checkPage(page, 'sessions');
        // Each person's own notification setting: a plain form, no script.
        await page.goto(`${base}/equipe/compte`);
        expect(await page.isChecked('input[value="quotidien"]')).toBe(true);
        await checkPage(page, 'compte');
        await page.check('input[value="immediat"]');
        await page.click('text=Enregistrer');
        expect(await page.textContent('main')).toContain('Votre choix est enregistré');
        expect(await page.isChecked('input[value="immediat"]')).toBe(true);
        await checkPage(page, 'compte enregistré');
      },
    );

    it.skipIf(skipped)(
      'a resident cancels from their private link without JavaScript, the first waiting gets the place; a place freed otherwise is given from the session page',
      async () => {
        const sessionKey = `${INSCRIPTION.formation}/${INSCRIPTION.session}`;
        /** Signs up as the page's script does (JSON): the answer gives the id and the private link. */
        const signUp = async (prenom: string) => {
          const res = await fetch(`${base}/f/inscription-formation`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json', origin: base },
            body: JSON.stringify({ ...INSCRIPTION, prenom, nom: 'Exemple', email: `${prenom.toLowerCase()}@exemple.fr` }),
          });
          expect(res.status, prenom).toBe(200);
          return (await res.json()) as { id: string; next: string; listeAttente?: boolean };
        };
        // Anna, Basile and the others fill the places online; Farid and Gwen wait.
        const placedFirst = ['Anna', 'Basile', 'Chadia', 'Denis', 'Elsa', 'Hugo', 'Inès', 'Jules', 'Karim', 'Léa', 'Mona', 'Noé'];
        const people = [
          ...Array.from({ length: session.places_restantes }, (_, i) => placedFirst[i] ?? `Personne${i}`),
          'Farid',
          'Gwen',
        ];
        const signed: Record<string, { id: string; next: string; listeAttente?: boolean }> = {};
        for (const prenom of people) signed[prenom] = await signUp(prenom);
        expect(people.filter((p) => signed[p]!.listeAttente)).toEqual(['Farid', 'Gwen']);
        expect(new URL(signed.Anna!.next).pathname).toMatch(/^\/suivi\/[\w-]{43}$/);

        const tableOf = (caption: string) => page.locator('table', { has: page.locator('caption', { hasText: caption }) });
        const placed = async () => (await tableOf('Places').textContent()) ?? '';
        const waiting = async () => (await tableOf('Liste d’attente').textContent()) ?? '';
        // Who is first in line is the inbox's order (time received, then id: the tests' clock gives all the same time).
        await page.goto(`${base}/equipe/sessions/${sessionKey}`);
        const line = (await tableOf('Liste d’attente').locator('tbody tr td:nth-child(2)').allTextContents()).map((t) =>
          t.trim(),
        );
        expect([...line].sort()).toEqual(['Farid Exemple', 'Gwen Exemple']);
        const [first, second] = line as [string, string];

        // Anna, on a phone without JavaScript, cancels from her link: the first in line gets her place.
        const resident = await browser.newContext({ ...AXE_CONTEXT, javaScriptEnabled: false });
        try {
          const p = await resident.newPage();
          await p.goto(signed.Anna!.next);
          await post(p, 'Annuler mon inscription');
          expect(await p.textContent('main')).toContain('Votre inscription est annulée');
        } finally {
          await resident.close();
        }
        // axe runs as a script: the same page, read where scripts run.
        if (axeHere) {
          await page.goto(`${signed.Anna!.next}?annule=oui`);
          expect(await axeViolations(page), 'suivi annulé').toEqual([]);
        }
        await page.goto(`${base}/equipe/sessions/${sessionKey}`);
        await checkPage(page, 'session');
        expect(await placed()).toContain(first);
        expect(await placed()).not.toContain('Anna');
        expect(await waiting()).toContain(second);

        // No place is free: no button offers one.
        expect(await page.locator('text=Donner la place libérée').count()).toBe(0);
        // Basile's data erased at his request: his place is free, and the team gives it to the one still waiting.
        await page.goto(`${base}/equipe/rgpd?personne=basile%40exemple.fr`);
        await page.check('input[name="confirmer"]');
        await post(page, 'Effacer');
        await page.goto(`${base}/equipe/sessions/${sessionKey}`);
        expect(await placed()).not.toContain('Basile');
        await post(page, `Donner la place libérée à ${second}`);
        expect(await page.textContent('main')).toContain(`Place donnée à ${second}, prévenu·e par e-mail`);
        expect(await placed()).toContain(second);
        await checkPage(page, 'place donnée');
        await page.goto(`${base}/equipe/journal`);
        expect(await page.textContent('main')).toContain('place');
      },
    );

    it.skipIf(skipped)('erases a person’s data: the sealed request is gone, the audit says who erased it', async () => {
      await page.goto(`${base}/equipe/rgpd?personne=personne%40exemple.fr`);
      await checkPage(page, 'rgpd');
      await page.fill('#autres', requestId);
      await page.check('input[name="confirmer"]');
      await post(page, 'Effacer');
      await checkPage(page, 'effacement');
      await page.goto(`${base}/equipe/demandes`);
      expect(await page.textContent('main')).not.toContain(requestId);
      await page.goto(`${base}/equipe/journal`);
      expect(await page.textContent('main')).toContain('suppression');
    });

    it.skipIf(backend !== 'sqlite')('a copy of the database and the server’s log lines hold no sealed value', () => {
      const files = readdirSync(site.dir).filter((f) => f.startsWith('submissions.sqlite'));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const bytes = readFileSync(path.join(site.dir, f));
        expect(bytes.includes(Buffer.from(MARKER)), f).toBe(false);
        expect(bytes.includes(Buffer.from(NOTE)), f).toBe(false);
      }
      const text = site.logs.join('\n');
      expect(text).not.toContain(MARKER);
      expect(text).not.toContain(NOTE);
      expect(site.logs.some((l) => l.includes('/equipe/connexion'))).toBe(true);
    });

    it.skipIf(skipped)('the demonstration offers an administrator account from the sign-in page', async () => {
      const other = await browser.newContext({ ...AXE_CONTEXT });
      try {
        const p = await withAuthenticator(other);
        await p.goto(`${base}/equipe/connexion`);
        await p.click('text=Créer un compte administrateur de démonstration');
        await p.waitForURL(/\/equipe\/invitation\//);
        await p.click('text=Créer ma clé d’accès');
        await p.waitForURL(`${base}/equipe/demandes`);
        expect(await p.textContent('header .demo')).toContain('Démonstration');
      } finally {
        await other.close();
      }
    });
  },
);
