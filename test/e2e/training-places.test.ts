/**
 * The last place of a training session, tried as residents would on a phone and a desktop, JavaScript on
 * and off: one person takes the last place and reads what, when and where; the next sees « complet »
 * (with JavaScript; « places limitées » without, never a stale number), signs up anyway and is told
 * plainly that she is on the waiting list. Each journey on a fresh database, through the real server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateLongue } from '../../src/lib/time/dates.ts';
import { etatSession } from '../../src/lib/time/sessions.ts';
import { launchBrowser, startSite } from './browser.ts';
import { answers, ctx, fill } from './forms-helpers.ts';

let browser: Browser;
const dir = mkdtempSync(path.join(tmpdir(), 'e2e-places-'));
beforeAll(async () => void (browser = await launchBrowser()));
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

// The open session with the fewest places online, in the real content.
const [formation, session] = ctx.formations
  .flatMap((f) => f.sessions.filter((s) => etatSession(s, f, ctx.today) === 'ouverte').map((s) => [f, s] as const))
  .sort((a, b) => a[1].places_restantes - b[1].places_restantes)[0]!;
const values = { ...answers('inscription-formation'), formation: formation.id, session: session.id };
const sizes = [
  { name: 'phone', viewport: { width: 360, height: 740 } },
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
];

/** Text as compared here: the page's typography (curly apostrophes, non-breaking spaces) made plain. */
const plain = (text: string) => text.replace(/’/g, "'").replace(/[\u00a0\u202f]/g, ' ');

/** The session's row of the sessions table (one card per session on a phone), and its option in the form. */
const row = (page: Page) => page.locator(`tr:has(time[datetime="${session.date}"])`);
const option = (page: Page) => page.locator(`input[name="session"][value="${session.id}"] ~ .choix__aide`);

describe.each(sizes)('the last place of a session, on a $name', ({ viewport }) => {
  for (const javaScriptEnabled of [true, false])
    it(`one takes it, the next joins the waiting list, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const dbPath = path.join(dir, `${viewport.width}-${javaScriptEnabled}.sqlite`);
      const site = await startSite({ dbPath });
      try {
        // Others took every place but one.
        for (let i = 1; i < session.places_restantes; i++) {
          const res = await fetch(`${site.url}/f/inscription-formation`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json', origin: site.url },
            body: JSON.stringify({ ...values, prenom: `Avant ${i}` }),
          });
          expect(((await res.json()) as { listeAttente?: boolean }).listeAttente).toBeUndefined();
        }

        const first = await (await browser.newContext({ viewport, javaScriptEnabled })).newPage();
        await first.goto(`${site.url}/formations/${formation.id}/`);
        if (javaScriptEnabled) await expect.poll(() => row(first).innerText()).toMatch(/1\splace restante/);
        else expect(await row(first).innerText()).toMatch(/places limitées/);
        await first.click(`main a[href="/formations/${formation.id}/inscription/"]`);
        if (javaScriptEnabled) await expect.poll(() => option(first).innerText()).toMatch(/1\splace restante/);
        else expect(await option(first).innerText()).toMatch(/places limitées/);
        await fill(first, 'inscription-formation', { ...values, prenom: 'Dernière' });
        // The sign-up's answer is its private link (functions/suivi.ts): what, when and where, as a thank-you page.
        await Promise.all([first.waitForURL(/\/suivi\//), first.click('form.formulaire button[type="submit"]')]);
        expect(first.url()).toMatch(/\/suivi\/[A-Za-z0-9_-]{43}$/);
        const thanks = plain(await first.locator('main').innerText());
        expect(thanks).toMatch(/Votre inscription est enregistrée/);
        expect(thanks).toContain(plain(formation.titre));
        expect(thanks).toContain(plain(formatDateLongue(session.date)));
        expect(thanks).toContain(plain(ctx.lieux[session.lieu]!));

        const next = await (await browser.newContext({ viewport, javaScriptEnabled })).newPage();
        await next.goto(`${site.url}/formations/${formation.id}/`);
        if (javaScriptEnabled)
          await expect.poll(() => row(next).innerText()).toMatch(/Complet\s+inscription sur liste d’attente/);
        else expect(await row(next).innerText()).not.toMatch(/\d+\splaces? restantes?/);
        await next.click(`main a[href="/formations/${formation.id}/inscription/"]`);
        if (javaScriptEnabled)
          await expect.poll(() => option(next).innerText()).toMatch(/complet\s: inscription sur liste d’attente/);
        else expect(await option(next).innerText()).toMatch(/places limitées/);
        await fill(next, 'inscription-formation', { ...values, prenom: 'Suivante' });
        await Promise.all([next.waitForURL(/\/suivi\//), next.click('form.formulaire button[type="submit"]')]);
        const waiting = await next.locator('main').innerText();
        expect(waiting).toMatch(/Vous êtes sur la liste d’attente/);
        expect(waiting).toMatch(/pas encore de place/);
        expect(waiting).not.toMatch(/Votre inscription est enregistrée$/m);
        expect(plain(waiting)).toContain(plain(formatDateLongue(session.date)));

        // Nothing lost: every sign-up stored; one place each, the last one on the waiting list.
        const db = new DatabaseSync(dbPath, { readOnly: true });
        const rows = db.prepare('SELECT data_json, waiting_list FROM submissions ORDER BY received_at, rowid').all() as {
          data_json: string;
          waiting_list: number;
        }[];
        db.close();
        expect(rows).toHaveLength(session.places_restantes + 1);
        expect(rows.filter((r) => r.waiting_list === 1).map((r) => JSON.parse(r.data_json).prenom)).toEqual(['Suivante']);
        await first.context().close();
        await next.context().close();
      } finally {
        await site.close();
      }
    });
});
