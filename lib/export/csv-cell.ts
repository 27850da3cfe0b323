/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): a cell
 * starting with one of them gets a leading apostrophe, which spreadsheets show as text and do not
 * evaluate. Text from the archive ("-exclusion", "@handle", "=cost") keeps its meaning to a reader;
 * a program reading the file drops the apostrophe before these characters to get the stored text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A field that holds any of these is quoted (RFC 4180). */
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: formula-guarded, then quoted with doubled quotes where RFC 4180 needs it. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, ended by CRLF as RFC 4180 has it (line breaks inside quoted fields stay as they are). */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
