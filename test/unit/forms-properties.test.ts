/** Property-based tests (fast-check) of body parsing, validation and escaping: no input breaks them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../functions/protocol/body.ts';
import { hasDuplicateKey } from '../../functions/protocol/json-keys.ts';
import { escapeHtml } from '../../src/lib/forms/html.ts';
import { hasMaxLength } from '../../src/schemas/forms/field.ts';
import { forms } from '../../src/schemas/forms/index.ts';
import { codePoints } from '../../src/schemas/forms/text.ts';
import { validateSubmission } from '../../src/schemas/forms/validate.ts';
import { content } from '../fixtures/forms-context.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';

const ctx = { ...content, today: '2027-01-15' };
const text = fc.string({ unit: 'binary', maxLength: 80 }).filter((s) => s.isWellFormed());
const name = fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }).filter((s) => s.isWellFormed());
const bytes = (s: string) => new TextEncoder().encode(s);

describe('body parsing', () => {
  it('a form-encoded body gives back exactly the pairs sent, repeated names as lists', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, text), { maxLength: 30 }), async (pairs) => {
        const body = new URLSearchParams(pairs).toString();
        const parsed = await parseBody('urlencoded', 'application/x-www-form-urlencoded', bytes(body));
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const expected = new Map<string, string[]>();
        for (const [k, v] of pairs) expected.set(k, [...(expected.get(k) ?? []), v]);
        for (const [k, values] of expected) expect(parsed.fields.get(k)).toEqual(values.length === 1 ? values[0] : values);
        expect(parsed.fields.size).toBe(expected.size);
      }),
    );
  });

  it('any bytes, in any of the three encodings, give a result or a refusal: never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.constantFrom<'json' | 'urlencoded' | 'multipart'>('json', 'urlencoded', 'multipart'),
        async (raw, kind) => {
          const type =
            kind === 'multipart'
              ? 'multipart/form-data; boundary=x'
              : kind === 'json'
                ? 'application/json'
                : 'application/x-www-form-urlencoded';
          const parsed = await parseBody(kind, type, new Uint8Array(raw));
          if (!parsed.ok) expect([400, 422]).toContain(parsed.refusal.status);
        },
      ),
    );
  });

  it('JSON objects: no duplicate found where there is none, found where one was added', () => {
    fc.assert(
      fc.property(fc.dictionary(name, fc.jsonValue(), { maxKeys: 10 }), name, fc.jsonValue(), (obj, key, value) => {
        const json = JSON.stringify(obj);
        expect(hasDuplicateKey(json)).toBe(false);
        const withKey = JSON.stringify({ ...obj, [key]: value });
        const doubled = `{${JSON.stringify(key)}:${JSON.stringify(value)},${withKey.slice(1)}`;
        expect(hasDuplicateKey(doubled)).toBe(true);
      }),
    );
  });
});

describe('validation', () => {
  const form = forms.agir;
  const textFields = form.fields(ctx, undefined).filter(hasMaxLength);

  it('never throws; what it accepts is NFC, free of invisible controls and within the limits', () => {
    const anyValue = fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 300 }), fc.jsonValue());
    fc.assert(
      fc.property(fc.constantFrom(...textFields), anyValue, (field, value) => {
        const result = validateSubmission(form, ctx, undefined, { ...validSubmissions.agir, [field.name]: value });
        if (!result.ok) {
          for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
          return;
        }
        const stored = result.values[field.name];
        if (stored === undefined) return;
        expect(typeof stored).toBe('string');
        const s = stored as string;
        expect(s.normalize('NFC')).toBe(s);
        // eslint-disable-next-line no-control-regex -- checking that control characters are gone
        expect(s).not.toMatch(/[\u200B\u202A-\u202E\u2066-\u2069\uFEFF\u0000-\u0008]/);
        expect(codePoints(s)).toBeLessThanOrEqual(field.maxLength);
      }),
      { numRuns: 500 },
    );
  });

  it('values outside the choices are refused', () => {
    fc.assert(
      fc.property(
        text.filter((t) => !['accueil', 'rue', 'repas', 'accompagnement', 'loisirs', 'langues', 'autre'].includes(t)),
        (choice) => {
          const result = validateSubmission(form, ctx, undefined, { ...validSubmissions.agir, domaines: [choice] });
          expect(result.ok).toBe(false);
        },
      ),
    );
  });
});

describe('escaping', () => {
  it('escaped text has no markup characters left and decodes back to the original', () => {
    const decode = (s: string) =>
      s.replace(
        /&lt;|&gt;|&quot;|&#39;|&amp;/g,
        (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' })[e]!,
      );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(decode(escaped)).toBe(s);
      }),
    );
  });
});
