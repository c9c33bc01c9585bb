import type { Locale } from "../../../i18n/locales.ts";
import { type Actor, requireActor } from "../../shared/actor.ts";
import { fieldError } from "../../shared/errors.ts";
import { contentLocaleSchema, parseInput } from "../../shared/validation.ts";
import type { CatalogueContext } from "../context.ts";
import type { QueueItemDto } from "../dto.ts";
import { requireAccess } from "../permissions.ts";
import { findCourse, wrongStatus } from "../rows.ts";
import { courseTranslations } from "../schema.ts";
import { editor } from "./editor.ts";

/** An author asks for a language: its translation appears in the queue, every field missing. */
export async function requestLanguage(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  target: string,
  reader: Locale,
): Promise<QueueItemDto> {
  const { db, now } = ctx;
  const author = requireActor(actor);
  const locale = parseInput(contentLocaleSchema, target);
  const course = await findCourse(db, ref);
  requireAccess(author, "course.author", course.ownerOrganisationId);
  if (course.status === "archived") throw wrongStatus(course);
  if (locale === course.defaultLocale) throw fieldError("locale", "quality.field.translateDefault");
  await db
    .insert(courseTranslations)
    .values({ courseId: course.id, locale, title: "", status: "missing", updatedAt: now() })
    .onConflictDoNothing();
  const found = await editor(ctx, author, course.id, locale, reader);
  const { counts } = found;
  return { course: found.course, locale, status: found.status, counts, total: counts.missing + counts.draft + counts.ready };
}
