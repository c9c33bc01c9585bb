import { stringify } from "csv-stringify/sync";
import writeXlsxFile from "write-excel-file/node";

export const spreadsheetFormats = ["csv", "xlsx"] as const;
export type SpreadsheetFormat = (typeof spreadsheetFormats)[number];

export type Cell = string | number;
/** A download: what the browser saves, and its bytes. */
export type SpreadsheetFile = { fileName: string; contentType: string; body: Buffer };

/**
 * Rows as CSV, the one way Orbis writes it: RFC 4180 quoting, CRLF, a byte-order mark so
 * spreadsheet programs read UTF-8 names right, and any cell a spreadsheet would run as a formula
 * (= + - @ tab CR first) made plain text with a leading apostrophe (OWASP's CSV injection advice).
 * Cells with a semicolon are quoted too: Excel in French, Spanish or Russian splits on it.
 */
export function csvText(rows: Cell[][]): string {
  return stringify(rows, { bom: true, record_delimiter: "windows", escape_formulas: true, quoted_match: /;/ });
}

export function csvFile(rows: Cell[][], base: string): SpreadsheetFile {
  return { fileName: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(csvText(rows), "utf8") };
}

/**
 * Named sheets of rows, the first row of each in bold, mirrored for right-to-left readers. Cells
 * typed as text are never run as formulas by spreadsheet programs: the values stay as typed.
 */
export async function xlsxFile(
  sheets: { name: string; rows: Cell[][] }[],
  base: string,
  options: { rightToLeft?: boolean } = {},
): Promise<SpreadsheetFile> {
  const bold = (i: number) => (i === 0 ? ("bold" as const) : undefined);
  const body = await writeXlsxFile(
    sheets.map(({ name, rows }) => ({
      sheet: name,
      rightToLeft: options.rightToLeft ?? false,
      data: rows.map((row, i) =>
        row.map((value) => (typeof value === "number" ? { value, type: Number } : { value, type: String, fontWeight: bold(i) })),
      ),
    })),
  ).toBuffer();
  return { fileName: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body };
}
