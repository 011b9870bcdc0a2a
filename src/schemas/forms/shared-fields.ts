/** Fields several forms ask in the same words, so a person reads the same label everywhere. */
import type { FormContext } from './context.ts';
import type { CheckboxesField, EmailField, Option, SelectField, TelField, TextareaField, TextField } from './field.ts';

export const prenom = (over: Partial<TextField> = {}): TextField => ({
  name: 'prenom',
  label: 'Prénom',
  type: 'text',
  required: true,
  maxLength: 60,
  autocomplete: 'given-name',
  ...over,
});

export const nom = (over: Partial<TextField> = {}): TextField => ({
  name: 'nom',
  label: 'Nom',
  type: 'text',
  required: true,
  maxLength: 60,
  autocomplete: 'family-name',
  ...over,
});

export const email = (over: Partial<EmailField> = {}): EmailField => ({
  name: 'email',
  label: 'Adresse e-mail',
  hint: 'Nous l’utilisons seulement pour vous répondre.',
  type: 'email',
  required: true,
  maxLength: 254,
  autocomplete: 'email',
  ...over,
});

/**
 * Name of the box a person ticks to receive a confirmation e-mail. Nothing is ever sent to the person
 * otherwise (facts.md: never contact someone in a way they have not said is safe); sealed forms never do.
 */
export const CONFIRMATION_FIELD = 'confirmation';

export const confirmation = (): CheckboxesField => ({
  name: CONFIRMATION_FIELD,
  label: 'Confirmation par e-mail',
  type: 'checkboxes',
  required: false,
  options: [{ value: 'oui', label: 'Je souhaite recevoir un e-mail confirmant que mon inscription est arrivée' }],
});

export const telephone = (over: Partial<TelField> = {}): TelField => ({
  name: 'telephone',
  label: 'Numéro de téléphone',
  type: 'tel',
  required: false,
  maxLength: 20,
  autocomplete: 'tel',
  ...over,
});

export const message = (over: Partial<TextareaField> = {}): TextareaField => ({
  name: 'message',
  label: 'Votre message',
  type: 'textarea',
  required: true,
  maxLength: 3000,
  rows: 6,
  ...over,
});

export const quartierOptions = (ctx: FormContext): Option[] =>
  ctx.quartiers.map((q) => ({ value: q.id, label: `${q.numero}. ${q.nom}` }));

export const quartierSelect = (ctx: FormContext, over: Partial<SelectField> = {}): SelectField => ({
  name: 'quartier',
  label: 'Quartier',
  type: 'select',
  required: true,
  options: quartierOptions(ctx),
  ...over,
});

/** The paragraph every form starts with: optional fields are marked, the rest is required (RGAA 11.10). */
export const MENTION_FACULTATIF = 'Tous les champs sont obligatoires, sauf ceux marqués « facultatif ».';
