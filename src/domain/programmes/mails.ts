import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import type { Locale } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import type { MailMessage } from "../../infra/mailer.ts";
import { peopleByIds } from "../identity/queries.ts";
import type { IdentityService } from "../identity/service.ts";
import { organisationRefs } from "../network/queries.ts";
import type { ProgrammesContext } from "./context.ts";
import { programmeTitle } from "./mapping.ts";
import type { CohortRow, ProgrammeRow } from "./rows.ts";
import { type nominations, programmeTranslations } from "./schema.ts";

/** The mail the module writes, each in its reader's language, read inside the transaction that queues it. */

type InvitedAccount = Awaited<ReturnType<IdentityService["createInvitedAccounts"]>>[number];

export function cohortLink(ctx: Pick<ProgrammesContext, "publicUrl">, cohort: CohortRow, programme: ProgrammeRow, locale: Locale): string {
  return `${ctx.publicUrl}/${locale}/programmes/${programme.slug}/cohorts/${cohort.id}`;
}

/** The programme's title for each mail's reader, from one read of its texts. */
async function mailTitles(tx: Executor, programme: ProgrammeRow): Promise<(locale: Locale) => string> {
  const texts = await tx.select().from(programmeTranslations).where(eq(programmeTranslations.programmeId, programme.id));
  return (locale) => programmeTitle(programme, texts, locale);
}

/**
 * Each decided person's mail in their own language: a confirmed place, or a kind refusal that
 * names the cohort and says their institution may put them forward for a later one.
 */
export async function decisionMails(
  ctx: ProgrammesContext,
  tx: Executor,
  cohort: CohortRow,
  programme: ProgrammeRow,
  decided: (typeof nominations.$inferSelect)[],
  decision: "approved" | "declined",
): Promise<MailMessage[]> {
  const [people, title] = await Promise.all([
    peopleByIds(
      tx,
      decided.map((n) => n.userId),
    ),
    mailTitles(tx, programme),
  ]);
  const locales = [...new Set([...people.values()].map((p) => p.locale))];
  // The institution is named in each reader's language.
  const institutionNames = new Map(
    await Promise.all(
      locales.map(async (locale) => {
        const refs = await organisationRefs(
          tx,
          decided.map((n) => n.institutionId),
          locale,
        );
        return [locale, refs] as const;
      }),
    ),
  );
  return decided.flatMap((nomination) => {
    const person = people.get(nomination.userId);
    if (!person) return [];
    const t = translatorFor(person.locale);
    const params = { name: person.name, programme: title(person.locale), cohort: cohort.name };
    if (decision === "approved") {
      return [
        {
          to: person.email,
          subject: t("programmes.email.approved.subject", { programme: params.programme }),
          text: t("programmes.email.approved.body", {
            ...params,
            startsOn: cohort.startsOn,
            link: cohortLink(ctx, cohort, programme, person.locale),
          }),
        },
      ];
    }
    return [
      {
        to: person.email,
        subject: t("programmes.email.declined.subject", { programme: params.programme }),
        text: t("programmes.email.declined.body", {
          ...params,
          // A nomination's institution is a foreign key: it is always there.
          institution: institutionNames.get(person.locale)?.get(nomination.institutionId)?.name ?? "",
          link: `${ctx.publicUrl}/${person.locale}/programmes/${programme.slug}`,
        }),
      },
    ];
  });
}

/** Someone the centre took out of a cohort hears it from the centre, with the way back to what they learnt. */
export async function removalMail(
  ctx: ProgrammesContext,
  tx: Executor,
  cohort: CohortRow,
  programme: ProgrammeRow,
  userId: string,
): Promise<MailMessage[]> {
  const [people, title] = await Promise.all([peopleByIds(tx, [userId]), mailTitles(tx, programme)]);
  return [...people.values()].map((person) => {
    const t = translatorFor(person.locale);
    return {
      to: person.email,
      subject: t("programmes.email.removed.subject", { programme: title(person.locale) }),
      text: t("programmes.email.removed.body", {
        name: person.name,
        programme: title(person.locale),
        cohort: cohort.name,
        learningLink: `${ctx.publicUrl}/${person.locale}/learning`,
        link: `${ctx.publicUrl}/${person.locale}/programmes/${programme.slug}`,
      }),
    };
  });
}

/** People invited to an invitation-mode cohort, in the language of whoever invited them. */
export async function invitationMails(
  ctx: ProgrammesContext,
  tx: Executor,
  emails: string[],
  cohort: CohortRow,
  programme: ProgrammeRow,
  locale: Locale,
): Promise<MailMessage[]> {
  const t = translatorFor(locale);
  const title = (await mailTitles(tx, programme))(locale);
  return emails.map((email) => ({
    to: email,
    subject: t("programmes.email.invited.subject", { programme: title }),
    text: t("programmes.email.invited.body", { programme: title, cohort: cohort.name, link: cohortLink(ctx, cohort, programme, locale) }),
  }));
}

/** In the language the accounts were made in: the nominator's, which the people are likely to share. */
export async function nominatedMails(
  ctx: ProgrammesContext,
  tx: Executor,
  accounts: InvitedAccount[],
  cohort: CohortRow,
  programme: ProgrammeRow,
  locale: Locale,
): Promise<MailMessage[]> {
  const t = translatorFor(locale);
  const title = (await mailTitles(tx, programme))(locale);
  return accounts.map((account) => ({
    to: account.email,
    subject: t("programmes.email.nominated.subject", { programme: title }),
    text: t("programmes.email.nominated.body", {
      name: account.name,
      programme: title,
      cohort: cohort.name,
      link: `${ctx.publicUrl}/${locale}/reset-password/${account.token}`,
      cohortLink: cohortLink(ctx, cohort, programme, locale),
    }),
  }));
}
