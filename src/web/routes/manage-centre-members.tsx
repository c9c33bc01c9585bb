import { Form, Link, redirect } from "react-router";
import { isolate } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField, TextField } from "../components/form-fields.tsx";
import { useNetworkFormat } from "../components/network-format.ts";
import { toErrorResponse } from "../components/route-errors.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { ActionsColumnHeader, RowActionError, RowActionForm } from "../components/row-action.tsx";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { countryOptions, organisationOptions } from "../components/staff-options.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-centre-members.ts";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const centre = await services.network.getCentre(args.params.slug, locale).catch((error) => {
    throw toErrorResponse(error);
  });
  if (!services.network.canManageCentre(actor, centre.id)) throw forbiddenPage();
  const memberIds = new Set(centre.members.map((m) => m.organisation.id));
  const organisations = await organisationOptions(services, locale);
  return {
    title: translatorFor(locale)("network.members.title", { name: centre.name }),
    centre: { slug: centre.slug, name: centre.name, country: centre.country, members: centre.members },
    candidates: organisations.filter((o) => !memberIds.has(o.value)),
    countries: countryOptions(locale),
  };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();
const optional = (value: string) => value || undefined;

/** Three forms post here: add an existing institution, create a university and add it, remove one. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const slug = args.params.slug;
  const form = await args.request.formData();
  const intent = text(form, "intent");
  const values = {
    organisationId: text(form, "organisationId"),
    name: text(form, "name"),
    country: text(form, "country"),
    city: text(form, "city"),
    website: text(form, "website"),
    joinedOn: text(form, "joinedOn"),
    agreement: text(form, "agreement"),
  };
  const membership = { joinedOn: optional(values.joinedOn), agreement: optional(values.agreement) };
  try {
    if (intent === "remove") {
      await services.network.removeMember(actor, slug, text(form, "organisation"));
    } else if (intent === "create") {
      const university = await services.network.createOrganisation(
        actor,
        {
          kind: "university",
          name: values.name,
          country: optional(values.country),
          city: optional(values.city),
          website: optional(values.website),
        },
        locale,
      );
      await services.network.addMember(actor, slug, { organisationId: university.id, ...membership }, locale);
    } else {
      await services.network.addMember(actor, slug, { organisationId: values.organisationId, ...membership }, locale);
    }
  } catch (error) {
    return failureWithValues(error, locale, values, intent);
  }
  return redirect(`/${locale}/manage/centres/${slug}/members`);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function Members({ loaderData, actionData }: Route.ComponentProps) {
  const { centre, candidates, countries } = loaderData;
  const t = useT();
  const href = useHref();
  const names = useNetworkFormat();
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : undefined);
  const add = failed("add");
  const create = failed("create");
  const remove = failed("remove");
  const membershipLabels = { joinedOn: t("network.label.joined"), agreement: t("network.label.agreement") };

  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to={href(`/manage/centres/${centre.slug}`)}>{centre.name}</Link>
      </p>
      <h1>{t("network.members.title", { name: isolate(centre.name) })}</h1>
      <p className="actions">
        <Link to={href(`/manage/centres/${centre.slug}/facilities`)}>{t("network.centre.facilitiesTitle")}</Link>
      </p>

      <RowActionError message={remove?.formError} />
      {centre.members.length === 0 ? (
        <p className="meta">{t("network.centre.noMembers")}</p>
      ) : (
        <table className="stacked-table">
          <thead>
            <tr>
              <th scope="col">{t("network.label.institution")}</th>
              <th scope="col">{t("network.label.country")}</th>
              <th scope="col">{t("network.label.joined")}</th>
              <ActionsColumnHeader />
            </tr>
          </thead>
          <tbody>
            {centre.members.map((member) => (
              <tr key={member.organisation.id}>
                <td data-label={t("network.label.institution")}>{member.organisation.name}</td>
                <td data-label={t("network.label.country")}>
                  {member.organisation.country ? names.country(member.organisation.country) : ""}
                </td>
                <td data-label={t("network.label.joined")}>{member.joinedOn ? names.partialDate(member.joinedOn) : ""}</td>
                <td>
                  <RowActionForm
                    intent="remove"
                    fields={{ organisation: member.organisation.slug }}
                    label={t("network.members.remove")}
                    subject={member.organisation.name}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <section aria-labelledby="add-title" className="panel">
        <h2 id="add-title">{t("network.members.addExisting")}</h2>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="add" />
          <ErrorSummary
            idPrefix="add"
            formError={add?.formError}
            errors={add?.fields}
            labels={{ organisationId: t("network.label.institution"), ...membershipLabels }}
          />
          <div className="form-grid">
            <SelectField
              idPrefix="add"
              name="organisationId"
              label={t("network.label.institution")}
              options={candidates}
              emptyLabel={t("network.form.choose")}
              required
              defaultValue={add?.values.organisationId}
              errors={add?.fields}
            />
            <TextField
              idPrefix="add"
              name="joinedOn"
              label={t("network.label.joined")}
              hint={t("network.form.partialDateHint")}
              defaultValue={add?.values.joinedOn}
              errors={add?.fields}
            />
            <TextField
              idPrefix="add"
              name="agreement"
              label={t("network.label.agreement")}
              defaultValue={add?.values.agreement}
              errors={add?.fields}
            />
          </div>
          <p>
            <button type="submit">{t("network.members.add")}</button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="create-title" className="panel">
        <h2 id="create-title">{t("network.members.createUniversity")}</h2>
        <Form method="post" className="stack">
          <CsrfField />
          <input type="hidden" name="intent" value="create" />
          <ErrorSummary
            idPrefix="new"
            formError={create?.formError}
            errors={create?.fields}
            labels={{
              name: t("network.label.name"),
              country: t("network.label.country"),
              city: t("network.label.city"),
              website: t("network.label.website"),
              ...membershipLabels,
            }}
          />
          <div className="form-grid">
            <TextField
              idPrefix="new"
              name="name"
              label={t("network.label.name")}
              required
              defaultValue={create?.values.name}
              errors={create?.fields}
            />
            <SelectField
              idPrefix="new"
              name="country"
              label={t("network.label.country")}
              options={countries}
              emptyLabel={t("network.form.choose")}
              defaultValue={create?.values.country ?? centre.country}
              errors={create?.fields}
            />
            <TextField
              idPrefix="new"
              name="city"
              label={t("network.label.city")}
              defaultValue={create?.values.city}
              errors={create?.fields}
            />
            <TextField
              idPrefix="new"
              name="website"
              type="url"
              label={t("network.label.website")}
              defaultValue={create?.values.website}
              errors={create?.fields}
            />
            <TextField
              idPrefix="new"
              name="joinedOn"
              label={t("network.label.joined")}
              hint={t("network.form.partialDateHint")}
              defaultValue={create?.values.joinedOn}
              errors={create?.fields}
            />
          </div>
          <p>
            <button type="submit">{t("network.members.createAndAdd")}</button>
          </p>
        </Form>
      </section>
    </main>
  );
}
