import type { Locale } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { type Cell, csvText, xlsxFile } from "../shared/spreadsheet.ts";
import type { EventReportDto, RegistrationRowDto } from "./dto.ts";

function participantTable(rows: RegistrationRowDto[], locale: Locale): string[][] {
  const t = translatorFor(locale);
  const header = [
    t("events.regs.name"),
    t("events.regs.email"),
    t("events.regs.institution"),
    t("events.regs.country"),
    t("events.regs.status"),
    t("events.report.registeredAt"),
    t("events.report.attendedAt"),
    t("events.report.checkInMethod"),
  ];
  return [
    header,
    ...rows.map((r) => [
      r.name,
      r.email,
      r.institution?.name ?? t("events.report.unaffiliated"),
      r.country ?? "",
      t(`events.registration.${r.status}`),
      r.registeredAt,
      r.attendedAt ?? "",
      r.checkInMethod ?? "",
    ]),
  ];
}

/** The participant list as CSV (src/domain/shared/spreadsheet.ts: one quoting and formula rule). */
export function participantsCsv(rows: RegistrationRowDto[], locale: Locale): string {
  return csvText(participantTable(rows, locale));
}

/** Participants, and the counts by institution and by country, as three sheets. */
export async function reportXlsx(report: EventReportDto, rows: RegistrationRowDto[], locale: Locale): Promise<Buffer> {
  const t = translatorFor(locale);
  const buckets = (list: EventReportDto["byInstitution"], first: string): Cell[][] => [
    [first, t("events.report.registered"), t("events.report.waitlisted"), t("events.report.attended")],
    ...list.map((b) => [b.label, b.registered, b.waitlisted, b.attended]),
  ];
  const file = await xlsxFile(
    [
      { name: t("events.report.sheetParticipants"), rows: participantTable(rows, locale) },
      { name: t("events.report.byInstitution"), rows: buckets(report.byInstitution, t("events.regs.institution")) },
      { name: t("events.report.byCountry"), rows: buckets(report.byCountry, t("events.regs.country")) },
    ],
    "event-report",
    { rightToLeft: locale === "ar" },
  );
  return file.body;
}
