/**
 * Build: the form each programme's page offers (its French page and its translated summaries): one list, so a
 * translated summary links the form in its language when the form has one (src/i18n/formulaires/).
 */
import type { FormKey } from '../../schemas/forms/index.ts';

export const FORMULAIRE_DU_PROGRAMME: Partial<Record<string, FormKey>> = {
  fabrique: 'agir',
  'referents-handicap-inclusion': 'candidature-referent',
  'ecole-deuxieme-chance': 'e2c',
};
