import type { Locale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { csvFile, type SpreadsheetFile, type SpreadsheetFormat, xlsxFile } from "../shared/spreadsheet.ts";
import type { InstitutionCohortStatus, InstitutionReportDto } from "./dto.ts";

/** A cohort status in the reader's language: a nomination's own word, or "enrolled". */
function institutionCohortStatusLabel(status: InstitutionCohortStatus, locale: Locale): string {
  const t = translatorFor(locale);
  return status === "enrolled" ? t("programmes.institutionReport.enrolled") : t(`programmes.nominationStatus.${status}` as MessageId);
}

/** One row per person: their cohorts summed up, and their events. */
function peopleTable(report: InstitutionReportDto, locale: Locale): (string | number)[][] {
  const t = translatorFor(locale);
  const header = [
    "programmes.report.column.name",
    "programmes.report.column.email",
    "programmes.report.column.department",
    "programmes.report.column.role",
    "programmes.institutionReport.column.cohorts",
    "programmes.institutionReport.column.cohortsEnrolled",
    "programmes.institutionReport.column.programmesCompleted",
    "programmes.report.column.coursesCompleted",
    "programmes.report.column.sessionsAttended",
    "programmes.institutionReport.column.eventsRegistered",
    "programmes.institutionReport.column.eventsWaitlisted",
    "programmes.institutionReport.column.eventsAttended",
    "programmes.institutionReport.column.lastAttended",
  ].map((id) => t(id as MessageId));
  const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
  const rows = report.people.map((p) => [
    p.name,
    p.email,
    p.department,
    p.jobTitle,
    p.cohorts.length,
    p.cohorts.filter((c) => c.status === "enrolled").length,
    p.cohorts.filter((c) => c.completed).length,
    sum(p.cohorts.map((c) => c.coursesCompleted)),
    sum(p.cohorts.map((c) => c.sessionsAttended)),
    p.events.registered,
    p.events.waitlisted,
    p.events.attended,
    p.events.lastAttendedAt?.slice(0, 10) ?? "",
  ]);
  return [header, ...rows];
}

/** One row per person and cohort. */
function cohortTable(report: InstitutionReportDto, locale: Locale): (string | number)[][] {
  const t = translatorFor(locale);
  const header = [
    "programmes.report.column.name",
    "programmes.report.column.email",
    "programmes.institutionReport.column.programme",
    "programmes.institutionReport.column.cohort",
    "programmes.institutionReport.column.startsOn",
    "programmes.institutionReport.column.status",
    "programmes.report.column.coursesCompleted",
    "programmes.report.column.coursesTotal",
    "programmes.report.column.sessionsAttended",
    "programmes.report.column.sessionsTotal",
    "programmes.report.completed",
  ].map((id) => t(id as MessageId));
  const rows = report.people.flatMap((p) =>
    p.cohorts.map((c) => [
      p.name,
      p.email,
      c.programme.title,
      c.cohortName,
      c.startsOn,
      institutionCohortStatusLabel(c.status, locale),
      c.coursesCompleted,
      c.coursesTotal,
      c.sessionsAttended,
      c.sessionsTotal,
      t(c.completed ? "programmes.report.yes" : "programmes.report.no"),
    ]),
  );
  return [header, ...rows];
}

/**
 * The CSV is the people table (one row each, what a spreadsheet sorts and sums); the XLSX adds
 * a sheet with one row per person and cohort.
 */
export async function institutionReportFile(
  report: InstitutionReportDto,
  format: SpreadsheetFormat,
  locale: Locale,
): Promise<SpreadsheetFile> {
  const t = translatorFor(locale);
  const period = [report.filters.from, report.filters.to].filter(Boolean).join("-to-");
  const base = ["institution-report", report.institution.slug, period].filter(Boolean).join("-");
  const people = peopleTable(report, locale);
  if (format === "csv") return csvFile(people, base);
  return xlsxFile(
    [
      { name: t("programmes.institutionReport.sheetPeople"), rows: people },
      { name: t("programmes.institutionReport.sheetCohorts"), rows: cohortTable(report, locale) },
    ],
    base,
    { rightToLeft: locale === "ar" },
  );
}
