/**
 * The RGAA criteria that no axe rule checks, in Chromium, on the sample of pages the grid names
 * (content/accessibilite/rgaa.yaml): text at 200 % (10.4), text spacing (10.12), 320 × 256 and both orientations
 * (10.11, 13.9), focus visible and contrasted (10.7, 3.3), a whole page crossed with the keyboard (12.8, 12.9,
 * 12.11), colours declared with their background (10.5), no information written by the stylesheet (10.2), reading
 * order kept (10.3), links underlined in text (10.6), the same navigation everywhere (12.1, 12.2, 12.4, 12.5,
 * 12.7). The statement and the footer show the status computed from the grid.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readRgaaGrid, rgaaResult } from '../../src/lib/accessibility/rgaa.ts';
import { COMPLETE } from '../scope.ts';
import { browserAndSite, sitemapPaths } from './browser.ts';

const run = browserAndSite();
const grid = readRgaaGrid();
const sitemap = new Set(await sitemapPaths());
// The sample's pages that this build has (the form pages are not in the sitemap: they are checked all the same).
const sample = grid.echantillon.map((e) => e.page).filter((p) => sitemap.has(p) || p.startsWith('/formulaires/'));
// CI: the home page and the first sampled form (fields, errors); `npm run test:complet`: the whole sample.
const firstUnder = (prefix: string) => sample.find((p) => p.startsWith(prefix));
const pages = COMPLETE ? sample : [sample[0]!, ...['/formulaires/'].flatMap((d) => firstUnder(d) ?? [])];

async function open(path: string, viewport: { width: number; height: number }, js = true, bypassCSP = false) {
  // bypassCSP only where the test adds a style of its own, as a reader's stylesheet would.
  const context = await run.browser.newContext({ viewport, javaScriptEnabled: js, bypassCSP });
  const page = await context.newPage();
  const response = await page.goto(run.site.url + path);
  expect(response!.status(), path).toBe(200);
  return { page, close: () => context.close() };
}

/** Elements whose text overflows a box that hides it, and the horizontal overflow of the page. */
const CLIPPED = () => {
  const clipped: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('main *, header *, footer *')) {
    const s = getComputedStyle(el);
    // Hidden on purpose (visually-hidden pattern: a 1 px box), or not drawn at all.
    const box = el.getBoundingClientRect();
    if (el.closest('.visually-hidden, [hidden]') || s.display === 'none' || box.width <= 1 || box.height <= 1) continue;
    const hides = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
    if (hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
      clipped.push(`${el.tagName.toLowerCase()}.${el.className}`);
  }
  return { clipped, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
};

describe.each(pages)('RGAA, page %s', (path) => {
  it('10.4: text at 200 % grows and stays whole, with no horizontal scroll', async () => {
    const { page, close } = await open(path, { width: 1280, height: 800 });
    const sizes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main p, main li, main h1, main h2, main label, main a')].map((el) =>
          parseFloat(getComputedStyle(el).fontSize),
        ),
      );
    const before = await sizes();
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const after = await sizes();
    const unchanged = after.filter((s, i) => s < before[i]! * 1.8);
    expect(unchanged, 'du texte ne grandit pas avec la taille des caractères').toEqual([]);
    expect(await page.evaluate(CLIPPED)).toEqual({ clipped: [], overflow: 0 });
    await close();
  });

  it('10.12: WCAG text spacing cuts nothing at 320 px', async () => {
    const { page, close } = await open(path, { width: 320, height: 640 }, true, true);
    await page.addStyleTag({
      content: `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
        p { margin-bottom: 2em !important; }`,
    });
    expect(await page.evaluate(CLIPPED)).toEqual({ clipped: [], overflow: 0 });
    await close();
  });

  it('10.11 and 13.9: one scroll direction at 320 × 256 and 1280 × 256, portrait and landscape; fixed bars leave room', async () => {
    const { page, close } = await open(path, { width: 320, height: 256 });
    for (const viewport of [
      { width: 320, height: 256 },
      { width: 1280, height: 256 },
      { width: 360, height: 640 },
      { width: 640, height: 360 },
    ]) {
      await page.setViewportSize(viewport);
      const { overflow, fixed } = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        // What stays on screen when the page scrolls.
        fixed: [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => ['fixed', 'sticky'].includes(getComputedStyle(el).position) && el.offsetHeight > 0)
          .reduce((sum, el) => sum + el.getBoundingClientRect().height, 0),
      }));
      expect(overflow, `${viewport.width} × ${viewport.height}`).toBe(0);
      expect(fixed, `${viewport.width} × ${viewport.height}`).toBeLessThanOrEqual(viewport.height / 2);
    }
    await close();
  });

  it('10.7, 3.3, 12.8, 12.9, 12.11: the keyboard crosses the whole page, every stop visibly focused at 3:1', async () => {
    const { page, close } = await open(path, { width: 1280, height: 800 });
    const stops = await crossWithKeyboard(page);
    expect(stops.trapped, 'piège au clavier').toBe(false);
    expect(stops.invisible, 'focus invisible ou trop peu contrasté').toEqual([]);
    expect(stops.first, 'le premier arrêt est le lien d’évitement').toBe('Aller au contenu');
    await close();
  });

  it('3.3, 10.2, 10.3, 10.5, 10.6: fields contrasted, colours declared with their background, no text from the stylesheet, order kept, links underlined', async () => {
    const { page, close } = await open(path, { width: 1280, height: 800 });
    const found = await page.evaluate(() => {
      const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]);
      const flat = (list: CSSRule[]): CSSStyleRule[] =>
        list.flatMap((r) =>
          'cssRules' in r ? flat([...(r as CSSGroupingRule).cssRules]) : r instanceof CSSStyleRule ? [r] : [],
        );
      const styleRules = flat(rules);
      const colourless = styleRules
        .filter((r) => {
          const bg = r.style.getPropertyValue('background-color') || r.style.getPropertyValue('background');
          return bg && !/transparent|none|inherit|initial|unset|url\(|gradient/.test(bg) && !r.style.getPropertyValue('color');
        })
        .map((r) => r.selectorText);
      // Generated text: only punctuation (a separator) or a copy of the page's own data (attr()).
      const generated = styleRules
        .map((r) => r.style.getPropertyValue('content'))
        .filter((c) => c && !/^(none|normal|""|'')$/.test(c) && !/attr\(/.test(c) && /[\p{L}\p{N}]/u.test(c));
      const reordered = [...document.querySelectorAll<HTMLElement>('body *')]
        .filter((el) => {
          const s = getComputedStyle(el);
          return s.order !== '0' || /reverse/.test(s.flexDirection) || /dense/.test(s.gridAutoFlow);
        })
        .map((el) => el.tagName);
      const plainLinks = [...document.querySelectorAll<HTMLElement>('main p a, main li a, main td a')]
        .filter((a) => !a.closest('nav') && !a.classList.contains('bouton'))
        .filter((a) => !getComputedStyle(a).textDecorationLine.includes('underline'))
        .map((a) => a.textContent);
      return { colourless, generated, reordered, plainLinks };
    });
    expect(found).toEqual({ colourless: [], generated: [], reordered: [], plainLinks: [] });
    // Field borders against what is behind them.
    const weak = await page.evaluate(
      `[...document.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), select, textarea')]
        .filter((el) => el.offsetWidth > 0)
        .map((el) => {
          const ratio = ${contrast.toString()};
          const behind = (${backgroundOf.toString()})(el.parentElement);
          const s = getComputedStyle(el);
          // The field's edge: its border, or its own fill where it has one.
          const fill = /rgba\\(.*, 0\\)$/.test(s.backgroundColor) ? 1 : ratio(s.backgroundColor, behind);
          return [el.id, Math.max(ratio(s.borderTopColor, behind), fill)];
        })
        .filter(([, ratio]) => ratio < 3)`,
    );
    expect(weak).toEqual([]);
    await close();
  });

  it('12.1, 12.2, 12.4, 12.5, 12.7: skip link, menu, search and site map in the same places as on the home page', async () => {
    const { page, close } = await open(path, { width: 1280, height: 800 }, false);
    const frame = () =>
      page.evaluate(() => ({
        skip: document.querySelector('body a')?.getAttribute('href'),
        skipTarget: document.querySelector('main')?.id,
        menu: [...document.querySelectorAll('.site-nav a')].map((a) => a.getAttribute('href')),
        search: document.querySelector('header form[role=search]')?.getAttribute('action'),
        siteMap: document.querySelector('footer nav a')?.getAttribute('href'),
      }));
    const here = await frame();
    await page.goto(run.site.url + '/');
    expect(here).toEqual(await frame());
    expect(here).toMatchObject({ skip: '#contenu', skipTarget: 'contenu', search: '/recherche/', siteMap: '/plan-du-site/' });
    expect(here.menu.length).toBeGreaterThan(3);
    await close();
  });
});

