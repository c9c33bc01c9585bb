import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../identity/schema.ts";
import { organisations } from "../network/schema.ts";

/**
 * An organisation's Ed25519 signing keys. The private key is stored only encrypted (AES-256-GCM
 * under the secret from configuration); a rotated key keeps its row, retired, so its verification
 * method stays in the DID document and what it signed still verifies.
 */
export const credentialKeys = pgTable(
  "credential_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    /** Multikey encoding of the public key (`z6Mk...`), also the fragment of its verification method. */
    publicKeyMultibase: text().notNull().unique(),
    /** `v1.<iv>.<tag>.<ciphertext>` (base64url) of the 32-byte seed. */
    encryptedPrivateKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // One signing key at a time per organisation; concurrent first issues race on this index.
    uniqueIndex("credential_keys_active_unique").on(t.organisationId).where(sql`${t.retiredAt} is null`),
  ],
);

/**
 * A pair of Bitstring Status Lists of one organisation (revocation and suspension share the
 * index a credential is given). The signed list credentials are kept and re-signed on change.
 */
export const credentialStatusLists = pgTable(
  "credential_status_lists",
  {
    id: uuid().primaryKey().defaultRandom(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    size: integer().notNull(),
    nextIndex: integer().notNull().default(0),
    revocationCredential: jsonb().$type<Record<string, unknown>>(),
    suspensionCredential: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("credential_status_lists_org_idx").on(t.organisationId), check("credential_status_lists_size", sql`${t.size} >= 131072`)],
);

/** An issued credential: the signed document as issued, its status and who may see it. */
export const credentials = pgTable(
  "credentials",
  {
    id: uuid().primaryKey(),
    /** Idempotency: "course:<courseId>:<userId>", "certification-award:<awardId>". */
    sourceKey: text().notNull(),
    issuerOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    recipientUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    achievementKey: text().notNull(),
    achievementType: text().notNull(),
    /** The achievement's name by language, for lists without parsing the document. */
    name: jsonb().$type<Record<string, string>>().notNull(),
    document: jsonb().$type<Record<string, unknown>>().notNull(),
    statusListId: uuid()
      .notNull()
      .references(() => credentialStatusLists.id, { onDelete: "restrict" }),
    statusIndex: integer().notNull(),
    revoked: boolean().notNull().default(false),
    suspended: boolean().notNull().default(false),
    statusReason: text(),
    statusChangedAt: timestamp({ withTimezone: true }),
    public: boolean().notNull().default(false),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validUntil: timestamp({ withTimezone: true }),
    issuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("credentials_source_key_unique").on(t.sourceKey),
    unique("credentials_status_slot_unique").on(t.statusListId, t.statusIndex),
    index("credentials_recipient_idx").on(t.recipientUserId),
    index("credentials_issuer_idx").on(t.issuerOrganisationId),
  ],
);

/** Where a background job that issues credentials got to (the course-completion scan). */
export const credentialJobCursors = pgTable("credential_job_cursors", {
  job: text().primaryKey(),
  completedAt: timestamp({ withTimezone: true }).notNull(),
  enrolmentId: uuid().notNull(),
});
