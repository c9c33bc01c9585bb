import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client.ts";
import { type Locale, locales } from "../../../i18n/locales.ts";
import { translatorFor } from "../../../i18n/translator.server.ts";
import type { MailMessage } from "../../../infra/mailer.ts";
import { peopleWithRoleAt } from "../../identity/queries.ts";
import type { ReviewContext } from "../context.ts";
import type { ReviewDecision } from "../dto.ts";
import { shownTitles } from "../mapping.ts";
import { courses } from "../schema.ts";
import type { Decided } from "./publish.ts";

type Compose = (
  t: ReturnType<typeof translatorFor>,
  course: { title: string; url: string; version: number; locale: Locale },
) => { subject: string; text: string };

/**
 * A short message to each of the owner's authors and centre admins in their own language, for
 * the caller to queue in the transaction of the change: a review that rolls back tells nobody,
 * and a mail server that fails does not undo one.
 */
async function ownerMails(ctx: ReviewContext, tx: Executor, courseId: string, compose: Compose): Promise<MailMessage[]> {
  const [course] = await tx.select().from(courses).where(eq(courses.id, courseId));
  if (!course) return [];
  const recipients = await peopleWithRoleAt(tx, course.ownerOrganisationId, ["author", "centre_admin"]);
  const mails: MailMessage[] = [];
  for (const recipient of recipients) {
    const locale = recipient.locale;
    const title = (await shownTitles(tx, [courseId], locale)).get(courseId) ?? course.slug;
    const url = `${ctx.publicUrl}/${locale}/manage/courses/${course.slug}/review`;
    mails.push({ to: recipient.email, ...compose(translatorFor(locale), { title, url, version: course.version, locale }) });
  }
  return mails;
}

/** The owner told of the decision; with an approval, the owners of its adaptations too. */
export async function reviewMails(
  ctx: ReviewContext,
  tx: Executor,
  outcome: Pick<Decided, "courseId"> & { adaptations: { id: string }[] },
  decision: { decision: ReviewDecision; comment: string },
): Promise<MailMessage[]> {
  const mails = await ownerMails(ctx, tx, outcome.courseId, (t, c) =>
    decision.decision === "approved"
      ? { subject: t("quality.mail.approvedSubject", { title: c.title }), text: t("quality.mail.approvedText", c) }
      : {
          subject: t("quality.mail.returnedSubject", { title: c.title }),
          text: t("quality.mail.returnedText", { ...c, comment: decision.comment }),
        },
  );
  // The source's title as each recipient would read it.
  const sourceTitles = new Map<Locale, string>();
  if (outcome.adaptations.length) {
    for (const l of locales) sourceTitles.set(l, (await shownTitles(tx, [outcome.courseId], l)).get(outcome.courseId) ?? "");
  }
  for (const adaptation of outcome.adaptations) {
    mails.push(
      ...(await ownerMails(ctx, tx, adaptation.id, (t, c) => ({
        subject: t("quality.mail.sourceUpdatedSubject", { title: sourceTitles.get(c.locale) ?? "" }),
        text: t("quality.mail.sourceUpdatedText", { ...c, source: sourceTitles.get(c.locale) ?? "" }),
      }))),
    );
  }
  return mails;
}