describe('the accessibility statement', () => {
  it('shows the status and rate computed from the grid, as does every footer', async () => {
    const { statut, taux, conformes, nonConformes } = rgaaResult(grid);
    const { page, close } = await open('/accessibilite/', { width: 1280, height: 800 }, false);
    const text = (await page.textContent('main'))!.replace(/\s+/g, ' ');
    expect(text).toContain(`Le site est ${statut}`);
    expect(text).toContain(`${taux.toLocaleString('fr-FR')} % des critères`);
    expect(text).toContain(`(${conformes} sur ${conformes + nonConformes})`);
    for (const c of grid.criteres.filter((x) => x.statut === 'non conforme')) expect(text).toContain(`Critère ${c.id}`);
    expect((await page.textContent('footer'))!.replace(/\s+/g, ' ')).toContain(`Accessibilité : ${statut}`);
    await close();
  });
});

/** WCAG contrast ratio of two CSS colours (rgb/rgba), the first drawn over the second. */
function contrast(a: string, b: string): number {
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
  const lum = (c: string) => {
    const [r, g, b2] = rgb(c).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
  };
  const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (l1! + 0.05) / (l2! + 0.05);
}

/** The first opaque background behind an element (white at the top). */
function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && !/rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') return bg;
  }
  return 'rgb(255, 255, 255)';
}

