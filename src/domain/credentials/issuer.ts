import type { Executor } from "../../db/client.ts";
import { isLocale } from "../../i18n/locales.ts";
import { organisationRefs } from "../network/queries.ts";
import { notFound } from "../shared/errors.ts";
import type { CredentialsContext } from "./context.ts";
import { organisationDid, rootDid } from "./did.ts";
import { activeKey, type SigningKey } from "./keys.ts";

export type Issuer = { organisationId: string; slug: string; name: string; did: string };

/** An organisation as an issuer: its DID and its name in the language asked for. */
export async function issuerOf(
  ctx: Pick<CredentialsContext, "publicUrl">,
  db: Executor,
  organisationId: string,
  language = "en",
): Promise<Issuer> {
  const org = (await organisationRefs(db, [organisationId], isLocale(language) ? language : "en")).get(organisationId);
  if (!org) throw notFound("organisation");
  // The institute (the secretariat) is the site itself: it signs as did:web:<host>.
  const did = org.kind === "institute" ? rootDid(ctx.publicUrl) : organisationDid(ctx.publicUrl, org.slug);
  return { organisationId, slug: org.slug, name: org.name, did };
}

/** The issuer with its current signing key. */
export async function signerOf(
  ctx: Pick<CredentialsContext, "publicUrl" | "keySecret" | "now">,
  tx: Executor,
  organisationId: string,
  language?: string,
): Promise<Issuer & { key: SigningKey }> {
  const issuer = await issuerOf(ctx, tx, organisationId, language);
  return { ...issuer, key: await activeKey(ctx, tx, organisationId) };
}
