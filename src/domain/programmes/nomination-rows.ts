import { and, count, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor, Transaction } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { type PersonDto, peopleByEmail } from "../identity/queries.ts";
import { type Actor, requireActor } from "../shared/actor.ts";
import { fieldConflict, fieldError, forbidden } from "../shared/errors.ts";
import { rowsOf } from "../shared/sql.ts";
import { emailSchema, nameSchema } from "../shared/validation.ts";
import type { ProgrammesContext } from "./context.ts";
import type { NominationConfirmationDto, NominationPreviewRowDto, NominationProblem, QuotaDto } from "./dto.ts";
import { nominatedMails } from "./mails.ts";
import type { NominationFileRow } from "./nomination-file.ts";
import { can, organisationsWith, requireAccess } from "./permissions.ts";
import { type CohortRow, lockCohort, type ProgrammeRow, visibleCohort } from "./rows.ts";
import { cohortParticipants, nominations } from "./schema.ts";

/** Putting people forward for a cohort, one through a form or thousands from a file: the rules both follow. */

const isEmail = (value: string) => emailSchema.safeParse(value).success;

/** The institution a nomination is made for: the one named, or the nominator's only one. */
export function nominatingFor(actor: Actor, institutionId: string | undefined): string {
  const own = organisationsWith(actor, "nomination.submit");
  if (!can(actor, "nomination.submit", null) && own.length === 0) throw forbidden();
  const chosen = institutionId ?? (own.length === 1 ? own[0] : undefined);
  if (!chosen) throw fieldError("institutionId", "programmes.field.institutionRequired");
  requireAccess(actor, "nomination.submit", chosen);
  return chosen;
}

/** Nominations are for nomination-mode cohorts, while they are planned or open. */
function requireNominationsOpen(cohort: CohortRow) {
  if (cohort.enrolmentMode !== "nomination") throw fieldConflict("cohort", "programmes.error.notNomination");
  if (cohort.status !== "open" && cohort.status !== "planned") throw fieldConflict("cohort", "programmes.error.notOpen");
}

/** A cohort the signed-in actor may see that takes nominations now. */
export async function nominationCohort(db: Executor, actor: Actor | null, cohortId: string) {
  requireActor(actor);
  const found = await visibleCohort(db, actor, cohortId);
  requireNominationsOpen(found.cohort);
  return found;
}

async function quotaOf(db: Executor, cohort: CohortRow, institutionId: string): Promise<QuotaDto | null> {
  if (cohort.institutionQuota === null) return null;
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(nominations)
    .where(
      and(
        eq(nominations.cohortId, cohort.id),
        eq(nominations.institutionId, institutionId),
        // A place given up frees the institution's quota for someone else.
        notInArray(nominations.status, ["declined", "withdrawn"]),
      ),
    );
  return { limit: cohort.institutionQuota, used: n, left: Math.max(0, cohort.institutionQuota - n) };
}

export type CheckedRows = { rows: NominationPreviewRowDto[]; quota: QuotaDto | null; accounts: Map<string, PersonDto> };

/**
 * Judges every row against the file itself and the database, with one query per kind of
 * check whatever the number of rows: accounts, nominations and participants by address.
 */
export async function checkRows(db: Executor, cohort: CohortRow, institutionId: string, rows: NominationFileRow[]): Promise<CheckedRows> {
  const emails = rows.map((r) => r.email.toLowerCase()).filter(isEmail);
  const [accounts, quota] = await Promise.all([peopleByEmail(db, emails), quotaOf(db, cohort, institutionId)]);
  const userIds = [...accounts.values()].map((a) => a.id);
  const [nominated, enrolled] = userIds.length
    ? await Promise.all([
        db
          .select({ userId: nominations.userId })
          .from(nominations)
          .where(and(eq(nominations.cohortId, cohort.id), inArray(nominations.userId, userIds))),
        db
          .select({ userId: cohortParticipants.userId })
          .from(cohortParticipants)
          .where(and(eq(cohortParticipants.cohortId, cohort.id), inArray(cohortParticipants.userId, userIds))),
      ])
    : [[], []];
  const nominatedIds = new Set(nominated.map((r) => r.userId));
  const enrolledIds = new Set(enrolled.map((r) => r.userId));
  const seen = new Set<string>();
  let room = quota ? quota.left : Number.POSITIVE_INFINITY;
  const checked = rows.map((row): NominationPreviewRowDto => {
    const email = row.email.toLowerCase();
    const problems: NominationProblem[] = [];
    if (!row.name) problems.push("missing_name");
    else if (!nameSchema.safeParse(row.name).success) problems.push("name_too_long");
    const validEmail = isEmail(email);
    if (!validEmail) problems.push("invalid_email");
    else if (seen.has(email)) problems.push("duplicate_in_file");
    seen.add(email);
    const account = validEmail ? accounts.get(email) : undefined;
    if (account && enrolledIds.has(account.id)) problems.push("already_enrolled");
    else if (account && nominatedIds.has(account.id)) problems.push("already_nominated");
    if (problems.length === 0) {
      if (room <= 0) problems.push("over_quota");
      else room--;
    }
    return { ...row, email: validEmail ? email : row.email, problems, hasAccount: !!account };
  });
  return { rows: checked, quota, accounts };
}

