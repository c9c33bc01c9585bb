import { and, desc, eq, gt } from "drizzle-orm";
import { type Actor, requireActor } from "../shared/actor.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import { parseInput } from "../shared/validation.ts";
import type { IdentityContext } from "./context.ts";
import type { ApiTokenDto, NewApiTokenDto } from "./dto.ts";
import { actorColumns, actorFrom, toApiToken } from "./mapping.ts";
import { apiTokens, roleAssignments, users } from "./schema.ts";
import { newSecret, sha256 } from "./secrets.ts";
import { checkCredentials } from "./sign-in.ts";
import { type ApiTokenInput, apiTokenInput, type SignInInput } from "./validation.ts";

const API_TOKEN_PREFIX = "orbis_";
const DAY_MS = 24 * 60 * 60 * 1000;
/** last_used_at is for people reviewing their tokens; minute precision spares a write per request. */
const LAST_USED_RESOLUTION_MS = 60 * 1000;

export async function authenticateApiToken(ctx: IdentityContext, token: string): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const at = ctx.now();
  const rows = await ctx.db
    .select({ ...actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, scope: apiTokens.scope })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(apiTokens.tokenHash, sha256(token)), gt(apiTokens.expiresAt, at)));
  const [first] = rows;
  if (first && (!first.lastUsedAt || at.getTime() - first.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)) {
    await ctx.db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, first.tokenId));
  }
  const actor = actorFrom(rows);
  return actor && first ? { ...actor, tokenScope: first.scope } : null;
}

/**
 * A token is made by a person signed in (or with their password), never by another token: a
 * leaked token cannot make itself a successor that outlives its revocation.
 */
export async function createApiToken(ctx: IdentityContext, actor: Actor | null, input: ApiTokenInput): Promise<NewApiTokenDto> {
  const { userId, tokenScope } = requireActor(actor);
  if (tokenScope) throw new DomainError("token_scope", 403);
  const data = parseInput(apiTokenInput, input);
  const token = API_TOKEN_PREFIX + newSecret();
  const at = ctx.now();
  const [row] = await ctx.db
    .insert(apiTokens)
    .values({
      userId,
      name: data.name,
      tokenHash: sha256(token),
      scope: data.scope,
      createdAt: at,
      expiresAt: new Date(at.getTime() + data.expiresInDays * DAY_MS),
    })
    .returning();
  if (!row) throw new Error("token insert returned nothing");
  return { ...toApiToken(row), token };
}

/** For scripts: email and password in, a personal token out, under the sign-in limits. */
export async function issueApiToken(ctx: IdentityContext, input: SignInInput & ApiTokenInput): Promise<NewApiTokenDto> {
  const { name, expiresInDays, scope, ...credentials } = input;
  const userId = await checkCredentials(ctx, credentials);
  const actor = actorFrom(
    await ctx.db
      .select(actorColumns)
      .from(users)
      .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(eq(users.id, userId)),
  );
  return createApiToken(ctx, actor, { name, expiresInDays, scope });
}

export async function listApiTokens(ctx: IdentityContext, actor: Actor | null): Promise<ApiTokenDto[]> {
  const { userId } = requireActor(actor);
  const rows = await ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
}

/** Only the owner's tokens: another person's id is "not found", not "forbidden". */
export async function revokeApiToken(ctx: IdentityContext, actor: Actor | null, id: string): Promise<void> {
  const { userId } = requireActor(actor);
  const deleted = isUuid(id)
    ? await ctx.db
        .delete(apiTokens)
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
        .returning({ id: apiTokens.id })
    : [];
  if (deleted.length === 0) throw notFound("token");
}
