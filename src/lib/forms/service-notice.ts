/**
 * Build: What a form page says instead of, or above, the form when it does not reach a real team yet
 * (src/lib/forms/mode.ts): not in service with the ways to get help now, or a demonstration.
 */
import { URGENCES } from '../site/urgences.ts';
import { escapeHtml } from './html.ts';

/** Production: no form, and help that works today. */
export function renderNotInService(): string {
  const numbers = URGENCES.map(
    (u) =>
      `<li><a href="${u.lien}">${u.lien.startsWith('sms') ? 'SMS\u00a0au\u00a0' : ''}${u.numero}</a> : ${escapeHtml(u.nom)}</li>`,
  ).join('');
  return (
    `<div class="encart encart--ferme" data-service="pas-en-service">` +
    `<h2>Ce formulaire n’est pas encore en service</h2>` +
    `<p>Ce que vous écririez ici ne serait lu par personne pour le moment : il ne peut pas être envoyé.</p>` +
    `<p>Pour une aide maintenant, ces numéros sont gratuits :</p><ul>${numbers}</ul>` +
    `<p><a href="/aide/">Tous les numéros et les autres façons d’obtenir de l’aide</a></p></div>`
  );
}

/** The service this form would reach does not exist yet: what exists today, and no form (in demonstration too). */
export function renderNotYetOpen(message: string): string {
  const numbers = URGENCES.map(
    (u) =>
      `<li><a href="${u.lien}">${u.lien.startsWith('sms') ? 'SMS\u00a0au\u00a0' : ''}${u.numero}</a> : ${escapeHtml(u.nom)}</li>`,
  ).join('');
  return (
    `<div class="encart encart--ferme" data-service="pas-encore-ouvert">` +
    `<p>${escapeHtml(message)}</p>` +
    `<p>Numéros gratuits, qui répondent aujourd’hui :</p><ul>${numbers}</ul>` +
    `<p><a href="/aide/">Page « Besoin d’aide » : tous les numéros et les autres façons d’obtenir de l’aide</a></p></div>`
  );
}

/** Demonstration: the form works, and the page says no one reads it. */
export function renderDemonstrationNotice(): string {
  return (
    `<div class="encart encart--demonstration" data-service="demonstration"><p><strong>Version de démonstration.</strong> ` +
    `Ce formulaire fonctionne, mais ce que vous envoyez ici n’est lu par personne. ` +
    `Pour une aide réelle, voir la page <a href="/aide/">Besoin d’aide</a>.</p></div>`
  );
}

/** Demonstration, on a thank-you page: what was just sent is stored on this machine and read by no one. */
export function renderDemonstrationThanks(): string {
  return (
    `<div class="encart encart--demonstration" data-service="demonstration"><p><strong>Version de démonstration.</strong> ` +
    `Votre envoi est enregistré sur ce serveur d’essai, mais personne ne le lit et personne ne vous répondra. ` +
    `Pour une aide réelle, voir la page <a href="/aide/">Besoin d’aide</a>.</p></div>`
  );
}
