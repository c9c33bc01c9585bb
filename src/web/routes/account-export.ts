import { toErrorResponse } from "../components/route-errors.server.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import type { Route } from "./+types/account-export.ts";

/**
 * Everything Orbis holds about the signed-in person, as one JSON file they download: their
 * profile and roles, the names and dates of their API tokens (never the secrets), their courses
 * with progress, and their event registrations. Composed here from each module's own read, since
 * no one module may read all the others.
 */
export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  try {
    const [profile, apiTokens, learning, events] = await Promise.all([
      services.identity.me(actor),
      services.identity.listApiTokens(actor),
      services.learning.myLearning(actor, locale),
      services.events.myEvents(actor, locale),
    ]);
    const body = { format: "orbis-personal-data/1", exportedAt: new Date().toISOString(), profile, apiTokens, learning, events };
    return new Response(`${JSON.stringify(body, null, 2)}\n`, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": 'attachment; filename="orbis-my-data.json"',
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    throw toErrorResponse(error);
  }
}
