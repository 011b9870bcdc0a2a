/** Build: the open data as CSV tables, written by the site's one CSV writer (functions/export/csv.ts). */
import { toCsv as writeCsv } from '../../../functions/export/csv.ts';
import type { Service } from './hsds.ts';

/** The tables published at /donnees/csv/<table>.csv. */
export const TABLES = ['organizations', 'services', 'locations', 'addresses', 'schedules', 'service_at_locations'] as const;

/** Our own content: values published as they are. */
const toCsv = (columns: string[], rows: object[]) => writeCsv(columns, rows, { formulas: 'keep' });

/** The HSDS tables, one CSV each, with the columns HSDS names (tabular form: links by id). */
export function tables(services: Service[]): Record<(typeof TABLES)[number], string> {
  const locations = new Map(
    services.flatMap((s) => s.service_at_locations.map((sal) => [sal.location.id, sal.location] as const)),
  );
  const org = services[0]?.organization;
  const schedules = [...services.flatMap((s) => s.schedules), ...[...locations.values()].flatMap((l) => l.schedules)];
  return {
    organizations: toCsv(['id', 'name', 'description', 'website'], org ? [org] : []),
    services: toCsv(
      [
        'id',
        'organization_id',
        'name',
        'description',
        'url',
        'status',
        'fees_description',
        'eligibility_description',
        'minimum_age',
        'maximum_age',
        'assured_date',
      ],
      services,
    ),
    locations: toCsv(['id', 'location_type', 'name', 'description', 'transportation', 'url'], [...locations.values()]),
    addresses: toCsv(
      ['id', 'location_id', 'address_1', 'city', 'state_province', 'region', 'postal_code', 'country', 'address_type'],
      [...locations.values()].flatMap((l) => l.addresses),
    ),
    schedules: toCsv(
      [
        'id',
        'service_id',
        'location_id',
        'valid_from',
        'valid_to',
        'dtstart',
        'until',
        'count',
        'freq',
        'byday',
        'opens_at',
        'closes_at',
        'description',
      ],
      schedules,
    ),
    service_at_locations: toCsv(
      ['id', 'service_id', 'location_id'],
      services.flatMap((s) => s.service_at_locations),
    ),
  };
}
