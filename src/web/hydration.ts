import type { UIMatch } from "react-router";

/**
 * A route that needs JavaScript in the browser says so with `export const handle = { hydrate: true }`.
 * Every other page is sent as HTML and CSS only: its links and forms work without script, and a
 * first visit on a slow line downloads a few kilobytes instead of the React runtime.
 */
export type RouteHandle = { hydrate?: boolean };

export function wantsScripts(matches: UIMatch[]): boolean {
  return matches.some((match) => (match.handle as RouteHandle | undefined)?.hydrate === true);
}
