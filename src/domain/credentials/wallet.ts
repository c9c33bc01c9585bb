import { desc, eq } from "drizzle-orm";
import { type Locale, pickLocalised } from "../../i18n/locales.ts";
import { organisationRefs } from "../network/queries.ts";
import type { Actor } from "../shared/actor.ts";
import { requireActor } from "../shared/actor.ts";
import { forbidden, notFound } from "../shared/errors.ts";
import type { CredentialsContext } from "./context.ts";
import { organisationDid, rootDid } from "./did.ts";
import type { CredentialSummary } from "./dto.ts";
import { can } from "./permissions.ts";
import { credentials } from "./schema.ts";

type Row = typeof credentials.$inferSelect;

async function summaries(ctx: CredentialsContext, rows: Row[], locale: Locale): Promise<CredentialSummary[]> {
  const orgs = await organisationRefs(
    ctx.db,
    rows.map((r) => r.issuerOrganisationId),
    locale,
  );
  return rows.map((row) => {
    const org = orgs.get(row.issuerOrganisationId);
    const did = org?.kind === "institute" ? rootDid(ctx.publicUrl) : organisationDid(ctx.publicUrl, org?.slug ?? "");
    return {
      id: row.id,
      name: pickLocalised(row.name, locale, row.achievementKey),
      achievementType: row.achievementType,
      issuer: { id: row.issuerOrganisationId, name: org?.name ?? "", did },
      recipientUserId: row.recipientUserId,
      validFrom: row.validFrom.toISOString(),
      validUntil: row.validUntil?.toISOString() ?? null,
      issuedAt: row.issuedAt.toISOString(),
      revoked: row.revoked,
      suspended: row.suspended,
      statusReason: row.statusReason,
      public: row.public,
      url: `${ctx.publicUrl}/credentials/${row.id}`,
    };
  });
}

/** The signed-in person's credentials, newest first (their wallet). */
export async function myCredentials(ctx: CredentialsContext, actor: Actor | null, locale: Locale): Promise<CredentialSummary[]> {
  const who = requireActor(actor);
  const rows = await ctx.db
    .select()
    .from(credentials)
    .where(eq(credentials.recipientUserId, who.userId))
    .orderBy(desc(credentials.issuedAt));
  return summaries(ctx, rows, locale);
}

async function row(ctx: CredentialsContext, credentialId: string): Promise<Row> {
  const [found] = /^[0-9a-f-]{36}$/.test(credentialId)
    ? await ctx.db.select().from(credentials).where(eq(credentials.id, credentialId))
    : [];
  if (!found) throw notFound("credential");
  return found;
}

/**
 * One credential with its signed document: for its holder, for staff of the issuer, and for
 * anyone once the holder made it public (others hear "not found", not "forbidden").
 */
export async function getCredential(ctx: CredentialsContext, actor: Actor | null, credentialId: string, locale: Locale) {
  const found = await row(ctx, credentialId);
  const holder = actor?.userId === found.recipientUserId;
  const staff = can(actor, "credential.view", found.issuerOrganisationId);
  if (!found.public && !holder && !staff) throw notFound("credential");
  const [summary] = await summaries(ctx, [found], locale);
  if (!summary) throw notFound("credential");
  return { ...summary, document: found.document, holder, mayManage: can(actor, "credential.manage", found.issuerOrganisationId) };
}

/** The holder shows or hides their credential's public page. */
export async function setPublic(ctx: CredentialsContext, actor: Actor | null, credentialId: string, visible: boolean): Promise<void> {
  const who = requireActor(actor);
  const found = await row(ctx, credentialId);
  if (found.recipientUserId !== who.userId) throw forbidden();
  await ctx.db.update(credentials).set({ public: visible }).where(eq(credentials.id, credentialId));
}
