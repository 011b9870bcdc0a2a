/**
 * Build and server (Node and Worker): HTML of one field on the GOV.UK pattern: label, hint, error message, then the control with the
 * constraints (required, maxlength, type, min/max) taken from the same definition as the server's rules.
 */
import { DATE_PARTS, datePartName, splitDateValue } from '../../schemas/forms/date-parts.ts';
import type { DateField, Field, Option } from '../../schemas/forms/field.ts';
import { MESSAGES_FR, type FormMessages } from '../../schemas/forms/messages.ts';
import { attrs, escapeHtml } from './html.ts';
import { typographie } from '../page-tools/typographie.ts';

export const fieldId = (name: string) => `f-${name}`;
const hintId = (name: string) => `f-${name}-aide`;
const errorId = (name: string) => `f-${name}-erreur`;

const facultatif = (note: string) => ` <span class="champ__facultatif">(${escapeHtml(note)})</span>`;
export const FACULTATIF = facultatif(MESSAGES_FR.optional);

export function renderErrorMessage(name: string, message: string, m: FormMessages = MESSAGES_FR): string {
  return `<p class="champ__erreur" id="${errorId(name)}"><span class="champ__prefixe">${escapeHtml(m.errorPrefix)}</span>${escapeHtml(message)}</p>`;
}

const describedBy = (field: Field, error: string | undefined) =>
  [field.hint ? hintId(field.name) : '', error ? errorId(field.name) : ''].filter(Boolean).join(' ') || undefined;

const labelText = (field: Field, m: FormMessages) =>
  `${escapeHtml(field.label)}${field.required ? '' : facultatif(field.optionalNote ?? m.optional)}`;

// One branch per kind of control, each GOV.UK's markup, read top to bottom: they share the label, hint and error.
export function renderField(
  field: Field,
  value: string | string[] | undefined,
  error: string | undefined,
  m: FormMessages = MESSAGES_FR,
): string {
  if (field.type === 'hidden')
    return `<input${attrs({ type: 'hidden', name: field.name, value: typeof value === 'string' ? value : '' })}>`;
  const hint = field.hint ? `<p class="champ__aide" id="${hintId(field.name)}">${escapeHtml(field.hint)}</p>` : '';
  const err = error ? renderErrorMessage(field.name, error, m) : '';
  const wrapper = (inner: string) =>
    `<div class="champ${error ? ' champ--erreur' : ''}" data-champ="${escapeHtml(field.name)}">${inner}</div>`;

  if (field.type === 'radio' || field.type === 'checkboxes') {
    const chosen = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return wrapper(
      `<fieldset class="champ__groupe"${attrs({ 'aria-describedby': describedBy(field, error) })}>` +
        `<legend class="champ__label">${labelText(field, m)}</legend>${hint}${err}` +
        `<div class="choix choix--${field.type === 'radio' ? 'unique' : 'multiple'}">` +
        field.options.map((o, i) => renderChoice(field, o, i, chosen, error, m)).join('') +
        `</div></fieldset>`,
    );
  }

  if (field.type === 'date') {
    return wrapper(
      `<fieldset class="champ__groupe"${attrs({ 'aria-describedby': describedBy(field, error) })}>` +
        `<legend class="champ__label">${labelText(field, m)}</legend>${hint}${err}` +
        renderDateParts(field, typeof value === 'string' ? value : undefined, error, m) +
        `</fieldset>` +
        renderAgeNote(field, m),
    );
  }

  const common = {
    id: fieldId(field.name),
    name: field.name,
    required: field.required,
    autocomplete: field.autocomplete,
    'aria-describedby': describedBy(field, error),
    'aria-invalid': error ? 'true' : undefined,
  };
  const label = `<label class="champ__label" for="${fieldId(field.name)}">${labelText(field, m)}</label>`;
  const text = typeof value === 'string' ? value : '';

  if (field.type === 'select') {
    const options = [`<option value="">${escapeHtml(m.choose)}</option>`]
      .concat(
        field.options.map(
          (o) =>
            `<option${attrs({ value: o.value, selected: o.value === text, disabled: Boolean(o.disabledReason) })}>${escapeHtml(o.label)}</option>`,
        ),
      )
      .join('');
    return wrapper(`${label}${hint}${err}<select${attrs({ ...common, class: 'champ__liste' })}>${options}</select>`);
  }
  if (field.type === 'textarea') {
    return wrapper(
      `${label}${hint}${err}<textarea${attrs({ ...common, class: 'champ__texte', rows: field.rows ?? 5, maxlength: field.maxLength })}>${escapeHtml(text)}</textarea>`,
    );
  }
  const typed = {
    type: field.type,
    maxlength: field.maxLength,
    inputmode: field.type === 'text' ? field.inputmode : undefined,
    spellcheck: field.type === 'email' ? 'false' : undefined,
  };
  return wrapper(`${label}${hint}${err}<input${attrs({ ...common, ...typed, class: 'champ__saisie', value: text })}>`);
}

