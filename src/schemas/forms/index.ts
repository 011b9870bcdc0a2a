/** Every form of the site, by key: the one list the pages, the handlers and the tests read. */
import { agir } from './agir.ts';
import { candidatureReferent } from './candidature-referent.ts';
import { contact } from './contact.ts';
import { contactReferent } from './contact-referent.ts';
import { demandeAide } from './demande-aide.ts';
import { e2c } from './e2c.ts';
import { femmesRappel } from './femmes-rappel.ts';
import type { FormDefinition } from './form.ts';
import { inscriptionFormation } from './inscription-formation.ts';
import { inscriptionLoisirs } from './inscription-loisirs.ts';

export const forms = {
  'inscription-formation': inscriptionFormation,
  'inscription-loisirs': inscriptionLoisirs,
  'contact-referent': contactReferent,
  agir,
  'candidature-referent': candidatureReferent,
  e2c,
  'demande-aide': demandeAide,
  'femmes-rappel': femmesRappel,
  contact,
} as const satisfies Record<string, FormDefinition>;

export type FormKey = keyof typeof forms;
export const FORM_KEYS = Object.keys(forms) as FormKey[];

export const isFormKey = (key: string): key is FormKey => Object.hasOwn(forms, key);

/** Forms with their own page under /formulaires/ (the others live on a training, activity or quartier page). */
export const STANDALONE_FORMS = FORM_KEYS.filter((k) => !forms[k].targetField);

export type { FormDefinition, Values, FieldProblem } from './form.ts';
export type { Field, Option } from './field.ts';
export type { FormContext } from './context.ts';
