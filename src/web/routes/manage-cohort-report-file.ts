import { data } from "react-router";
import { reportFile } from "../../domain/programmes/report-file.ts";
import { spreadsheetFormats as reportFormats } from "../../domain/shared/spreadsheet.ts";
import { fileResponse } from "../components/file-response.server.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import type { Route } from "./+types/manage-cohort-report-file.ts";

/** The cohort report as a CSV or XLSX download, in the page's language. */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const format = reportFormats.find((f) => f === args.params.format);
  if (!format) throw data({ code: "not_found" }, { status: 404 });
  try {
    const file = await reportFile(await services.programmes.cohortReport(actor, args.params.cohortId, locale), format, locale);
    return fileResponse(file);
  } catch (error) {
    throw toErrorResponse(error);
  }
}