function renderChoice(
  field: Field & { options: Option[] },
  option: Option,
  index: number,
  chosen: string[],
  error: string | undefined,
  m: FormMessages,
) {
  // The first choice carries the field's id, so the error summary's link lands on the group.
  const id = index === 0 ? fieldId(field.name) : `${fieldId(field.name)}-${index + 1}`;
  // Not `${id}-aide`: the first choice's id is the field's, whose hint already has that id.
  const optionHintId = `${id}-precision`;
  const hintParts = [option.hint, option.disabledReason ? `${m.unavailablePrefix}${option.disabledReason}` : undefined].filter(
    Boolean,
  );
  // A session's places in their own element, which the live count rewrites where JavaScript runs.
  const places = option.places
    ? `<span data-places="${escapeHtml(option.places.key)}">${escapeHtml(option.places.text)}</span>`
    : '';
  const optionHint =
    hintParts.length || places
      ? `<span class="choix__aide" id="${optionHintId}">${escapeHtml(hintParts.join(' · '))}${hintParts.length && places ? ' · ' : ''}${places}</span>`
      : '';
  const input = `<input${attrs({
    class: 'choix__case',
    type: field.type === 'radio' ? 'radio' : 'checkbox',
    id,
    name: field.name,
    value: option.value,
    checked: chosen.includes(option.value) && !option.disabledReason,
    disabled: Boolean(option.disabledReason),
    required: field.type === 'radio' && field.required,
    'aria-describedby': optionHint ? optionHintId : undefined,
    'aria-invalid': error && index === 0 ? 'true' : undefined,
  })}>`;
  return `<div class="choix__item${option.disabledReason ? ' choix__item--indisponible' : ''}">${input}<label class="choix__label" for="${id}">${escapeHtml(option.label)}</label>${optionHint}</div>`;
}

/**
 * The place a date field's age note appears (form-enhance.ts fills it as the date is typed): an empty live
 * region, so a screen reader says the note once it is written, and nothing shows without JavaScript.
 */
function renderAgeNote(field: DateField, m: FormMessages): string {
  if (!field.ageNote) return '';
  return `<p${attrs({
    class: 'champ__note',
    id: `${fieldId(field.name)}-note`,
    'aria-live': 'polite',
    'data-age-from': String(field.ageNote.from),
    // An attribute: the page's typography pass does not reach it, and the script shows it as text. French typography
    // for French only: a translated form's note keeps its language's.
    'data-note': m === MESSAGES_FR ? typographie(field.ageNote.message) : field.ageNote.message,
  })}></p>`;
}

/** Day, month and year as three numeric text fields (GOV.UK date input); the day carries the field's id for the error summary. */
function renderDateParts(field: DateField, value: string | undefined, error: string | undefined, m: FormMessages): string {
  const values = splitDateValue(value);
  const items = DATE_PARTS.map((part, i) => {
    const id = i === 0 ? fieldId(field.name) : `${fieldId(field.name)}-${part.suffix}`;
    const input = `<input${attrs({
      class: `champ__saisie date__saisie date__saisie--${part.size}`,
      id,
      name: datePartName(field.name, part.suffix),
      type: 'text',
      inputmode: 'numeric',
      maxlength: part.size,
      required: field.required,
      autocomplete: field.autocomplete === 'bday' ? part.autocomplete : field.autocomplete,
      'aria-invalid': error ? 'true' : undefined,
      value: values[i],
    })}>`;
    return `<div class="date__partie"><label class="date__label" for="${id}">${escapeHtml(m.dateParts[part.suffix])}</label>${input}</div>`;
  });
  return `<div class="date">${items.join('')}</div>`;
}
