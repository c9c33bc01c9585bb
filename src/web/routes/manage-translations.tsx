import { Form, Link } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { useCatalogueFormat } from "../components/catalogue-format.ts";
import { SelectField } from "../components/form-fields.tsx";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-translations.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const query = new URL(args.request.url).searchParams;
  const filter = { locale: query.get("language") || undefined, owner: query.get("owner") || undefined };
  try {
    // The filters offer what the unfiltered queue holds, so a choice never empties them.
    const [all, items] = await Promise.all([
      services.translations.queue(actor, {}, locale),
      services.translations.queue(actor, filter, locale),
    ]);
    const owners = new Map(all.map((i) => [i.course.owner.slug, i.course.owner.name]));
    return {
      title: translatorFor(locale)("quality.translations.title"),
      items,
      filter,
      languages: [...new Set(all.map((i) => i.locale))].sort(),
      owners: [...owners].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    };
  } catch (error) {
    throw toErrorResponse(error);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManageTranslations({ loaderData }: Route.ComponentProps) {
  const { items, filter, languages, owners } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useCatalogueFormat();
  return (
    <main id="main" className="page">
      <h1>{t("quality.translations.title")}</h1>
      <p>{t("quality.translations.intro")}</p>
      <Form method="get" className="filters form-grid">
        <SelectField
          name="language"
          label={t("quality.translations.language")}
          emptyLabel={t("quality.translations.all")}
          options={languages.map((l) => ({ value: l, label: names.language(l) }))}
          defaultValue={filter.locale}
        />
        <SelectField
          name="owner"
          label={t("quality.translations.owner")}
          emptyLabel={t("quality.translations.all")}
          options={owners}
          defaultValue={filter.owner}
        />
        <p>
          <button type="submit">{t("quality.translations.filter")}</button>
        </p>
      </Form>
      {items.length === 0 ? (
        <p className="meta">{t("quality.translations.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("quality.translations.course")}</th>
              <th scope="col">{t("quality.translations.language")}</th>
              <th scope="col">{t("quality.translations.progress")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.course.id}-${item.locale}`}>
                <td>
                  <Link to={href(`/manage/courses/${item.course.slug}/translate/${item.locale}`)}>
                    <bdi>{item.course.title}</bdi>
                  </Link>
                  <br />
                  <span className="meta">{item.course.owner.name}</span>
                </td>
                <td>
                  {names.language(item.locale)} <span className="tag">{t(`quality.translationStatus.${item.status}`)}</span>
                </td>
                <td>
                  <progress max={item.total} value={item.counts.ready} aria-hidden="true" />{" "}
                  {t("quality.translations.counts", { ...item.counts, total: item.total })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
