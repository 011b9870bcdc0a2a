/** Fields several forms ask in the same words, so a person reads the same label everywhere. */
import type { FormContext } from './context.ts';
import type { EmailField, Option, SelectField, TelField, TextareaField, TextField } from './field.ts';

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
