/**
 * Build: The privacy notice's "form by form" section, built from the form definitions and their settings:
 * what is collected, why, who reads it, how long it is kept. Generated at build time, so the notice
 * cannot drift from what the forms actually ask and what their settings say.
 */
import type { FormContext } from '../../schemas/forms/context.ts';
import { FORM_KEYS, forms, type FormKey } from '../../schemas/forms/index.ts';
import type { FormSettings } from '../../schemas/forms/settings.ts';

export type PrivacyEntry = {
  key: FormKey;
  title: string;
  purpose: string;
  /** Field labels, "(facultatif)" after the optional ones. */
  collected: string[];
  readers: string;
  retention: string;
  sealed: boolean;
};

function retentionText(days: number): string {
  const months = days / 30;
  const approx =
    days % 365 === 0 ? ` (${days / 365} an${days / 365 > 1 ? 's' : ''})` : Number.isInteger(months) ? ` (${months} mois)` : '';
  return `${days} jours${approx} après l’envoi, puis effacé automatiquement.`;
}

function readersText(s: FormSettings, countsPlaces: boolean): string {
  const team = `l’équipe qui reçoit ce formulaire (${s.destinataires.join(', ')})`;
  const base = s.destinataires_par_quartier ? `les référents du quartier choisi, ou à défaut ${team}` : team;
  // The store counts places by session: that key is not sealed, so a copy of the base would show it.
  const places = countsPlaces
    ? ' Seules la session choisie et votre place (ou liste d’attente) restent lisibles dans notre base, pour compter les places.'
    : '';
  return s.sensible
    ? `${base[0]!.toUpperCase()}${base.slice(1)}, seulement. L’envoi est scellé (chiffré) dès son arrivée : seuls les membres de l’équipe qui détiennent sa clé peuvent le lire ; l’e-mail qui les prévient ne contient rien de votre envoi.${places}`
    : `${base[0]!.toUpperCase()}${base.slice(1)}, par e-mail et dans notre base.`;
}

export function privacyEntries(ctx: FormContext, settings: Record<FormKey, FormSettings>): PrivacyEntry[] {
  return FORM_KEYS.map((key) => {
    const form = forms[key];
    const s = settings[key];
    return {
      key,
      title: form.title,
      purpose: form.purpose,
      collected: form.fields(ctx, undefined).map((f) => `${f.label}${f.required ? '' : ' (facultatif)'}`),
      readers: readersText(s, Boolean(form.place)),
      retention: retentionText(s.conservation_jours),
      sealed: s.sensible,
    };
  });
}
