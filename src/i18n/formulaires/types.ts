/**
 * Build and server: the shape of a language's form words (issue 23). Only words: names, values, limits, required-ness
 * stay in the French definitions (src/schemas/forms/), which test/unit/formulaires-traduits.test.ts holds each
 * translation to, key by key.
 */
import type { FormKey } from '../../schemas/forms/index.ts';
import type { FormMessages } from '../../schemas/forms/messages.ts';

/** One field's words, by the French field's name; an option's words by its value. */
export type MotsChamp = {
  label: string;
  hint?: string;
  optionalNote?: string;
  requiredMessage?: string;
  options?: Record<string, { label: string; hint?: string }>;
  /** The message of the French field's minLength, tooEarlyMessage, tooLateMessage and ageNote. */
  minLength?: string;
  tooEarly?: string;
  tooLate?: string;
  ageNote?: string;
};

export type MotsFormulaire = {
  title: string;
  /** Sensitive forms: a neutral title for the browser's history, as neutral as the French one. */
  titreHistorique?: string;
  description: string;
  /** As many paragraphs as the French intro, in the same order. */
  intro: string[];
  submitLabel: string;
  thanks: { title: string; paragraphs: string[] };
  champs: Record<string, MotsChamp>;
  /** The messages of the French form's rules across fields (`check`), by the field each one points to. */
  regles?: Record<string, string>;
  /** What the French `notYetOpen` says, for a form whose service does not exist yet. */
  pasEncoreOuvert?: string;
  /** Another thank-you page the French form sends to (`thanksPath`), by its French path. */
  autresMerci?: Record<string, { title: string; paragraphs: string[] }>;
};

/** One language's file: a draft until the named role has proofread it (then `relu`, with who). */
export type FormulairesEnLangue = {
  statut: 'brouillon' | 'relu';
  /** The role that proofread it, once `relu` (e.g. « interprète de l’association X »). */
  relecture?: string;
  messages: FormMessages;
  formulaires: Partial<Record<FormKey, MotsFormulaire>>;
};
