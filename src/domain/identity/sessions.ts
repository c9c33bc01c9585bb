import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Actor } from "../shared/actor.ts";
import type { IdentityContext } from "./context.ts";
import { actorColumns, actorFrom } from "./mapping.ts";
import { roleAssignments, sessions, users } from "./schema.ts";
import { newSecret, sha256 } from "./secrets.ts";

const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** A new browser session for the user; the cookie value is returned, only its hash is stored. */
export async function startSession(ctx: IdentityContext, tx: Executor, userId: string): Promise<string> {
  const token = newSecret();
  const at = ctx.now();
  await tx
    .insert(sessions)
    .values({ tokenHash: sha256(token), userId, createdAt: at, expiresAt: new Date(at.getTime() + SESSION_LIFETIME_MS) });
  return token;
}

export async function authenticateSession(ctx: IdentityContext, token: string): Promise<Actor | null> {
  const rows = await ctx.db
    .select(actorColumns)
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, ctx.now())));
  return actorFrom(rows);
}

export async function signOut(ctx: IdentityContext, sessionToken: string | null | undefined): Promise<void> {
  if (!sessionToken) return;
  await ctx.db.delete(sessions).where(eq(sessions.tokenHash, sha256(sessionToken)));
}