/** Inserts pending nominations, the columns as array parameters (unnest): thousands of rows about three times faster than VALUES. */
async function insertNominations(
  tx: Transaction,
  nomination: { cohortId: string; institutionId: string; nominatedById: string; at: Date },
  people: { userId: string; department: string; jobTitle: string }[],
): Promise<string[]> {
  if (!people.length) return [];
  const inserted = rowsOf<{ id: string }>(
    await tx.execute(sql`
      insert into ${nominations} (cohort_id, user_id, institution_id, department, job_title, nominated_by_id, created_at)
      select ${nomination.cohortId}::uuid, v.user_id, ${nomination.institutionId}::uuid, v.department, v.job_title,
        ${nomination.nominatedById}::uuid, ${nomination.at}::timestamptz
      from unnest(
        ${sql.param(people.map((p) => p.userId))}::uuid[],
        ${sql.param(people.map((p) => p.department))}::text[],
        ${sql.param(people.map((p) => p.jobTitle))}::text[]
      ) as v(user_id, department, job_title)
      on conflict do nothing
      returning id`),
  );
  return inserted.map((r) => r.id);
}

/**
 * Saves the valid rows as pending nominations, making accounts for new addresses (each is sent
 * a link to set a password), all in one transaction with the invitations' mail; the rows with
 * problems are left out. The rows are judged under the cohort's lock, against its row as it is
 * then, so nominations made at the same time cannot together pass the quota.
 */
export async function saveNominations(
  ctx: ProgrammesContext,
  actor: Actor,
  target: { cohortId: string; programme: ProgrammeRow; institutionId: string },
  rows: NominationFileRow[],
  locale: Locale,
): Promise<NominationConfirmationDto & { ids: string[]; rows: NominationPreviewRowDto[] }> {
  const { institutionId, programme } = target;
  const result = await ctx.db.transaction(async (tx) => {
    const cohort = await lockCohort(tx, target.cohortId);
    requireNominationsOpen(cohort);
    const checked = await checkRows(tx, cohort, institutionId, rows);
    const valid = checked.rows.filter((r) => r.problems.length === 0);
    const fresh = valid.filter((r) => !checked.accounts.has(r.email));
    const at = ctx.now();
    const invited = await ctx.identity.createInvitedAccounts(
      tx,
      fresh.map((r) => ({ email: r.email, name: r.name })),
      { locale, now: at },
    );
    const accountIds = new Map([...checked.accounts].map(([email, person]) => [email, person.id]));
    for (const account of invited) accountIds.set(account.email.toLowerCase(), account.userId);
    // A concurrent sign-up may have taken an address between the check and the insert.
    const late = fresh.filter((r) => !accountIds.has(r.email));
    for (const [email, person] of await peopleByEmail(
      tx,
      late.map((r) => r.email),
    ))
      accountIds.set(email, person.id);
    const people = valid.flatMap((r) => {
      const userId = accountIds.get(r.email);
      return userId ? [{ userId, department: r.department.slice(0, 200), jobTitle: r.jobTitle.slice(0, 200) }] : [];
    });
    const ids = await insertNominations(tx, { cohortId: cohort.id, institutionId, nominatedById: actor.userId, at }, people);
    if (invited.length) await ctx.outbox.enqueueMail(tx, await nominatedMails(ctx, tx, invited, cohort, programme, locale));
    return { nominated: ids.length, accountsCreated: invited.length, skipped: rows.length - ids.length, ids, rows: checked.rows };
  });
  if (result.accountsCreated) ctx.outbox.deliverSoon();
  return result;
}
