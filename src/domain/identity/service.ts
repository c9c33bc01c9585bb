import crypto from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client.ts";
import { defaultLocale, isLocale, type Locale } from "../../i18n/locales.ts";
import type { MessageId } from "../../i18n/messages/index.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { institutionKinds, type OrganisationKind } from "../network/dto.ts";
import { organisations } from "../network/schema.ts";
import type { Outbox } from "../notifications/service.ts";
import { type Actor, isGlobalStaff, type Role, type RoleGrant, requireActor, requireRole, roles } from "../shared/actor.ts";
import { FOREIGN_KEY_VIOLATION, pgErrorOf } from "../shared/db-errors.ts";
import { DomainError, fieldError, forbidden, notFound } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { ApiTokenDto, NewApiTokenDto, ProfileDto, UserDto, UserPage } from "./dto.ts";
import { createInvitedAccounts } from "./invitations.ts";
import { apiTokens, loginFailures, passwordResets, roleAssignments, sessions, users } from "./schema.ts";
import {
  type ApiTokenInput,
  apiTokenInput,
  type CreateUserInput,
  createUserInput,
  type ListUsersInput,
  listUsersInput,
  type ProfileInput,
  passwordResetInput,
  passwordResetRequestInput,
  profileInput,
  type RoleGrantByEmailInput,
  type RoleGrantInput,
  roleGrantByEmailInput,
  roleGrantInput,
  type SignInInput,
  type SignUpInput,
  signInInput,
  signUpInput,
  teamScopeInput,
} from "./validation.ts";

export type IdentityDeps = {
  db: Database;
  /** The reset mail is queued with its token, in one transaction. */
  outbox: Outbox;
  /** Base of the links in emails, e.g. https://orbis.example.org */
  publicUrl: string;
  now?: () => Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RESET_LIFETIME_MINUTES = 60;
const RATE_WINDOW_MS = 15 * 60 * 1000;
/** Per account: enough for typos, too few for guessing. */
const MAX_FAILURES_PER_EMAIL = 5;
/** Per client address: higher, because a whole campus can sit behind one address. */
const MAX_FAILURES_PER_CLIENT = 30;
/** last_used_at is for people reviewing their tokens; minute precision spares a write per request. */
const LAST_USED_RESOLUTION_MS = 60 * 1000;
export const API_TOKEN_PREFIX = "orbis_";
const MAX_TOKEN_LENGTH = 200;

/** Roles that act on the whole network (or nowhere in particular) are held without an organisation. */
const unscopedRoles: ReadonlySet<Role> = new Set(["platform_admin", "secretariat", "learner"]);
/** Course reviewers and translators may serve one organisation or the whole network. */
const eitherScopeRoles: ReadonlySet<Role> = new Set(["reviewer", "translator"]);
/** Roles whose holders may grant some roles to others. */
const grantingRoles: ReadonlySet<Role> = new Set(["platform_admin", "secretariat", "centre_admin", "institution_admin"]);
/** What a scoped administrator may hand out within their own organisation. */
const grantableWithin: Partial<Record<Role, readonly Role[]>> = {
  centre_admin: ["centre_admin", "centre_staff", "author", "reviewer", "translator"],
  institution_admin: ["institution_admin"],
};

/**
 * Where a scoped role makes sense: course and event work happens at centres and the institute
 * (they own courses, programmes and events); nominating staff happens at the institutions whose
 * staff take part.
 */
const contentOwnerKinds: readonly OrganisationKind[] = ["institute", "national_centre", "training_centre"];
const scopeKinds: Partial<Record<Role, readonly OrganisationKind[]>> = {
  centre_admin: contentOwnerKinds,
  centre_staff: contentOwnerKinds,
  author: contentOwnerKinds,
  reviewer: contentOwnerKinds,
  translator: contentOwnerKinds,
  institution_admin: institutionKinds,
};

/** OWASP's minimum for argon2id: 19 MiB of memory, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** A role scoped to an organisation that does not exist is the caller's mistake, not a server fault. */
function unknownOrganisationError(error: unknown, path: string): unknown {
  if (pgErrorOf(error)?.code !== FOREIGN_KEY_VIOLATION) return error;
  return fieldError(path, "error.unknown_organisation");
}

const sha256 = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");
const newSecret = () => crypto.randomBytes(32).toString("base64url");
const isUuid = (value: string) => z.uuid().safeParse(value).success;
const localeOf = (value: string): Locale => (isLocale(value) ? value : defaultLocale);

type Executor = Pick<Database, "select" | "insert" | "update" | "delete">;
type UserRow = typeof users.$inferSelect;
type ActorRow = {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string | null;
  role: string | null;
  organisationId: string | null;
};

const actorColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  timeZone: users.timeZone,
  role: roleAssignments.role,
  organisationId: roleAssignments.organisationId,
};

