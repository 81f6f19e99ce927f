// Writing CSV the way spreadsheets read it safely: RFC 4180 (a header row,
// CRLF after every row, a field in double quotes when it holds a comma, a
// quote, a CR or an LF, quotes inside doubled), preceded by a UTF-8 byte
// order mark so that spreadsheet programs read accents and emoji correctly.
// Invariant: a text cell never starts with a character a spreadsheet would
// run as a formula (= + - @, tab, CR): such a cell gets a leading apostrophe.
// Numbers are written as numbers and are never changed.

export type CsvCell = string | number | null;

export const BYTE_ORDER_MARK = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell made safe to open in a spreadsheet. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : guardFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** A whole table: the byte order mark, the header row, then one row per item. */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BYTE_ORDER_MARK + csvRow(header) + rows.map(csvRow).join('');
}
