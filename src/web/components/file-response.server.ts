import type { SpreadsheetFile as ReportFile } from "../../domain/shared/spreadsheet.ts";

/** A generated report as a download that no cache keeps (it lists people). */
export function fileResponse(file: ReportFile): Response {
  return new Response(new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