/** One row per role (a left join), folded into one Actor. */
function actorFrom(rows: ActorRow[]): Actor | null {
  const [first] = rows;
  if (!first) return null;
  return {
    userId: first.id,
    email: first.email,
    name: first.name,
    locale: localeOf(first.locale),
    timeZone: first.timeZone,
    roles: rows.flatMap((row) => (row.role ? [{ role: row.role as Role, organisationId: row.organisationId }] : [])),
  };
}

function toProfile(user: UserRow, roles: RoleGrant[]): ProfileDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: localeOf(user.locale),
    timeZone: user.timeZone,
    roles,
    createdAt: user.createdAt.toISOString(),
  };
}

function toApiToken(row: typeof apiTokens.$inferSelect): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

function fieldFailure(code: "validation_failed" | "duplicate_email", status: number, path: string, messageId: MessageId): DomainError {
  return new DomainError(code, status, {}, [{ path, code, messageId }]);
}

function duplicateEmail(): DomainError {
  return fieldFailure("duplicate_email", 409, "email", "error.duplicate_email");
}

/** Centre and institution roles mean nothing without the organisation they are held in. */
function checkGrantScope(grant: RoleGrant, path: string) {
  const unscoped = unscopedRoles.has(grant.role);
  if (eitherScopeRoles.has(grant.role) || unscoped === (grant.organisationId === null)) return;
  throw fieldFailure(
    "validation_failed",
    400,
    path,
    unscoped ? "identity.field.organisationNotAllowed" : "identity.field.organisationRequired",
  );
}

function mayGrant(actor: Actor, grant: RoleGrant): boolean {
  return actor.roles.some((held) => {
    if (held.organisationId === null) {
      if (held.role === "platform_admin") return true;
      if (held.role === "secretariat") return grant.role !== "platform_admin";
      return false;
    }
    return held.organisationId === grant.organisationId && (grantableWithin[held.role]?.includes(grant.role) ?? false);
  });
}

