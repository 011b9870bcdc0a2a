/**
 * Node and Worker: the demonstration's team key (FABRIQUE_DEMONSTRATION=oui, what `npm start` sets). Its private
 * half is in the repository (cle-equipe-demonstration.json, beside this file) so that anyone trying the inbox can
 * open the sealed requests: it protects nothing, and production refuses it (src/lib/forms/mode.ts lists it among
 * the example keys). In demonstration, the sensitive forms still sealed to an example key whose private half was
 * kept nowhere are sealed to this one instead.
 */
import { exampleReasons } from '../../src/lib/forms/mode.ts';
import type { FormKey } from '../../src/schemas/forms/index.ts';
import type { FormSettings } from '../../src/schemas/forms/settings.ts';

/** The public half of functions/equipe/cle-equipe-demonstration.json (a unit test checks they agree). */
export const DEMONSTRATION_KEY = {
  id: 'demonstration-2026-12-58909f0d',
  publicKey: 'SuZx8gnzHf5XYxcUzMmm_kOPosB6ZgmujZuGPzo-yDM',
} as const;

/** Where the demonstration's private key file is, from the project's root. */
export const DEMONSTRATION_KEY_FILE = 'functions/equipe/cle-equipe-demonstration.json';

/** The settings with every example key of a sensitive form replaced by the demonstration key. */
export function withDemonstrationKey(all: Record<FormKey, FormSettings>): Record<FormKey, FormSettings> {
  const out = { ...all };
  for (const key of Object.keys(all) as FormKey[]) {
    const s = all[key];
    if (!s.sensible || !exampleReasons(s).some((r) => r.startsWith('clé d’exemple'))) continue;
    out[key] = {
      ...s,
      cle_equipe: DEMONSTRATION_KEY.id,
      cles_publiques: { ...s.cles_publiques, [DEMONSTRATION_KEY.id]: DEMONSTRATION_KEY.publicKey },
    };
  }
  return out;
}