/**
 * Tabs from the top of the page until focus leaves it (or comes back to where it started): each stop must show
 * an outline or a ring of 2 px at least, at 3:1 against what is behind it.
 */
async function crossWithKeyboard(page: Page) {
  const count = await page.evaluate(
    () =>
      [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')].filter(
        (el) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed',
      ).length,
  );
  const invisible: string[] = [];
  let first: string | undefined;
  const seen = new Set<string>();
  let trapped = true;
  for (let i = 0; i < count + 20; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(
      `(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const behind = (${backgroundOf.toString()})(el.parentElement);
        const ratio = (${contrast.toString()});
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && ratio(s.outlineColor, behind) >= 3;
        const ring = s.boxShadow !== 'none' && (s.boxShadow.match(/rgba?\\([^)]*\\)/g) ?? []).some((c) => ratio(c, behind) >= 3);
        // Or a block of colour, as the links' yellow focus: the element's own fill against what is behind it.
        const fill = !/rgba\\(.*, 0\\)$/.test(s.backgroundColor) && ratio(s.backgroundColor, behind) >= 3;
        const path = [];
        for (let e = el; e && e !== document.body; e = e.parentElement) path.unshift(e.tagName + ([...e.parentElement.children].indexOf(e)));
        return { key: path.join('/'), name: (el.textContent || el.getAttribute('aria-label') || el.id || el.tagName).trim().slice(0, 40), visible: outline || ring || fill };
      })()`,
    );
    if (stop === null) {
      trapped = false; // focus left the page: the keyboard got through
      break;
    }
    const { key, name, visible } = stop as { key: string; name: string; visible: boolean };
    if (seen.has(key)) {
      trapped = false; // back to an earlier stop: the page cycles as a whole, nothing held the focus
      break;
    }
    seen.add(key);
    first ??= name;
    if (!visible) invisible.push(name);
  }
  return { trapped, invisible, first };
}
