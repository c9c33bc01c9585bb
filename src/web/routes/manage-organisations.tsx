import { Link } from "react-router";
import { institutionKinds, type OrganisationKind, organisationKinds } from "../../domain/network/dto.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { FilterForm, FilterSearch, FilterSelect } from "../components/filter-form.tsx";
import { useNetworkFormat } from "../components/network-format.ts";
import { Pagination } from "../components/pagination.tsx";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader } from "../components/row-action.tsx";
import { requireSecretariat } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-organisations.ts";

const pageSize = 50;

export async function loader(args: Route.LoaderArgs) {
  const { services, locale } = requireSecretariat(args);
  const query = new URL(args.request.url).searchParams;
  const kind = organisationKinds.find((k) => k === query.get("kind"));
  const q = query.get("q")?.trim().slice(0, 100) || undefined;
  const offset = Math.max(0, Math.min(100_000, Math.trunc(Number(query.get("offset")) || 0)));
  const page = await services.network.listOrganisations({ kind, q, limit: pageSize, offset }, locale);
  return { title: translatorFor(locale)("network.manage.organisations"), page, filters: { kind, q } };
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

const isInstitution = (kind: OrganisationKind) => (institutionKinds as readonly OrganisationKind[]).includes(kind);

export default function Organisations({ loaderData }: Route.ComponentProps) {
  const { page, filters } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useNetworkFormat();
  const editPath = (o: { slug: string; kind: string }) =>
    o.kind === "national_centre" || o.kind === "training_centre" ? `/manage/centres/${o.slug}` : `/manage/organisations/${o.slug}`;
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href("/manage")}>{t("network.manage.title")}</Link>
      </p>
      <h1>{t("network.manage.organisations")}</h1>
      <p>
        <Link className="button" to={href("/manage/organisations/new")}>
          {t("network.manage.newOrganisation")}
        </Link>
      </p>
      <FilterForm
        filtered={Boolean(filters.q || filters.kind)}
        clearHref={href("/manage/organisations")}
        search={<FilterSearch label={t("common.search")} value={filters.q} maxLength={100} />}
      >
        <FilterSelect
          name="kind"
          label={t("network.label.kind")}
          value={filters.kind}
          options={organisationKinds.map((kind) => ({ value: kind, label: names.kind(kind) }))}
        />
      </FilterForm>
      <p role="status">{t("network.manage.organisationCount", { count: page.total })}</p>
      <table className="stacked-table">
        <thead>
          <tr>
            <th scope="col">{t("network.label.name")}</th>
            <th scope="col">{t("network.label.kind")}</th>
            <th scope="col">{t("network.label.country")}</th>
            <ActionsColumnHeader />
          </tr>
        </thead>
        <tbody>
          {page.items.map((organisation) => (
            <tr key={organisation.id}>
              <td data-label={t("network.label.name")}>
                <Link to={href(editPath(organisation))}>{organisation.name}</Link>
              </td>
              <td data-label={t("network.label.kind")}>{names.kind(organisation.kind)}</td>
              <td data-label={t("network.label.country")}>{organisation.country ? names.country(organisation.country) : ""}</td>
              <td>
                {isInstitution(organisation.kind) && (
                  <Link to={href(`/manage/organisations/${organisation.slug}/report`)}>{t("programmes.institutionReport.link")}</Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination total={page.total} limit={page.limit} offset={page.offset} />
    </main>
  );
}
