import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { shownText } from "../shared/reader-language.ts";
import type { ProgrammeStatus } from "./dto.ts";
import { programmes, programmeTranslations } from "./schema.ts";

/**
 * The programmes module's read API for other modules (docs/decisions/0015-module-shape.md): small
 * functions over an executor, answering plain values.
 */

export type ProgrammeHeading = { id: string; slug: string; title: string; ownerCentreId: string; status: ProgrammeStatus };

/** Programmes by id with their slug, owning centre, status and title in the reader's language when ready, else the programme's own. */
export async function programmeHeadings(db: Executor, ids: readonly string[], reader: Locale): Promise<Map<string, ProgrammeHeading>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const [rows, texts] = await Promise.all([
    db.select().from(programmes).where(inArray(programmes.id, wanted)),
    db.select().from(programmeTranslations).where(inArray(programmeTranslations.programmeId, wanted)),
  ]);
  const textsOf = Map.groupBy(texts, (t) => t.programmeId);
  return new Map(
    rows.map((p) => [
      p.id,
      {
        id: p.id,
        slug: p.slug,
        title: shownText(textsOf.get(p.id) ?? [], reader, p.defaultLocale)?.title ?? p.slug,
        ownerCentreId: p.ownerCentreId,
        status: p.status,
      },
    ]),
  );
}
