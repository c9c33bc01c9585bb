import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import type { RoleGrant } from "../shared/actor.ts";
import { notFound } from "../shared/errors.ts";
import { isUuid } from "../shared/ids.ts";
import type { UserDto } from "./dto.ts";
import { duplicateEmail } from "./errors.ts";
import { toProfile } from "./mapping.ts";
import { roleAssignments, users } from "./schema.ts";

/** The roles of each of these people, in the order they were granted. */
export async function rolesOf(tx: Executor, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
  const byUser = new Map<string, RoleGrant[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await tx
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, organisationId: roleAssignments.organisationId })
    .from(roleAssignments)
    .where(inArray(roleAssignments.userId, userIds))
    .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.role));
  for (const row of rows) byUser.get(row.userId)?.push({ role: row.role, organisationId: row.organisationId });
  return byUser;
}

/** A user with their roles; 404 when there is none (or the id is malformed). */
export async function loadUser(tx: Executor, userId: string): Promise<UserDto> {
  const [user] = isUuid(userId) ? await tx.select().from(users).where(eq(users.id, userId)) : [];
  if (!user) throw notFound("user");
  return toProfile(user, (await rolesOf(tx, [user.id])).get(user.id) ?? []);
}

/** Inserts the account; a taken address (any letter case) is a 409 on the email field. */
export async function insertUser(
  tx: Executor,
  values: { email: string; name: string; passwordHash: string; locale: Locale; timeZone?: string | null; emailVerifiedAt?: Date | null },
  at: Date,
) {
  const [user] = await tx
    .insert(users)
    .values({ ...values, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning();
  if (!user) throw duplicateEmail();
  return user;
}

/** Grants roles to a new account (already checked), in its transaction. */
export async function insertRoles(tx: Executor, userId: string, grants: readonly RoleGrant[], at: Date) {
  if (!grants.length) return;
  await tx
    .insert(roleAssignments)
    .values(grants.map((grant) => ({ ...grant, userId, createdAt: at })))
    .onConflictDoNothing();
}
