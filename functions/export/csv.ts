/**
 * The one CSV writer (RFC 4180: UTF-8, CRLF line ends, every field quoted), for the team's exports and the
 * published open data. A cell starting with = + - @ tab or CR would be run as a formula by Excel or
 * LibreOffice: for a spreadsheet of what the public sent, such cells get a leading apostrophe, which
 * spreadsheets show as text. Published data (the site's own content) keeps its values as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvOptions = {
  /** `keep` only for data we wrote ourselves; by default a formula start is defused. */
  formulas?: 'defuse' | 'keep';
};

export function csvCell(value: unknown, { formulas = 'defuse' }: CsvOptions = {}): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- cells are strings, numbers, booleans or dates
  const text = value === undefined || value === null ? '' : String(value);
  const safe = formulas === 'defuse' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One line of cells, without its line end. */
export const csvLine = (cells: unknown[], options: CsvOptions = {}) => cells.map((c) => csvCell(c, options)).join(',');

export function toCsv(columns: string[], rows: object[], options: CsvOptions = {}): string {
  const line = (cells: unknown[]) => csvLine(cells, options);
  const lines = [line(columns), ...rows.map((row) => line(columns.map((c) => (row as Record<string, unknown>)[c])))];
  return `${lines.join('\r\n')}\r\n`;
}
