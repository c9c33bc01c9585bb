import { data } from "react-router";
import { appContext } from "../context.ts";
import type { Route } from "./+types/not-found.ts";

/**
 * Any address no route has: 404. Also where src/http/web.ts sends a refusal decided before any
 * route ran (a 400 for invalid text, a 503 while the database is unavailable), so it is shown in
 * the site's layout, in the reader's language, by the root's error boundary.
 */
export function loader({ context }: Route.LoaderArgs) {
  const { refusal } = context.get(appContext);
  throw data(refusal ? { code: refusal.code } : null, { status: refusal?.status ?? 404 });
}

export default function NotFound() {
  return null;
}
