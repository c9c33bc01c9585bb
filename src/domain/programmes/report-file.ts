import type { Locale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { csvFile, type SpreadsheetFile, type SpreadsheetFormat, xlsxFile } from "../shared/spreadsheet.ts";
import type { CohortReportDto } from "./dto.ts";

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

export async function reportFile(report: CohortReportDto, format: SpreadsheetFormat, locale: Locale): Promise<SpreadsheetFile> {
  const rows = table(report, locale);
  const base = `cohort-report-${report.cohort.startsOn}-${report.cohort.id.slice(0, 8)}`;
  return format === "csv" ? csvFile(rows, base) : xlsxFile([{ name: "Report", rows }], base, { rightToLeft: locale === "ar" });
}
