/**
 * Open data as built: services.json validated against the HSDS 3.0 schemas (test/fixtures/hsds3.ts), the CSV tables
 * read back with a strict RFC 4180 reader and compared with the JSON, no personal data, and the schema.org JSON-LD
 * of the pages checked for shape and against what the pages say.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { service } from '../fixtures/hsds3.ts';
import { sitemapPaths } from './browser.ts';
import { templateOf } from './templates.ts';

const read = (p: string) => readFile(new URL(`../../dist${p}`, import.meta.url), 'utf8');
type Json = Record<string, unknown>;
const services = JSON.parse(await read('/donnees/services.json')) as Json[];

/** RFC 4180: CRLF records, quoted fields with doubled quotes; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new Error('guillemet non fermé');
        value += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          value += '"';
          i++;
        } else break;
      }
    } else {
      const m = /^[^",\r\n]*/.exec(text.slice(i))![0];
      value = m;
      i += m.length;
    }
    row.push(value);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`caractère inattendu à ${i}`);
  }
  return rows;
}

describe('services.json (HSDS 3.0)', () => {
  it('validates against the HSDS 3.0 service schema', () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile({ type: 'array', minItems: 1, items: service });
    expect(validate(services), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('holds referents, trainings with sessions and activities, each with locations and schedules', () => {
    const urls = services.map((s) => String(s.url));
    expect(urls.some((u) => u.includes('/quartiers/'))).toBe(true);
    expect(urls.some((u) => u.includes('/formations/'))).toBe(true);
    expect(urls.some((u) => u.includes('/activites/'))).toBe(true);
    for (const s of services) {
      expect((s.schedules as unknown[]).length, String(s.name)).toBeGreaterThan(0);
      expect((s.service_at_locations as unknown[]).length, String(s.name)).toBeGreaterThan(0);
    }
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
  });

  it('shows no referent’s first name and no contact detail', async () => {
    const json = JSON.stringify(services);
    const prenoms = [...(await read('/referents/index.html')).matchAll(/<h3 id="ref-[^"]+">([A-Z][a-zé]+ [A-Z]\.)/g)].map(
      (m) => m[1]!,
    );
    expect(prenoms.length).toBeGreaterThan(0);
    for (const p of prenoms) expect(json).not.toContain(p);
    expect(json).not.toMatch(/@[a-z]+\.|"phones"|"email"/);
  });
});

describe('CSV tables (RFC 4180)', () => {
  const tables = ['organizations', 'services', 'locations', 'addresses', 'schedules', 'service_at_locations'];

  it.each(tables)('%s.csv: CRLF records, one header, every row as wide as it', async (t) => {
    const text = await read(`/donnees/csv/${t}.csv`);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/(?<!"[^"]*)\n/);
    const [header, ...rows] = parseCsv(text);
    expect(header![0]).toBe('id');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toHaveLength(header!.length);
  });

  it('services.csv says the same as services.json, accents and commas included', async () => {
    const [header, ...rows] = parseCsv(await read('/donnees/csv/services.csv'));
    const byId = new Map(rows.map((r) => [r[0], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    for (const s of services) {
      const row = byId.get(String(s.id))!;
      for (const key of ['name', 'description', 'url', 'status', 'assured_date']) expect(row[key]).toBe(String(s[key]));
    }
  });
});

const paths = await sitemapPaths();

describe('schema.org JSON-LD', () => {
  const ld = async (p: string) =>
    [...(await read(`${p}index.html`)).matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].flatMap((m) => {
      const v = JSON.parse(m[1]!) as Json | Json[];
      return Array.isArray(v) ? v : [v];
    });
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const address = {
    type: 'object',
    required: ['@type', 'streetAddress', 'postalCode', 'addressLocality'],
    properties: { '@type': { const: 'PostalAddress' }, postalCode: { type: 'string', pattern: '^\\d{5}$' } },
  };
  const place = { type: 'object', required: ['@type', 'name', 'address'], properties: { '@type': { const: 'Place' }, address } };
  const shapes = {
    Event: {
      type: 'object',
      required: ['@context', '@type', 'name', 'startDate', 'endDate', 'location', 'eventStatus', 'organizer'],
      properties: {
        '@context': { const: 'https://schema.org' },
        startDate: { type: 'string', pattern: '^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\\+0[12]:00$' },
        endDate: { type: 'string', format: 'date-time' },
        eventStatus: { enum: ['https://schema.org/EventScheduled', 'https://schema.org/EventCancelled'] },
        location: place,
      },
    },
    Place: {
      type: 'object',
      required: ['@context', '@type', 'name', 'address', 'openingHoursSpecification'],
      properties: {
        address,
        openingHoursSpecification: {
          type: 'array',
          items: {
            type: 'object',
            required: ['@type', 'dayOfWeek', 'opens', 'closes'],
            properties: {
              dayOfWeek: { type: 'array', items: { type: 'string', pattern: '^https://schema.org/[A-Z][a-z]+day$' } },
            },
          },
        },
      },
    },
    GovernmentService: {
      type: 'object',
      required: ['@context', '@type', 'name', 'provider', 'areaServed', 'url'],
      properties: { availableChannel: { type: 'array', items: { type: 'object', properties: { serviceLocation: place } } } },
    },
  };
  const expected: Record<string, keyof typeof shapes> = {
    '/formations/:id/': 'Event',
    '/lieux/:id/': 'Place',
    '/quartiers/:id/': 'GovernmentService',
  };

  it.each(paths.filter((p) => templateOf(p) in expected))('%s has valid JSON-LD', async (p) => {
    const items = await ld(p);
    const type = expected[templateOf(p)]!;
    if (type !== 'Event') expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item['@type']).toBe(type);
      const validate = ajv.compile(shapes[type]);
      expect(validate(item), ajv.errorsText(validate.errors)).toBe(true);
    }
  });

  it('gives each training session to come the date and time of the page', async () => {
    for (const p of paths.filter((x) => templateOf(x) === '/formations/:id/')) {
      // Non-breaking spaces (French typography) read as plain ones.
      const html = (await read(`${p}index.html`)).replace(/[\u00a0\u202f]/g, ' ');
      for (const e of await ld(p)) {
        const [date, time] = String(e.startDate).split('T');
        const [h, m] = time!.slice(0, 5).split(':');
        const heure = m === '00' ? `${Number(h)} h` : `${Number(h)} h ${m}`;
        expect(html).toMatch(new RegExp(`<time datetime="${date}">[^<]*</time></td><td[^>]*>de ${heure} à`));
      }
    }
  });
});
