import type { Actor } from "../../domain/shared/actor.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { Services } from "../../services.ts";
import type { ReadOnlyState } from "./read-only-notice.tsx";

/** For a course that is not a draft, what its editors offer instead of saving; null for a draft. */
export async function readOnlyState(
  services: Services,
  actor: Actor,
  course: { slug: string; status: string },
  locale: Locale,
): Promise<ReadOnlyState | null> {
  if (course.status === "draft") return null;
  const workflow = await services.workflow.workflow(actor, course.slug, locale);
  return { slug: course.slug, status: course.status, revise: workflow.can.revise, openRevision: workflow.openRevision };
}
