import type { Executor } from "../../db/client.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { peopleByIds } from "../identity/queries.ts";
import type { QueuedMail } from "../notifications/service.ts";
import { shownText } from "../shared/reader-language.ts";
import type { AwardRow, CertificationRow } from "./rows.ts";
import { textsOf } from "./rows.ts";

export type AwardMailKind = "awarded" | "expiring";

/**
 * Mail about awards, each in its holder's language: the certification's title in it when ready,
 * the date in their zone, and a link to their progress page (where renewal starts).
 */
export async function awardMails(
  db: Executor,
  publicUrl: string,
  kind: AwardMailKind,
  items: readonly { award: AwardRow; certification: CertificationRow }[],
): Promise<QueuedMail[]> {
  const [people, texts] = await Promise.all([
    peopleByIds(
      db,
      items.map((i) => i.award.userId),
    ),
    textsOf(
      db,
      items.map((i) => i.certification.id),
    ),
  ]);
  return items.flatMap(({ award, certification }) => {
    const person = people.get(award.userId);
    if (!person) return [];
    const t = translatorFor(person.locale);
    const title = shownText(texts.get(certification.id) ?? [], person.locale, certification.defaultLocale)?.title ?? certification.slug;
    const until = award.validUntil
      ? new Intl.DateTimeFormat(person.locale, { dateStyle: "long", timeZone: person.timeZone ?? "UTC" }).format(award.validUntil)
      : "";
    const link = `${publicUrl}/${person.locale}/certifications/${certification.slug}`;
    const args = { name: person.name, title, until, link, hasExpiry: award.validUntil ? "yes" : "no" };
    return [
      {
        centreId: certification.ownerOrganisationId,
        to: person.email,
        subject: t(`certifications.email.${kind}.subject`, args),
        text: t(`certifications.email.${kind}.body`, args),
      },
    ];
  });
}
