import type { Actor } from "../shared/actor.ts";
import type { IdentityContext } from "./context.ts";
import { authenticateSession } from "./sessions.ts";
import { authenticateApiToken } from "./tokens.ts";

/** Longer credentials are not ours: refused without a query. */
const MAX_TOKEN_LENGTH = 200;

/** Runs on every request: one query for a session, one more at most each minute for a token. */
export async function authenticate(
  ctx: IdentityContext,
  credentials: { bearerToken?: string | undefined; sessionToken?: string | undefined },
): Promise<Actor | null> {
  const { bearerToken, sessionToken } = credentials;
  if (bearerToken) return bearerToken.length <= MAX_TOKEN_LENGTH ? authenticateApiToken(ctx, bearerToken) : null;
  if (sessionToken) return sessionToken.length <= MAX_TOKEN_LENGTH ? authenticateSession(ctx, sessionToken) : null;
  return null;
}