/** Escapes LIKE wildcards so a search for "50%" means those characters. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createIdentityService(deps: IdentityDeps) {
  const { db, outbox, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());
  let dummyHash: Promise<string> | undefined;

  async function startSession(tx: Executor, userId: string): Promise<string> {
    const token = newSecret();
    const at = now();
    await tx
      .insert(sessions)
      .values({ tokenHash: sha256(token), userId, createdAt: at, expiresAt: new Date(at.getTime() + SESSION_LIFETIME_MS) });
    return token;
  }

  async function rolesOf(tx: Executor, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
    const byUser = new Map<string, RoleGrant[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return byUser;
    const rows = await tx
      .select({ userId: roleAssignments.userId, role: roleAssignments.role, organisationId: roleAssignments.organisationId })
      .from(roleAssignments)
      .where(inArray(roleAssignments.userId, userIds))
      .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.role));
    for (const row of rows) byUser.get(row.userId)?.push({ role: row.role as Role, organisationId: row.organisationId });
    return byUser;
  }

  async function loadUser(tx: Executor, userId: string): Promise<UserDto> {
    const [user] = isUuid(userId) ? await tx.select().from(users).where(eq(users.id, userId)) : [];
    if (!user) throw notFound("user");
    return toProfile(user, (await rolesOf(tx, [user.id])).get(user.id) ?? []);
  }

  /** Inserts the account; a taken address (any letter case) is a 409 on the email field. */
  async function insertUser(
    tx: Executor,
    values: { email: string; name: string; passwordHash: string; locale: Locale; timeZone?: string | null },
  ) {
    const at = now();
    const [user] = await tx
      .insert(users)
      .values({ ...values, createdAt: at, updatedAt: at })
      .onConflictDoNothing()
      .returning();
    if (!user) throw duplicateEmail();
    return user;
  }

  function rateWindow() {
    const at = now().getTime();
    const start = Math.floor(at / RATE_WINDOW_MS) * RATE_WINDOW_MS;
    return { start: new Date(start), minutesLeft: Math.max(1, Math.ceil((start + RATE_WINDOW_MS - at) / 60_000)) };
  }

  function failureKeys(email: string, clientKey: string) {
    const keys = [{ key: `email:${email}`, limit: MAX_FAILURES_PER_EMAIL }];
    if (clientKey) keys.push({ key: `client:${clientKey}`, limit: MAX_FAILURES_PER_CLIENT });
    return keys;
  }

  /**
   * Email and password checked under the sign-in limits; returns the user's id. Unknown addresses
   * cost the same hashing work as known ones, so timing does not tell which accounts exist.
   */
  async function checkCredentials(input: SignInInput): Promise<string> {
    const data = parseInput(signInInput, input);
    const email = data.email.toLowerCase();
    const keys = failureKeys(email, data.clientKey);
    const window = rateWindow();
    const counts = await db
      .select({ key: loginFailures.key, count: loginFailures.count })
      .from(loginFailures)
      .where(
        and(
          inArray(
            loginFailures.key,
            keys.map((k) => k.key),
          ),
          eq(loginFailures.windowStart, window.start),
        ),
      );
    const limited = keys.some(({ key, limit }) => (counts.find((row) => row.key === key)?.count ?? 0) >= limit);
    if (limited) throw new DomainError("rate_limited", 429, { minutes: window.minutesLeft });

    const [user] = await db
      .select({ id: users.id, passwordHash: users.passwordHash })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    dummyHash ??= hash(newSecret(), ARGON2_OPTIONS);
    const matches = await verify(user?.passwordHash ?? (await dummyHash), data.password);
    if (!user || !matches) {
      await recordFailure(keys, window.start);
      throw new DomainError("invalid_credentials", 401);
    }
    await db.delete(loginFailures).where(eq(loginFailures.key, `email:${email}`));
    return user.id;
  }

  async function recordFailure(keys: { key: string }[], windowStart: Date) {
    await db
      .insert(loginFailures)
      .values(keys.map(({ key }) => ({ key, windowStart, count: 1 })))
      .onConflictDoUpdate({ target: [loginFailures.key, loginFailures.windowStart], set: { count: sql`${loginFailures.count} + 1` } });
    // Older windows no longer count; dropping them here keeps the table small without a job.
    await db.delete(loginFailures).where(
      and(
        inArray(
          loginFailures.key,
          keys.map((k) => k.key),
        ),
        lt(loginFailures.windowStart, windowStart),
      ),
    );
  }

  async function authenticateSession(token: string): Promise<Actor | null> {
    const rows = await db
      .select(actorColumns)
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, now())));
    return actorFrom(rows);
  }

  async function authenticateApiToken(token: string): Promise<Actor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const at = now();
    const rows = await db
      .select({ ...actorColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(and(eq(apiTokens.tokenHash, sha256(token)), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, at))));
    const [first] = rows;
    if (first && (!first.lastUsedAt || at.getTime() - first.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)) {
      await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, first.tokenId));
    }
    return actorFrom(rows);
  }

  async function createApiToken(actor: Actor | null, input: ApiTokenInput): Promise<NewApiTokenDto> {
    const { userId } = requireActor(actor);
    const data = parseInput(apiTokenInput, input);
    const token = API_TOKEN_PREFIX + newSecret();
    const at = now();
    const [row] = await db
      .insert(apiTokens)
      .values({
        userId,
        name: data.name,
        tokenHash: sha256(token),
        createdAt: at,
        expiresAt: data.expiresInDays ? new Date(at.getTime() + data.expiresInDays * DAY_MS) : null,
      })
      .returning();
    if (!row) throw new Error("token insert returned nothing");
    return { ...toApiToken(row), token };
  }

  /** A centre role at a university, or an institution role at a centre, is refused by name. */
  async function checkScopeKind(tx: Executor, grant: RoleGrant) {
    const allowed = scopeKinds[grant.role];
    if (!allowed || !grant.organisationId) return;
    const [organisation] = await tx
      .select({ kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, grant.organisationId));
    if (organisation && !allowed.includes(organisation.kind as OrganisationKind))
      throw fieldFailure("validation_failed", 400, "organisationId", "identity.field.roleNotForKind");
  }

  async function grantRole(actor: Actor | null, userId: string, input: RoleGrantInput): Promise<UserDto> {
    const granter = requireActor(actor);
    if (!granter.roles.some((held) => grantingRoles.has(held.role))) throw forbidden();
    const grant = parseInput(roleGrantInput, input);
    checkGrantScope(grant, "organisationId");
    if (!mayGrant(granter, grant)) throw forbidden();
    return db
      .transaction(async (tx) => {
        await loadUser(tx, userId);
        if (grant.organisationId) await checkScopeKind(tx, grant);
        await tx
          .insert(roleAssignments)
          .values({ ...grant, userId, createdAt: now() })
          .onConflictDoNothing();
        return loadUser(tx, userId);
      })
      .catch((error: unknown) => {
        throw unknownOrganisationError(error, "organisationId");
      });
  }

  async function me(actor: Actor | null): Promise<ProfileDto> {
    const { userId } = requireActor(actor);
    return loadUser(db, userId);
  }

  return {
    /** For other modules' writes (an institution nominating its staff): accounts made in the caller's transaction. */
    createInvitedAccounts,

    /** Runs on every request: one query for a session, one more at most each minute for a token. */
    async authenticate(credentials: { bearerToken?: string | undefined; sessionToken?: string | undefined }): Promise<Actor | null> {
      const { bearerToken, sessionToken } = credentials;
      if (bearerToken) return bearerToken.length <= MAX_TOKEN_LENGTH ? authenticateApiToken(bearerToken) : null;
      if (sessionToken) return sessionToken.length <= MAX_TOKEN_LENGTH ? authenticateSession(sessionToken) : null;
      return null;
    },

    async signUp(input: SignUpInput): Promise<{ user: ProfileDto; sessionToken: string }> {
      const data = parseInput(signUpInput, input);
      const passwordHash = await hash(data.password, ARGON2_OPTIONS);
      return db.transaction(async (tx) => {
        const user = await insertUser(tx, {
          email: data.email,
          name: data.name,
          passwordHash,
          locale: data.locale,
          timeZone: data.timeZone ?? null,
        });
        const roles: RoleGrant[] = [{ role: "learner", organisationId: null }];
        await tx.insert(roleAssignments).values(roles.map((grant) => ({ ...grant, userId: user.id, createdAt: now() })));
        return { user: toProfile(user, roles), sessionToken: await startSession(tx, user.id) };
      });
    },

    async signIn(input: SignInInput): Promise<{ sessionToken: string; actor: Actor }> {
      const userId = await checkCredentials(input);
      // Expired sessions of this person go when they come back, so the table does not grow forever.
      await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, now())));
      const sessionToken = await startSession(db, userId);
      const actor = await authenticateSession(sessionToken);
      if (!actor) throw new Error("a fresh session did not authenticate");
      return { sessionToken, actor };
    },

    async signOut(sessionToken: string | null | undefined): Promise<void> {
      if (!sessionToken) return;
      await db.delete(sessions).where(eq(sessions.tokenHash, sha256(sessionToken)));
    },

    /** Says nothing about whether the address has an account; the mail goes only if it does. */
    async requestPasswordReset(input: { email: string; locale: Locale }): Promise<void> {
      const data = parseInput(passwordResetRequestInput, input);
      const [user] = await db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(eq(sql`lower(${users.email})`, data.email));
      if (!user) return;
      const token = newSecret();
      const t = translatorFor(data.locale);
      const link = `${publicUrl}/${data.locale}/reset-password/${token}`;
      // Queued, not sent here: the answer comes as fast for an address with an account as for one
      // without, and a mail server that is down does not turn into an error.
      await db.transaction(async (tx) => {
        await tx
          .insert(passwordResets)
          .values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(now().getTime() + RESET_LIFETIME_MINUTES * 60_000) });
        await outbox.enqueueMail(tx, {
          to: user.email,
          subject: t("identity.email.reset.subject"),
          text: t("identity.email.reset.body", { name: user.name, link, minutes: RESET_LIFETIME_MINUTES }),
        });
      });
      outbox.deliverSoon();
    },

    /** One use per link; every session of the account ends, since one of them may be the reason. */
    async resetPassword(input: { token: string; password: string }): Promise<{ sessionToken: string }> {
      const data = parseInput(passwordResetInput, input);
      const passwordHash = await hash(data.password, ARGON2_OPTIONS);
      return db.transaction(async (tx) => {
        const at = now();
        const [reset] = await tx
          .update(passwordResets)
          .set({ usedAt: at })
          .where(and(eq(passwordResets.tokenHash, sha256(data.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, at)))
          .returning({ userId: passwordResets.userId });
        if (!reset) throw new DomainError("invalid_token", 400);
        await tx.update(users).set({ passwordHash, updatedAt: at }).where(eq(users.id, reset.userId));
        await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
        await tx.delete(passwordResets).where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
        return { sessionToken: await startSession(tx, reset.userId) };
      });
    },

    createApiToken,

    /** For scripts: email and password in, a personal token out, under the sign-in limits. */
    async issueApiToken(input: SignInInput & ApiTokenInput): Promise<NewApiTokenDto> {
      const { name, expiresInDays, ...credentials } = input;
      const userId = await checkCredentials(credentials);
      const actor = actorFrom(
        await db
          .select(actorColumns)
          .from(users)
          .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
          .where(eq(users.id, userId)),
      );
      return createApiToken(actor, { name, expiresInDays });
    },

    async listApiTokens(actor: Actor | null): Promise<ApiTokenDto[]> {
      const { userId } = requireActor(actor);
      const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
      return rows.map(toApiToken);
    },

    /** Only the owner's tokens: another person's id is "not found", not "forbidden". */
    async revokeApiToken(actor: Actor | null, id: string): Promise<void> {
      const { userId } = requireActor(actor);
      const deleted = isUuid(id)
        ? await db
            .delete(apiTokens)
            .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
            .returning({ id: apiTokens.id })
        : [];
      if (deleted.length === 0) throw notFound("token");
    },

    me,

    async updateProfile(actor: Actor | null, input: ProfileInput): Promise<ProfileDto> {
      const { userId } = requireActor(actor);
      const data = parseInput(profileInput, input);
      await db
        .update(users)
        .set({ ...data, updatedAt: now() })
        .where(eq(users.id, userId));
      return loadUser(db, userId);
    },

    /** Privileged, with no actor: for the command line and the demo seed, never for a request. */
    async createUser(input: CreateUserInput): Promise<UserDto> {
      const data = parseInput(createUserInput, input);
      data.roles.forEach((grant, i) => {
        checkGrantScope(grant, `roles.${i}.organisationId`);
      });
      const passwordHash = await hash(data.password, ARGON2_OPTIONS);
      return db
        .transaction(async (tx) => {
          const user = await insertUser(tx, { email: data.email, name: data.name, passwordHash, locale: data.locale });
          if (data.roles.length) {
            await tx
              .insert(roleAssignments)
              .values(data.roles.map((grant) => ({ ...grant, userId: user.id, createdAt: now() })))
              .onConflictDoNothing();
          }
          return loadUser(tx, user.id);
        })
        .catch((error: unknown) => {
          throw unknownOrganisationError(error, "roles");
        });
    },

    async listUsers(actor: Actor | null, input: ListUsersInput = {}): Promise<UserPage> {
      requireRole(actor, ["platform_admin", "secretariat"]);
      const data = parseInput(listUsersInput, input);
      const where: SQL | undefined = data.q
        ? or(ilike(users.name, likePattern(data.q)), ilike(users.email, likePattern(data.q)))
        : undefined;
      const [total] = await db.select({ n: count() }).from(users).where(where);
      const rows = await db.select().from(users).where(where).orderBy(asc(users.name), asc(users.id)).limit(data.limit).offset(data.offset);
      const roles = await rolesOf(
        db,
        rows.map((row) => row.id),
      );
      return { items: rows.map((row) => toProfile(row, roles.get(row.id) ?? [])), total: total?.n ?? 0 };
    },

    grantRole,

    /** Roles the actor may hand out in a scope (an organisation, or null for network-wide roles). */
    async grantableRoles(actor: Actor | null, organisationId: string | null): Promise<Role[]> {
      if (!actor) return [];
      const [organisation] = organisationId
        ? await db.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, organisationId))
        : [];
      return roles.filter((role) => {
        const grant = { role, organisationId };
        const scoped = unscopedRoles.has(role) ? organisationId === null : eitherScopeRoles.has(role) || organisationId !== null;
        const kindFits = !organisation || (scopeKinds[role]?.includes(organisation.kind as OrganisationKind) ?? true);
        return scoped && kindFits && role !== "learner" && mayGrant(actor, grant);
      });
    },

    /**
     * The people holding roles in one scope: an organisation's team, or the network-wide staff
     * (learner, which everyone holds, is left out). For those who may grant roles there.
     */
    async teamOf(actor: Actor | null, organisationId: string | null): Promise<UserDto[]> {
      const viewer = requireActor(actor);
      const scope = parseInput(teamScopeInput, organisationId);
      const allowed =
        isGlobalStaff(viewer) ||
        (scope !== null && viewer.roles.some((held) => held.organisationId === scope && grantableWithin[held.role]));
      if (!allowed) throw forbidden();
      const rows = await db
        .selectDistinct({ user: users })
        .from(users)
        .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
        .where(
          scope === null
            ? and(isNull(roleAssignments.organisationId), ne(roleAssignments.role, "learner"))
            : eq(roleAssignments.organisationId, scope),
        )
        .orderBy(asc(users.name), asc(users.id));
      const held = await rolesOf(
        db,
        rows.map((row) => row.user.id),
      );
      return rows.map(({ user }) => toProfile(user, held.get(user.id) ?? []));
    },

    /** Grants a role to the account with this address; someone without one must sign up first. */
    async grantRoleByEmail(actor: Actor | null, input: RoleGrantByEmailInput): Promise<UserDto> {
      requireActor(actor);
      const { email, ...grant } = parseInput(roleGrantByEmailInput, input);
      const [user] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email));
      if (!user) throw fieldFailure("validation_failed", 400, "email", "identity.field.noAccount");
      return grantRole(actor, user.id, grant);
    },

    async revokeRole(actor: Actor | null, userId: string, input: RoleGrantInput): Promise<UserDto> {
      const granter = requireActor(actor);
      if (!granter.roles.some((held) => grantingRoles.has(held.role))) throw forbidden();
      const grant = parseInput(roleGrantInput, input);
      if (!mayGrant(granter, grant)) throw forbidden();
      return db.transaction(async (tx) => {
        await loadUser(tx, userId);
        const scope =
          grant.organisationId === null ? isNull(roleAssignments.organisationId) : eq(roleAssignments.organisationId, grant.organisationId);
        await tx.delete(roleAssignments).where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.role, grant.role), scope));
        return loadUser(tx, userId);
      });
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
