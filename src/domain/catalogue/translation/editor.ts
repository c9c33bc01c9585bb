import type { Locale } from "../../../i18n/locales.ts";
import { organisationRefs } from "../../network/queries.ts";
import { type Actor, requireActor } from "../../shared/actor.ts";
import { fieldError } from "../../shared/errors.ts";
import { contentLocaleSchema, parseInput } from "../../shared/validation.ts";
import type { CatalogueContext } from "../context.ts";
import type { TranslationEditorDto } from "../dto.ts";
import { requireAccess } from "../permissions.ts";
import { findCourse } from "../rows.ts";
import { courseInfos, editorOf, loadTexts } from "./texts.ts";

/** One course's translatable fields in its default language beside the target language, for its translators. */
export async function editor(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  target: string,
  reader: Locale,
): Promise<TranslationEditorDto> {
  const { db } = ctx;
  requireActor(actor);
  const locale = parseInput(contentLocaleSchema, target);
  const course = await findCourse(db, ref);
  requireAccess(actor, "course.translate", course.ownerOrganisationId);
  if (locale === course.defaultLocale) throw fieldError("locale", "quality.field.translateDefault");
  const [texts, owners] = await Promise.all([loadTexts(db, [course.id]), organisationRefs(db, [course.ownerOrganisationId], reader)]);
  const [info] = courseInfos([course], owners, texts, reader);
  return editorOf(texts!, info!, locale);
}
