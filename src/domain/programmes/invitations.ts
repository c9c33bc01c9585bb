import type { Locale } from "../../i18n/locales.ts";
import type { Actor } from "../shared/actor.ts";
import { fieldConflict } from "../shared/errors.ts";
import { parseInput } from "../shared/validation.ts";
import type { ProgrammesContext } from "./context.ts";
import type { InvitationResultDto } from "./dto.ts";
import { invitationMails } from "./mails.ts";
import { managedCohort } from "./rows.ts";
import { cohortInvitations } from "./schema.ts";
import { invitationInputSchema } from "./validation.ts";

/**
 * Invites people by email to an invitation-mode cohort; each new address gets a mail with the
 * cohort's link, in the language of whoever invites them. Inviting an address again sends nothing.
 */
export async function invite(
  ctx: ProgrammesContext,
  actor: Actor | null,
  cohortId: string,
  input: unknown,
  locale: Locale,
): Promise<InvitationResultDto> {
  const { cohort, programme } = await managedCohort(ctx.db, actor, cohortId);
  const data = parseInput(invitationInputSchema, input);
  if (cohort.enrolmentMode !== "invitation") throw fieldConflict("emails", "programmes.error.notInvitation");
  const emails = [...new Set(data.emails)];
  const added = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .insert(cohortInvitations)
      .values(emails.map((email) => ({ cohortId: cohort.id, email, invitedById: actor!.userId, invitedAt: ctx.now() })))
      .onConflictDoNothing()
      .returning({ email: cohortInvitations.email });
    await ctx.outbox.enqueueMail(
      tx,
      await invitationMails(
        ctx,
        tx,
        rows.map((r) => r.email),
        cohort,
        programme,
        locale,
      ),
    );
    return rows;
  });
  if (added.length) ctx.outbox.deliverSoon();
  return { invited: added.length };
}
