import { createHash } from "node:crypto";
import { courseCoverSvg } from "../components/course-cover.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { routeLocale } from "../components/route-locale.ts";
import { appContext } from "../context.ts";
import type { Route } from "./+types/course-cover.ts";

/**
 * A course's generated cover, in the page's language (the title's initial). Published courses'
 * covers may be cached by anyone for a day and revalidated by ETag; drafts only by the reader.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { services, actor } = context.get(appContext);
  try {
    const course = await services.catalogue.getCourse(params.slug, routeLocale(params), actor);
    const svg = courseCoverSvg({ title: course.title, category: course.category, centre: course.owner.name });
    const etag = `"${createHash("sha256").update(svg).digest("base64url").slice(0, 22)}"`;
    const headers = {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": course.status === "published" ? "public, max-age=86400" : "private, max-age=300",
      etag,
      "x-content-type-options": "nosniff",
    };
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(svg, { headers });
  } catch (error) {
    throw toErrorResponse(error);
  }
}
