import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import { isLocale, type Locale } from "../../i18n/locales.ts";
import type { Role } from "../shared/actor.ts";
import { likePattern } from "../shared/sql.ts";
import { roleAssignments, users } from "./schema.ts";
/**
 * The identity module's read API for other modules (docs/decisions/0015-module-shape.md): small
 * functions over an executor (the database or the caller's transaction), answering DTOs.
 */

/** What other modules may know of a person: to name them, write to them in their language and zone. */
export type PersonDto = { id: string; name: string; email: string; locale: Locale; timeZone: string | null };

const toPerson = (row: typeof users.$inferSelect): PersonDto => ({
  id: row.id,
  name: row.name,
  email: row.email,
  locale: isLocale(row.locale) ? row.locale : "en",
  timeZone: row.timeZone,
});

/** People by id. */
export async function peopleByIds(db: Executor, ids: readonly string[]): Promise<Map<string, PersonDto>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db.select().from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, toPerson(row)]));
}

/** People by email address, matched without regard to case; keyed by the address in lower case. */
export async function peopleByEmail(db: Executor, emails: readonly string[]): Promise<Map<string, PersonDto>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (!wanted.length) return new Map();
  const rows = await db
    .select()
    .from(users)
    .where(inArray(sql`lower(${users.email})`, wanted));
  return new Map(rows.map((row) => [row.email.toLowerCase(), toPerson(row)]));
}

/** SQL for the name of the person in this column, to sort another module's rows by it (a cohort's participants). */
export function personNameOf(column: AnyPgColumn): SQL<string> {
  return sql<string>`(select ${users.name} from ${users} where ${users.id} = ${column})`;
}

/** People holding one of these roles at this organisation (global roles not counted): the catalogue mails a course's owner team. */
export async function peopleWithRoleAt(db: Executor, organisationId: string, roles: readonly Role[]): Promise<PersonDto[]> {
  if (!roles.length) return [];
  const rows = await db
    .selectDistinct({ user: users })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(roleAssignments.organisationId, organisationId), inArray(roleAssignments.role, [...roles])));
  return rows.map((row) => toPerson(row.user));
}

/** SQL for "the person in this column has this text in their name or email", to search another module's rows by person. */
export function personNameOrEmailContains(column: AnyPgColumn, text: string): SQL {
  const pattern = likePattern(text);
  return sql`${column} in (select ${users.id} from ${users} where ${users.name} ilike ${pattern} or ${users.email} ilike ${pattern})`;
}
