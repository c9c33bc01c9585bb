import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import type { Locale } from "../../../i18n/locales.ts";
import type { OrganisationRef } from "../../network/dto.ts";
import { organisationRefs, organisationRefsOfKinds } from "../../network/queries.ts";
import { type Actor, requireActor } from "../../shared/actor.ts";
import { constraintError } from "../../shared/db-errors.ts";
import { DomainError, fieldError, notFound } from "../../shared/errors.ts";
import { parseInput } from "../../shared/validation.ts";
import { recordAuthor } from "../authors.ts";
import type { CatalogueContext } from "../context.ts";
import type { AdaptedFromDto, CourseRefDto } from "../dto.ts";
import { shownTitles, toCourseRef } from "../mapping.ts";
import { can, organisationsWhere, requireAccess } from "../permissions.ts";
import { type CourseRow, courseUniqueRules, findCourse, wrongStatus } from "../rows.ts";
import { courses } from "../schema.ts";
import { adaptInputSchema } from "../validation.ts";
import { insertCopy, lockPublished } from "./copy.ts";

/** Licences whose terms forbid derivative works (Creative Commons "NoDerivatives"). */
export const forbidsDerivatives = (licence: string) => /(^|[-_ ])ND([-_ .]|$)/i.test(licence);

async function organisationRef(db: Executor, id: string, reader: Locale): Promise<OrganisationRef> {
  const found = (await organisationRefs(db, [id], reader)).get(id);
  if (!found) throw notFound("organisation");
  return found;
}

/**
 * Another centre's draft copy of a published course, recording where it came from and under
 * which licence; a licence without derivatives refuses.
 */
export async function adapt(
  ctx: CatalogueContext,
  actor: Actor | null,
  ref: string,
  input: unknown,
  reader: Locale,
): Promise<CourseRefDto> {
  const { db, now } = ctx;
  const author = requireActor(actor);
  const { ownerId } = parseInput(adaptInputSchema, input);
  requireAccess(actor, "course.author", ownerId);
  const found = await findCourse(db, ref);
  if (found.status !== "published") throw wrongStatus(found);
  if (found.ownerOrganisationId === ownerId) throw fieldError("ownerId", "quality.field.adaptOwnCourse");
  if (forbidsDerivatives(found.licence)) throw new DomainError("derivatives_forbidden", 409, { licence: found.licence });
  const owner = await organisationRef(db, ownerId, reader);
  const copy = await db
    .transaction(async (tx) => {
      const source = await lockPublished(tx, found);
      const changes = {
        ownerOrganisationId: ownerId,
        version: 1,
        revisionOfId: null,
        adaptedFromId: source.id,
        adaptedFromVersion: source.version,
        adaptedFromLicence: source.licence,
      };
      return insertCopy(tx, source, `${source.slug}-${owner.slug}`, changes, { coCreators: false, at: now() });
    })
    .catch((error: unknown) => {
      throw constraintError(error, courseUniqueRules);
    });
  await recordAuthor(db, copy.id, author, now());
  return toCourseRef(copy);
}

/** Where a course came from, for its public page; null for an original. */
export async function adaptedFrom(
  ctx: CatalogueContext,
  course: Pick<CourseRow, "adaptedFromId" | "adaptedFromVersion" | "adaptedFromLicence">,
  reader: Locale,
): Promise<AdaptedFromDto | null> {
  const { db } = ctx;
  if (!course.adaptedFromId) return null;
  const [source] = await db.select().from(courses).where(eq(courses.id, course.adaptedFromId));
  if (!source) return null;
  return {
    slug: source.slug,
    title: (await shownTitles(db, [source.id], reader)).get(source.id) ?? source.slug,
    owner: await organisationRef(db, source.ownerOrganisationId, reader),
    version: course.adaptedFromVersion ?? source.version,
    licence: course.adaptedFromLicence ?? source.licence,
    published: source.status === "published",
  };
}

export async function courseOrigin(ctx: CatalogueContext, ref: string, reader: Locale): Promise<AdaptedFromDto | null> {
  return adaptedFrom(ctx, await findCourse(ctx.db, ref), reader);
}

/** Organisations an actor writes courses for, other than the course's owner: where they may adapt it to. */
export async function adaptTargets(ctx: CatalogueContext, actor: Actor, course: CourseRow, reader: Locale): Promise<OrganisationRef[]> {
  const refs = can(actor, "course.author")
    ? await organisationRefsOfKinds(ctx.db, ["institute", "national_centre", "training_centre"], reader)
    : [...(await organisationRefs(ctx.db, organisationsWhere(actor, "course.author"), reader)).values()];
  return refs.filter((ref) => ref.id !== course.ownerOrganisationId).sort((a, b) => a.name.localeCompare(b.name, reader));
}
