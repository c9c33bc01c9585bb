import writeXlsxFile from "write-excel-file/node";
import type { Locale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import type { CohortReportDto } from "./dto.ts";

export const reportFormats = ["csv", "xlsx"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export type ReportFile = { fileName: string; contentType: string; body: Buffer };

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a
 * leading apostrophe, so a name typed as "=HYPERLINK(...)" stays text (OWASP CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number): string {
  const text = typeof value === "number" ? String(value) : neutraliseFormula(value);
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per person, headed in the reader's language. */
function table(report: CohortReportDto, locale: Locale): (string | number)[][] {
  const t = translatorFor(locale);
  const status = (id: string | null) => (id ? t(`programmes.nominationStatus.${id}` as MessageId) : "");
  const header = [
    "programmes.report.column.name",
    "programmes.report.column.email",
    "programmes.report.column.institution",
    "programmes.report.column.country",
    "programmes.report.column.department",
    "programmes.report.column.role",
    "programmes.report.column.nomination",
    "programmes.report.column.enrolled",
    "programmes.report.column.withdrawn",
    "programmes.report.column.coursesCompleted",
    "programmes.report.column.coursesTotal",
    "programmes.report.column.sessionsAttended",
    "programmes.report.column.sessionsTotal",
  ].map((id) => t(id as MessageId));
  const rows = report.people.map((p) => [
    p.name,
    p.email,
    p.institution,
    p.country ?? "",
    p.department,
    p.jobTitle,
    status(p.nomination),
    t(p.enrolled ? "programmes.report.yes" : "programmes.report.no"),
    t(p.withdrawn ? "programmes.report.yes" : "programmes.report.no"),
    p.coursesCompleted,
    p.coursesTotal,
    p.sessionsAttended,
    p.sessionsTotal,
  ]);
  return [header, ...rows];
}

type Cell = string | number;

/** Rows as a CSV download (formula-safe cells, CRLF). */
export function csvFile(rows: Cell[][], base: string): ReportFile {
  // A byte-order mark so spreadsheet programs read the UTF-8 names right.
  const text = `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
  return { fileName: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(text, "utf8") };
}

/** Named sheets of rows, the first row of each in bold, as an XLSX download. */
export async function xlsxFile(sheets: { name: string; rows: Cell[][] }[], base: string, locale: Locale): Promise<ReportFile> {
  // Cells typed as text are never run as formulas by spreadsheet programs: the values stay as typed.
  const bold = (i: number) => (i === 0 ? ("bold" as const) : undefined);
  const body = await writeXlsxFile(
    sheets.map(({ name, rows }) => ({
      sheet: name,
      rightToLeft: locale === "ar",
      data: rows.map((row, i) =>
        row.map((value) => (typeof value === "number" ? { value, type: Number } : { value, type: String, fontWeight: bold(i) })),
      ),
    })),
  ).toBuffer();
  return {
    fileName: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body,
  };
}

export async function reportFile(report: CohortReportDto, format: ReportFormat, locale: Locale): Promise<ReportFile> {
  const rows = table(report, locale);
  const base = `cohort-report-${report.cohort.startsOn}-${report.cohort.id.slice(0, 8)}`;
  return format === "csv" ? csvFile(rows, base) : xlsxFile([{ name: "Report", rows }], base, locale);
}
