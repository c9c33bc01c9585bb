import writeXlsxFile from "write-excel-file/node";
import type { Locale } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import type { EventReportDto, RegistrationRowDto } from "./dto.ts";

/**
 * A spreadsheet program runs a cell that begins with = + - @ (or a tab or carriage return before
 * them) as a formula; a leading apostrophe makes it plain text (OWASP's CSV injection advice).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

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

/** The participant list as CSV (RFC 4180, CRLF), with a byte-order mark so spreadsheets read UTF-8. */
export function participantsCsv(rows: RegistrationRowDto[], locale: Locale): string {
  const lines = participantTable(rows, locale).map((cells) => cells.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Participants, and the counts by institution and by country, as three sheets. */
export async function reportXlsx(report: EventReportDto, rows: RegistrationRowDto[], locale: Locale): Promise<Buffer> {
  const t = translatorFor(locale);
  const text = (value: string) => ({ type: String, value });
  const number = (value: number) => ({ type: Number, value });
  const bold = (value: string) => ({ type: String, value, fontWeight: "bold" as const });
  const buckets = (list: EventReportDto["byInstitution"], first: string) => [
    [bold(first), bold(t("events.report.registered")), bold(t("events.report.waitlisted")), bold(t("events.report.attended"))],
    ...list.map((b) => [text(b.label), number(b.registered), number(b.waitlisted), number(b.attended)]),
  ];
  const [header = [], ...body] = participantTable(rows, locale);
  return writeXlsxFile([
    { sheet: t("events.report.sheetParticipants"), data: [header.map(bold), ...body.map((cells) => cells.map(text))] },
    { sheet: t("events.report.byInstitution"), data: buckets(report.byInstitution, t("events.regs.institution")) },
    { sheet: t("events.report.byCountry"), data: buckets(report.byCountry, t("events.regs.country")) },
  ]).toBuffer();
}
