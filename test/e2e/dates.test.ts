/**
 * Dates never in the past: the built page lists the coming dates as of the build (true without
 * JavaScript); in the browser, days later, the first coming one is shown, "aujourd’hui" or "demain".
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../functions/node.ts';
import { addDays, formatDate, todayInRennes } from '../../src/lib/dates.ts';
import { launchBrowser, startSite } from './browser.ts';

let browser: Browser;
let site: RunningServer;
beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startSite()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const PAGE = '/quartiers/le-blosne/';
const first = '[data-module="prochaine-date"]';

/** The page as seen on a given day in Rennes (noon), JavaScript on or off. */
async function seenOn(day: string | undefined, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  if (day) await page.clock.setFixedTime(new Date(`${day}T11:00:00Z`));
  await page.goto(site.url + PAGE);
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
