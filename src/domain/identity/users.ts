import { asc, count, ilike, or, type SQL } from "drizzle-orm";
import type { Actor } from "../shared/actor.ts";
import { likePattern } from "../shared/sql.ts";
import { parseInput } from "../shared/validation.ts";
import type { IdentityContext } from "./context.ts";
import type { UserDto, UserPage } from "./dto.ts";
import { unknownOrganisationError } from "./errors.ts";
import { checkGrantScope } from "./grants.ts";
import { toProfile } from "./mapping.ts";
import { requireAccess } from "./permissions.ts";
import { insertRoles, insertUser, loadUser, rolesOf } from "./rows.ts";
import { users } from "./schema.ts";
import { hashPassword } from "./secrets.ts";
import { type CreateUserInput, createUserInput, type ListUsersInput, listUsersInput } from "./validation.ts";

/** Privileged, with no actor: for the command line and the demo seed, never for a request. */
export async function createUser(ctx: IdentityContext, input: CreateUserInput): Promise<UserDto> {
  const data = parseInput(createUserInput, input);
  data.roles.forEach((grant, i) => {
    checkGrantScope(grant, `roles.${i}.organisationId`);
  });
  const passwordHash = await hashPassword(data.password);
  return ctx.db
    .transaction(async (tx) => {
      const at = ctx.now();
      // Made by whoever runs the command line or the seed, who vouches for the address.
      const user = await insertUser(tx, { email: data.email, name: data.name, passwordHash, locale: data.locale, emailVerifiedAt: at }, at);
      await insertRoles(tx, user.id, data.roles, at);
      return loadUser(tx, user.id);
    })
    .catch((error: unknown) => {
      throw unknownOrganisationError(error, "roles");
    });
}

export async function listUsers(ctx: IdentityContext, actor: Actor | null, input: ListUsersInput = {}): Promise<UserPage> {
  requireAccess(actor, "user.list");
  const data = parseInput(listUsersInput, input);
  const where: SQL | undefined = data.q ? or(ilike(users.name, likePattern(data.q)), ilike(users.email, likePattern(data.q))) : undefined;
  const [total] = await ctx.db.select({ n: count() }).from(users).where(where);
  const rows = await ctx.db.select().from(users).where(where).orderBy(asc(users.name), asc(users.id)).limit(data.limit).offset(data.offset);
  const roles = await rolesOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => toProfile(row, roles.get(row.id) ?? [])), total: total?.n ?? 0 };
}
