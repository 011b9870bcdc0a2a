/**
 * Build: What a form page says instead of, or above, the form when it does not reach a real team yet
 * (src/lib/forms/mode.ts): not in service with the ways to get help now, or a demonstration. In the page's language:
 * the words from src/i18n/formulaires/, what each number is for from the interface catalogue (src/i18n/).
 */
import { URGENCES } from '../site/urgences.ts';
import { textes } from '../../i18n/index.ts';
import { langue as langueDe, type Code } from '../../i18n/languages.ts';
import { messagesEn } from '../../i18n/formulaires/index.ts';
import { escapeHtml } from './html.ts';

/** The free numbers as links; in a right-to-left language, each number kept left to right (as Numero.astro does). */
function numbers(code: Code): string {
  const m = messagesEn(code);
  const rtl = langueDe(code).dir === 'rtl';
  const noms = textes(code).urgences.numeros;
  return URGENCES.map((u) => {
    const nom = code === 'fr' ? u.nom : (noms[u.numero as keyof typeof noms]?.nom ?? u.nom);
    const numero = rtl ? `<span dir="ltr">${u.numero}</span>` : u.numero;
    // French puts a colon after the number (the build's typography spaces it); the other languages a dash, as PageTraduite.astro.
    return `<li><a href="${u.lien}">${u.lien.startsWith('sms') ? m.sms : ''}${numero}</a>${code === 'fr' ? ' :' : ' –'} ${escapeHtml(nom)}</li>`;
  }).join('');
}

/** The help page in the language when it has one (every language of src/i18n/languages.ts does). */
const aide = (code: Code) => `${langueDe(code).prefixe}/aide/`;

/** Production: no form, and help that works today. */
export function renderNotInService(code: Code = 'fr'): string {
  const m = messagesEn(code);
  return (
    `<div class="encart encart--ferme" data-service="pas-en-service">` +
    `<h2>${escapeHtml(m.notInServiceTitle)}</h2>` +
    `<p>${escapeHtml(m.notInServiceText)}</p>` +
    `<p>${escapeHtml(m.freeNumbers)}</p><ul>${numbers(code)}</ul>` +
    `<p><a href="${aide(code)}">${escapeHtml(m.allNumbers)}</a></p></div>`
  );
}

/** The service this form would reach does not exist yet: what exists today, and no form (in demonstration too). */
export function renderNotYetOpen(message: string, code: Code = 'fr'): string {
  const m = messagesEn(code);
  return (
    `<div class="encart encart--ferme" data-service="pas-encore-ouvert">` +
    `<p>${escapeHtml(message)}</p>` +
    `<p>${escapeHtml(m.numbersToday)}</p><ul>${numbers(code)}</ul>` +
    `<p><a href="${aide(code)}">${escapeHtml(m.helpPage)}</a></p></div>`
  );
}

/** Demonstration: the form works, and the page says no one reads it. */
export function renderDemonstrationNotice(code: Code = 'fr'): string {
  const m = messagesEn(code);
  return (
    `<div class="encart encart--demonstration" data-service="demonstration"><p><strong>${escapeHtml(m.demonstration)}</strong> ` +
    `${escapeHtml(m.demonstrationForm)} <a href="${aide(code)}">${escapeHtml(m.helpLink)}</a>.</p></div>`
  );
}

/** Demonstration, on a thank-you page: what was just sent is stored on this machine and read by no one. */
export function renderDemonstrationThanks(code: Code = 'fr'): string {
  const m = messagesEn(code);
  return (
    `<div class="encart encart--demonstration" data-service="demonstration"><p><strong>${escapeHtml(m.demonstration)}</strong> ` +
    `${escapeHtml(m.demonstrationThanks)} <a href="${aide(code)}">${escapeHtml(m.helpLink)}</a>.</p></div>`
  );
}
