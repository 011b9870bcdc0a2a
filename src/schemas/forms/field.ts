import { MESSAGES_FR, type FormMessages } from './messages.ts';

/**
 * The fields a form is made of. One definition gives the label, hint and limits the page shows, the
 * HTML constraints (required, maxlength, type, min/max) and the zod rules the handler applies.
 */

/** A choice in a radio group, a select or a checkbox group; `disabledReason` greys it out and says why. */
export type Option = {
  value: string;
  label: string;
  hint?: string;
  disabledReason?: string;
  /** A training session's places: the words shown without JavaScript, and the key the live count updates (src/components/PlacesEnDirect/places-en-direct.ts). */
  places?: { key: string; text: string };
};

type BaseField = {
  /** Name of the field in the submission (letters, digits, underscore). */
  name: string;
  label: string;
  hint?: string;
  required: boolean;
  /** Personal or risky data: a sensitive form is sealed before storage (issue 5) and never echoed by e-mail. */
  sensitive?: boolean;
  /** HTML autocomplete token; "off" for what must not be remembered on a shared computer. */
  autocomplete?: string;
  /** Said after the label of an optional field instead of "facultatif", e.g. one of two is needed. */
  optionalNote?: string;
  /** Message when a required field is left empty; a default is built from the label. */
  requiredMessage?: string;
};

/** One line of text; CR/LF are refused because such values may reach a mail header. */
export type TextField = BaseField & { type: 'text'; maxLength: number; inputmode?: 'text' | 'numeric' };
export type EmailField = BaseField & { type: 'email'; maxLength: number };
export type TelField = BaseField & { type: 'tel'; maxLength: number };
export type TextareaField = BaseField & {
  type: 'textarea';
  maxLength: number;
  rows?: number;
  /** Fewest characters for an answer that says something (« ok » is not a motivation), with its message. */
  minLength?: { count: number; message: string };
};
/** A calendar date AAAA-MM-JJ between min and max (inclusive), with a message for each side. */
export type DateField = BaseField & {
  type: 'date';
  min: string;
  max: string;
  tooEarlyMessage: string;
  tooLateMessage: string;
  /** Said beside the field, never refusing, once the date gives an age of `from` or more (with JavaScript: form-enhance.ts). */
  ageNote?: { from: number; message: string };
};
export type RadioField = BaseField & { type: 'radio'; options: Option[] };
export type SelectField = BaseField & { type: 'select'; options: Option[] };
/** Several choices; the only kind of field whose name may repeat in a form-encoded body. */
export type CheckboxesField = BaseField & { type: 'checkboxes'; options: Option[] };
/** Context the page fixes (a training, a quartier): never typed, but checked like any value. */
export type HiddenField = BaseField & { type: 'hidden'; options: Option[] };

export type Field =
  TextField | EmailField | TelField | TextareaField | DateField | RadioField | SelectField | CheckboxesField | HiddenField;

/** Fields whose value is a list of choices. */
export const isMultiple = (field: Field): field is CheckboxesField => field.type === 'checkboxes';

export const hasOptions = (field: Field): field is RadioField | SelectField | CheckboxesField | HiddenField =>
  field.type === 'radio' || field.type === 'select' || field.type === 'checkboxes' || field.type === 'hidden';

export const hasMaxLength = (field: Field): field is TextField | EmailField | TelField | TextareaField =>
  field.type === 'text' || field.type === 'email' || field.type === 'tel' || field.type === 'textarea';

/** Default message for an empty required field (French unless the form's language says otherwise), built from the label. */
export function requiredMessage(field: Field, m: FormMessages = MESSAGES_FR): string {
  if (field.requiredMessage) return field.requiredMessage;
  if (field.type === 'radio' || field.type === 'select') return m.chooseOne(field.label);
  if (field.type === 'checkboxes') return m.tickOne(field.label);
  if (field.type === 'hidden') return m.missingHidden(field.label);
  return m.required(field.label);
}
