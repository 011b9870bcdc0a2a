/** The page's HTML constraints come from the same field definitions as the server's rules. */
import { describe, expect, it } from 'vitest';
import { renderForm } from '../../src/lib/forms/render-form.ts';
import { FORM_KEYS, forms } from '../../src/schemas/forms/index.ts';
import { content } from '../fixtures/forms-context.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';

const ctx = { ...content, today: '2027-01-15' };

/** Attributes of the element with this id, from rendered HTML. */
function attributesOf(html: string, id: string): Record<string, string | true> | undefined {
  const tag = new RegExp(`<(input|textarea|select)([^>]*\\sid="${id}"[^>]*)>`).exec(html);
  if (!tag) return undefined;
  const attrs: Record<string, string | true> = { tag: tag[1]! };
  for (const m of tag[2]!.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)) attrs[m[1]!] = m[2] ?? true;
  return attrs;
}

describe.each(FORM_KEYS)('%s', (key) => {
  const form = forms[key];
  const target = form.targetField ? String(validSubmissions[key][form.targetField]) : undefined;
  const html = renderForm({ form, ctx, target });

  it('posts to its handler, with the honeypot and the enhancement hook', () => {
    expect(html).toContain(`action="/f/${key}"`);
    expect(html).toContain('method="post"');
    expect(html).toContain('data-module="form-enhance"');
    expect(html).toContain('name="_gotcha"');
  });

  it('each field carries required, maxlength, type and min/max from its definition', () => {
    for (const field of form.fields(ctx, target)) {
      if (field.type === 'hidden') {
        expect(html).toContain(`name="${field.name}"`);
        continue;
      }
      const a = attributesOf(html, `f-${field.name}`);
      expect(a, field.name).toBeDefined();
      if (field.type === 'checkboxes') expect(a!.required).toBeUndefined();
      else expect(a!.required === true, `${field.name} required`).toBe(field.required);
      if ('maxLength' in field) expect(a!.maxlength).toBe(String(field.maxLength));
      // Dates: day, month, year as numeric text fields (GOV.UK pattern), never the browser's date picker.
      if (field.type === 'date') {
        expect([a!.type, a!.inputmode, a!.name]).toEqual(['text', 'numeric', `${field.name}-jour`]);
        for (const part of ['mois', 'annee'])
          expect(attributesOf(html, `f-${field.name}-${part}`)?.inputmode, `${field.name}-${part}`).toBe('numeric');
        expect(html).not.toContain('type="date"');
      }
      if (field.type === 'email' || field.type === 'tel' || field.type === 'text') expect(a!.type).toBe(field.type);
      if (!field.required && !field.optionalNote)
        expect(html).toMatch(
          new RegExp(
            `for="f-${field.name}">[^<]*<span class="champ__facultatif">|<legend class="champ__label">[^<]*<span class="champ__facultatif">`,
          ),
        );
    }
  });
});

describe('closed sessions', () => {
  it('past and cancelled ones are shown disabled, with the reason; a full one offers its waiting list', () => {
    const html = renderForm({ form: forms['inscription-formation'], ctx, target: 'ecole-inclusive' });
    expect(html).toMatch(/value="dec" disabled/);
    expect(html).toMatch(/value="mai" disabled/);
    expect(html).toContain('Indisponible : session passée');
    expect(html).toContain('Indisponible : annulée');
    expect(html).not.toMatch(/value="mars-b"[^>]*disabled/);
    expect(html).toContain('complet\u00a0: inscription sur liste d’attente');
    expect(html).not.toMatch(/value="mars-a"[^>]*disabled/);
    // Without JavaScript, never a count that could go stale.
    expect(html).toContain('places limitées');
    expect(html).not.toMatch(/\d+ places? restantes?/);
  });
});
