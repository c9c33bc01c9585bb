import type { InstitutionReportFilters } from "../../domain/programmes/validation.ts";

/** The institution report's filters as the page's query string carries them; empty fields are left out. */
export function reportFilters(url: URL): InstitutionReportFilters {
  const get = (name: string) => url.searchParams.get(name)?.trim() || undefined;
  return { from: get("from"), to: get("to"), programme: get("programme") };
}
