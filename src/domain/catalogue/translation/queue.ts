import { and, ne } from "drizzle-orm";
import type { Locale } from "../../../i18n/locales.ts";
import { organisationHasSlug, organisationRefs } from "../../network/queries.ts";
import { type Actor, requireActor } from "../../shared/actor.ts";
import { forbidden } from "../../shared/errors.ts";
import { contentLocaleSchema, parseInput } from "../../shared/validation.ts";
import type { CatalogueContext } from "../context.ts";
import type { QueueItemDto } from "../dto.ts";
import { can, canAnywhere } from "../permissions.ts";
import { courses } from "../schema.ts";
import { courseInfos, editorOf, loadTexts } from "./texts.ts";

/**
 * Each course and language asked for, with its fields counted by status, the most work left
 * first. Translators and authors only; each sees the courses of the owners they translate for.
 */
export async function queue(
  ctx: CatalogueContext,
  actor: Actor | null,
  filter: { locale?: string | undefined; owner?: string | undefined },
  reader: Locale,
): Promise<QueueItemDto[]> {
  const { db } = ctx;
  const translator = requireActor(actor);
  if (!canAnywhere(translator, "course.translate")) throw forbidden();
  const locale = filter.locale ? parseInput(contentLocaleSchema, filter.locale) : undefined;
  const rows = (
    await db
      .select()
      .from(courses)
      .where(and(ne(courses.status, "archived"), filter.owner ? organisationHasSlug(courses.ownerOrganisationId, filter.owner) : undefined))
  ).filter((course) => can(translator, "course.translate", course.ownerOrganisationId));
  const texts = await loadTexts(
    db,
    rows.map((c) => c.id),
  );
  if (!texts) return [];
  const owners = await organisationRefs(
    db,
    rows.map((c) => c.ownerOrganisationId),
    reader,
  );
  const items: QueueItemDto[] = [];
  for (const info of courseInfos(rows, owners, texts, reader)) {
    const targets = texts.courseTexts
      .filter((t) => t.courseId === info.id && t.locale !== info.defaultLocale && (!locale || t.locale === locale))
      .map((t) => t.locale)
      .sort();
    for (const target of targets) {
      const editor = editorOf(texts, info, target);
      const total = editor.counts.missing + editor.counts.draft + editor.counts.ready;
      items.push({ course: info, locale: target, status: editor.status, counts: editor.counts, total });
    }
  }
  // The most work left first; then by title, so the list is stable.
  return items.sort(
    (a, b) =>
      b.counts.missing + b.counts.draft - (a.counts.missing + a.counts.draft) || a.course.title.localeCompare(b.course.title, reader),
  );
}
