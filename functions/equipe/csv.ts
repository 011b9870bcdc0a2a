/** One CSV line (RFC 4180); a cell a spreadsheet would run as a formula starts with an apostrophe. */
export const csvLine = (cells: string[]) =>
  cells.map((v) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`).join(',');
