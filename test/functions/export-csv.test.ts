/** The one CSV writer (functions/export/csv.ts), for the staff export and the open data alike. */
import { expect, it } from 'vitest';
import { toCsv } from '../../functions/export/csv.ts';
import { tables } from '../../src/lib/open-data/csv.ts';

it('quotes every field, doubles quotes, keeps line breaks inside a field, ends lines with CRLF', () => {
  expect(toCsv(['a', 'b'], [{ a: 'x, "y"', b: 'deux\nlignes' }, { a: 3 }])).toBe(
    '"a","b"\r\n"x, ""y""","deux\nlignes"\r\n"3",""\r\n',
  );
});

it('defuses a formula start in what the public sent, keeps our own published values as they are', () => {
  const rows = [{ v: '=1+1' }, { v: '-3' }, { v: '@a' }];
  expect(toCsv(['v'], rows)).toBe(`"v"\r\n"'=1+1"\r\n"'-3"\r\n"'@a"\r\n`);
  expect(toCsv(['v'], rows, { formulas: 'keep' })).toBe('"v"\r\n"=1+1"\r\n"-3"\r\n"@a"\r\n');
});

it('the open data tables are written by it', () => {
  const csv = tables([]);
  expect(csv.organizations).toBe('"id","name","description","website"\r\n');
});
