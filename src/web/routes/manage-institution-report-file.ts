import { data } from "react-router";
import { institutionReportFile } from "../../domain/programmes/institution-report-file.ts";
import { spreadsheetFormats as reportFormats } from "../../domain/shared/spreadsheet.ts";
import { fileResponse } from "../components/file-response.server.ts";
import { reportFilters } from "../components/institution-report.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import type { Route } from "./+types/manage-institution-report-file.ts";

/** The institution report as a CSV or XLSX download, in the page's language, with the page's filters. */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const format = reportFormats.find((f) => f === args.params.format);
  if (!format) throw data({ code: "not_found" }, { status: 404 });
  try {
    const report = await services.programmes.institutionReport(actor, args.params.slug, reportFilters(new URL(args.request.url)), locale);
    const file = await institutionReportFile(report, format, locale);
    return fileResponse(file);
  } catch (error) {
    throw toErrorResponse(error);
  }
}
