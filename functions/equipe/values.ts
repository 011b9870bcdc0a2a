/** A request's clear values as the inbox shows them: each field's label, options by their label. */
import { hasOptions } from '../../src/schemas/forms/field.ts';
import { forms, isFormKey } from '../../src/schemas/forms/index.ts';
import type { ContentContext } from '../../src/schemas/forms/context.ts';
import { LANGUE_FIELD } from '../../src/lib/forms/render-form.ts';
import { LIBELLE_LANGUE, NOM_EN_FRANCAIS } from '../../src/i18n/formulaires/index.ts';

export const formTitle = (formKey: string) => (isFormKey(formKey) ? forms[formKey].title : formKey);

export function labelled(formKey: string, json: string, content: ContentContext): [string, string][] {
  const values = JSON.parse(json) as Record<string, string | string[]>;
  const fields = isFormKey(formKey) ? forms[formKey].fields({ ...content, today: '' }, undefined) : [];
  return Object.entries(values).map(([name, value]) => {
    // The language of the page the person used (functions/submit.ts), in French words for the team.
    if (name === LANGUE_FIELD) return [LIBELLE_LANGUE, NOM_EN_FRANCAIS[value as keyof typeof NOM_EN_FRANCAIS] ?? String(value)];
    const field = fields.find((f) => f.name === name);
    const shown = [value]
      .flat()
      .map((v) => (field && hasOptions(field) ? (field.options.find((o) => o.value === v)?.label ?? v) : v))
      .join(', ');
    return [field?.label ?? name, shown];
  });
}

/** Lower-case text of a request's clear values, for the search. */
export const searchable = (json: string | undefined) =>
  json
    ? Object.values(JSON.parse(json) as Record<string, unknown>)
        .flat()
        .join(' ')
        .toLocaleLowerCase('fr')
    : '';

/** Field and option labels of a form, for the browser to show a sealed request it opened. */
export function labelsOf(formKey: string, content: ContentContext) {
  const fields = isFormKey(formKey) ? forms[formKey].fields({ ...content, today: '' }, undefined) : [];
  return {
    champs: { ...Object.fromEntries(fields.map((f) => [f.name, f.label])), [LANGUE_FIELD]: LIBELLE_LANGUE },
    options: {
      ...Object.fromEntries(
        fields.flatMap((f) => (hasOptions(f) ? [[f.name, Object.fromEntries(f.options.map((o) => [o.value, o.label]))]] : [])),
      ),
      [LANGUE_FIELD]: NOM_EN_FRANCAIS,
    },
  };
}
