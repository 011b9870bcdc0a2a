/**
 * Build and server (Node and Worker): Production or demonstration. In production, a form whose recipients or team key are still the
 * repository's examples reaches no one: it is shown as not yet in service and refuses submissions.
 * The demonstration mode (FABRIQUE_DEMONSTRATION=oui, what `npm start` sets) lets a newcomer try every
 * form, and says so on every form page and at start-up.
 */
import type { FormKey } from '../../schemas/forms/index.ts';
import type { FormSettings } from '../../schemas/forms/settings.ts';
import { processEnv } from '../time/dates.ts';

export type FormsMode = 'production' | 'demonstration';

export const DEMONSTRATION_VARIABLE = 'FABRIQUE_DEMONSTRATION';

/** Production unless FABRIQUE_DEMONSTRATION says oui (or 1, true): a forgotten variable fails safe. */
export function formsModeFromEnv(env: Record<string, string | undefined> = processEnv()): FormsMode {
  const value = env[DEMONSTRATION_VARIABLE]?.trim().toLowerCase();
  return value === 'oui' || value === '1' || value === 'true' ? 'demonstration' : 'production';
}

/**
 * Public keys shipped in content/formulaires/ (their private halves were kept nowhere), and the demonstration's
 * key (functions/equipe/demonstration.ts), whose private half is in the repository: none protects anything.
 */
export const EXAMPLE_PUBLIC_KEYS: ReadonlySet<string> = new Set([
  'SuZx8gnzHf5XYxcUzMmm_kOPosB6ZgmujZuGPzo-yDM',
  'oPmneHnq1UdDh6PZYZUM_OBuADR4PvpAkuQW5koXGXQ',
  'mp1NSHGFxZs_InTSfMT9KFCtULpPaZXhY60Y82c1Qmk',
  'pm-__9SJhYlgA4oM_sPA3eObTZir5PCH792RS69SV2c',
  'PWLvLrpJ7owe5O6AURDX4hTHTXkSDvSQVC3nSjXGzWQ',
]);

// Domains reserved for examples and tests (RFC 2606, RFC 6761), and any example.* or exemple.* domain (example.fr,
// listes.exemple.org): no team reads mail sent there.
const EXAMPLE_DOMAIN = /(^|\.)(example|exemple|test|invalid|localhost)$|(^|\.)(example|exemple)\.[a-z]+$/i;

export const isExampleAddress = (address: string) => EXAMPLE_DOMAIN.test(address.split('@').pop() ?? '');

/** Why a form's settings reach no one, in French for the build and start-up messages; empty when they are real. */
export function exampleReasons(settings: FormSettings): string[] {
  const reasons: string[] = [];
  const addresses = [...settings.destinataires, ...Object.values(settings.destinataires_par_quartier ?? {}).flat()];
  const examples = addresses.filter(isExampleAddress);
  if (examples.length) reasons.push(`adresses d’exemple (${[...new Set(examples)].join(', ')})`);
  const key = settings.cle_equipe ? settings.cles_publiques?.[settings.cle_equipe] : undefined;
  if (settings.sensible && key && EXAMPLE_PUBLIC_KEYS.has(key)) reasons.push(`clé d’exemple (${settings.cle_equipe})`);
  return reasons;
}

export type ServiceState = NonNullable<FormSettings['service']>;

/** What the handler answers (INACTIVE) and the page says when a form is not yet in service. */
export const NOT_IN_SERVICE_MESSAGE =
  'Ce formulaire n’est pas encore en service : ce que vous enverriez ne serait lu par personne. Pour une aide maintenant : 17 (police), 112, SMS au 114, 3919 (violences faites aux femmes), 115 (hébergement d’urgence). Tous les numéros et les autres façons d’obtenir de l’aide : page « Besoin d’aide » (/aide/).';

/** Settings as served in this mode: examples in production are closed; each form says its state. */
export function applyFormsMode(
  all: Record<FormKey, FormSettings>,
  mode: FormsMode,
): Record<FormKey, FormSettings & { service: ServiceState }> {
  const out = {} as Record<FormKey, FormSettings & { service: ServiceState }>;
  for (const key of Object.keys(all) as FormKey[]) {
    const settings = all[key];
    if (exampleReasons(settings).length === 0) out[key] = { ...settings, service: 'en-service' };
    else if (mode === 'demonstration') out[key] = { ...settings, service: 'demonstration' };
    else out[key] = { ...settings, ouvert: false, message_ferme: NOT_IN_SERVICE_MESSAGE, service: 'pas-en-service' };
  }
  return out;
}

/** Lines for the build and the server's start-up: the mode, and each form that reaches no one. */
export function describeFormsMode(all: Record<FormKey, FormSettings>, mode: FormsMode): string[] {
  const examples = (Object.keys(all) as FormKey[])
    .map((key) => [key, exampleReasons(all[key])] as const)
    .filter(([, reasons]) => reasons.length);
  if (mode === 'demonstration')
    return [
      'MODE DÉMONSTRATION : tous les formulaires acceptent les envois, mais les adresses et clés d’exemple ne mènent à personne. Ne pas mettre en service ainsi.',
      ...examples.map(([key, reasons]) => `  - ${key} : ${reasons.join(', ')}`),
    ];
  if (examples.length === 0) return [];
  return [
    `Formulaires pas encore en service (ils refusent les envois) : réglages d’exemple dans content/formulaires/, ou ${DEMONSTRATION_VARIABLE}=oui pour une démonstration.`,
    ...examples.map(([key, reasons]) => `  - ${key} : ${reasons.join(', ')}`),
  ];
}
