/**
 * Dates never in the past: the built page lists the coming dates as of the build (true without
 * JavaScript); in the browser, days later, the first coming one is shown, "aujourd’hui" or "demain".
 */
import { describe, expect, it } from 'vitest';
import { addDays, formatDate, todayInRennes } from '../../lib/time/dates.ts';
import { browserAndSite } from '../../../test/e2e/browser.ts';

const run = browserAndSite();

const PAGE = '/quartiers/le-blosne/';
const first = '[data-module="prochaine-date"]';

/** The page as seen on a given day in Rennes (noon), JavaScript on or off. */
async function seenOn(day: string | undefined, javaScriptEnabled = true) {
  const context = await run.browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  if (day) await page.clock.setFixedTime(new Date(`${day}T11:00:00Z`));
  await page.goto(run.site.url + PAGE);
  const text = (await page.locator(first).first().innerText()).replace(/\s+/g, ' ');
  const dates = ((await page.locator(first).first().getAttribute('data-dates')) ?? '').split(' ');
  await context.close();
  return { text, dates };
}

describe('next permanence on a quartier page', () => {
  it('without JavaScript: the coming dates, dated as of the build', async () => {
    const { text, dates } = await seenOn(undefined, false);
    expect(text).toContain(`au ${formatDate(todayInRennes())}`.replace(/\s+/g, ' '));
    expect(dates[0]! >= todayInRennes()).toBe(true);
  });

  it('with JavaScript, on the day: « aujourd’hui »; the day before: « demain »', async () => {
    const { dates } = await seenOn(undefined, false);
    expect((await seenOn(dates[0])).text).toMatch(/^Prochaine permanence\s:\saujourd’hui, /);
    expect((await seenOn(addDays(dates[0]!, -1))).text).toMatch(/^Prochaine permanence\s:\sdemain, /);
  });

  it('days after the build, never a past date', async () => {
    const { dates } = await seenOn(undefined, false);
    const later = addDays(dates[0]!, 1);
    const { text } = await seenOn(later);
    expect(text).not.toContain(formatDate(dates[0]!).replace(/\s+/g, ' '));
    if (dates[1]) expect(text).toMatch(new RegExp(`(aujourd’hui|demain)?.*${dates[1].slice(8).replace(/^0/, '')}`));
    expect((await seenOn(addDays(dates.at(-1)!, 1))).text).toMatch(/pas de date à venir connue/);
  });
});

describe('coming sessions on the home page and a training page', () => {
  it('a session that has passed since the build is no longer shown as coming', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${run.site.url}/`);
    const dates = await page.locator('li[data-jusquau]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-jusquau')!));
    await context.close();
    expect(dates.length).toBeGreaterThan(1);
    const dayAfterFirst = addDays(dates[0]!, 1);

    const later = await run.browser.newContext();
    const home = await later.newPage();
    await home.clock.setFixedTime(new Date(`${dayAfterFirst}T11:00:00Z`));
    await home.goto(`${run.site.url}/`);
    const shown = await home
      .locator('li[data-jusquau]')
      .evaluateAll((lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.getAttribute('data-jusquau')));
    expect(shown).toEqual(dates.filter((d) => d >= dayAfterFirst));

    // On the training page of that session, its row now says it has passed.
    const href = await home.locator(`li[data-jusquau="${dates[0]}"] a[href^="/formations/"]`).first().getAttribute('href');
    await home.goto(run.site.url + href!);
    const row = home.locator(`tr[data-jusquau="${dates[0]}"]`).first();
    expect(await row.locator('[data-etat]').innerText()).toBe('Session passée');
    await later.close();
  });
});
