/**
 * Open data as built: services.json and every CSV table validated against Open Referral's own HSDS 3.0 schemas
 * (vendored verbatim in test/fixtures/hsds-3.0/), the CSV tables read back with a strict RFC 4180 reader and
 * compared with the JSON, no personal data, and the schema.org JSON-LD of the pages checked for shape and against
 * what the pages say.
 */
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
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

/** The official schemas, by file name: their references ("schedule.json") are file names. */
type Property = { type?: string; $ref?: string; items?: { $ref?: string }; datapackage_type?: string };
type HsdsSchema = { properties: Record<string, Property>; required?: string[]; tabular_required?: string[] };
const HSDS_DIR = new URL('../fixtures/hsds-3.0/', import.meta.url);
const hsds = Object.fromEntries(
  readdirSync(HSDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(new URL(f, HSDS_DIR), 'utf8')) as HsdsSchema]),
);
// Not strict: the schemas carry Frictionless keywords (constraints, core, datapackage_type) that ajv does not know.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
for (const [file, schema] of Object.entries(hsds)) ajv.addSchema(schema, file);

/**
 * What ajv cannot see in the official schemas, which allow any extra field and type dates for Frictionless only:
 * a field name HSDS does not have (a misspelling), a date not AAAA-MM-JJ, a time not HH:MM:SS.
 */
function beyondSchema(value: Json, file: string, at: string): string[] {
  return Object.entries(value).flatMap(([key, v]) => {
    const p = hsds[file]!.properties[key];
    const here = `${at}.${key}`;
    if (!p) return [`${here}: no such field in HSDS ${file}`];
    const ref = p.$ref ?? p.items?.$ref;
    if (ref) return (Array.isArray(v) ? v : [v]).flatMap((item: Json, i) => beyondSchema(item, ref, `${here}[${i}]`));
    if (p.datapackage_type === 'date' && !/^\d{4}-\d\d-\d\d$/.test(String(v))) return [`${here}: ${String(v)} is not a date`];
    if (p.datapackage_type === 'time' && !/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(String(v)))
      return [`${here}: ${String(v)} is not a time`];
    return [];
  });
}

describe('services.json (HSDS 3.0)', () => {
  it('validates against the official HSDS 3.0 service schema', () => {
    const validate = ajv.getSchema('service.json')!;
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) expect(validate(s), `${String(s.name)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  });

  it('uses only HSDS field names, ISO dates and times, at every depth', () => {
    expect(services.flatMap((s, i) => beyondSchema(s, 'service.json', `services[${i}]`))).toEqual([]);
  });

  it('would notice an id that is not a UUID, a misspelt field or a time without seconds', () => {
    const wrong = structuredClone(services[0]!) as Json & { schedules: Json[] };
    wrong.id = 'referent-le-blosne';
    wrong.schedules[0]!.opens_at = '09:00';
    wrong.servce_at_locations = [];
    const validate = ajv.getSchema('service.json')!;
    expect(validate(wrong)).toBe(false);
    expect(ajv.errorsText(validate.errors)).toContain('data/id must match format "uuid"');
    expect(beyondSchema(wrong, 'service.json', 's')).toEqual([
      's.schedules[0].opens_at: 09:00 is not a time',
      's.servce_at_locations: no such field in HSDS service.json',
    ]);
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
  const tables = ['organizations', 'services', 'locations', 'addresses', 'schedules', 'service_at_locations'] as const;

  it.each(tables)('%s.csv: CRLF records, one header, every row as wide as it', async (t) => {
    const text = await read(`/donnees/csv/${t}.csv`);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/(?<!"[^"]*)\n/);
    const [header, ...rows] = parseCsv(text);
    expect(header![0]).toBe('id');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toHaveLength(header!.length);
  });

  const SCHEMA_OF: Record<(typeof tables)[number], string> = {
    organizations: 'organization.json',
    services: 'service.json',
    locations: 'location.json',
    addresses: 'address.json',
    schedules: 'schedule.json',
    service_at_locations: 'service_at_location.json',
  };

  it.each(tables)('%s.csv: every row valid against its official HSDS 3.0 table schema', async (t) => {
    const file = SCHEMA_OF[t];
    const schema = hsds[file]!;
    const [header, ...rows] = parseCsv(await read(`/donnees/csv/${t}.csv`));
    for (const column of header!) expect(schema.properties, `${t}.csv: ${column}`).toHaveProperty(column);
    const validate = ajv.getSchema(file)!;
    for (const r of rows) {
      // Tabular form: an empty cell is an absent value; numbers are read back as numbers.
      const row: Json = Object.fromEntries(
        header!
          .map((h, i) => [h, r[i]!] as const)
          .filter(([, v]) => v !== '')
          .map(([h, v]) => [h, schema.properties[h]!.type === 'number' ? Number(v) : v]),
      );
      expect(validate(row), `${t}.csv ${r[0]}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      for (const column of schema.tabular_required ?? []) expect(row, `${t}.csv ${r[0]}`).toHaveProperty(column);
      expect(beyondSchema(row, file, `${t}.csv ${r[0]}`)).toEqual([]);
    }
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
  const address = {
    type: 'object',
    required: ['@type', 'streetAddress', 'postalCode', 'addressLocality'],
    properties: { '@type': { const: 'PostalAddress' }, postalCode: { type: 'string', pattern: '^\\d{5}$' } },
  };
  const place = { type: 'object', required: ['@type', 'name', 'address'], properties: { '@type': { const: 'Place' }, address } };
  const shapes = {
    Event: {
      type: 'object',
      required: ['@context', '@type', 'name', 'startDate', 'endDate', 'location', 'eventStatus'],
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
      required: ['@context', '@type', 'name', 'areaServed', 'url'],
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
