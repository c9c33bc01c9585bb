import { Form, redirect } from "react-router";
import { can } from "../../domain/identity/permissions.ts";
import type { Role } from "../../domain/shared/actor.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField, TextField } from "../components/form-fields.tsx";
import { allOrganisations } from "../components/network-data.server.ts";
import { pageTitle } from "../components/route-locale.ts";
import { RowActionError, RowActionForm } from "../components/row-action.tsx";
import { forbiddenPage, requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { useT } from "../i18n.tsx";
import type { Route } from "./+types/manage-people.ts";

/** The roles of the network as a whole are the "network" scope; every other scope is an organisation. */
const NETWORK = "network";

export async function loader(args: Route.LoaderArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const organisations = await allOrganisations(services, locale);
  const scopes = [
    ...(can(actor, "team.manage", null) ? [{ value: NETWORK, label: translatorFor(locale)("identity.team.network") }] : []),
    ...organisations
      .filter((o) => can(actor, "team.manage", o.id))
      .map((o) => ({ value: o.id, label: o.name }))
      .sort((a, b) => a.label.localeCompare(b.label, locale)),
  ];
  if (scopes.length === 0) throw forbiddenPage();
  const wanted = new URL(args.request.url).searchParams.get("org");
  const scope = scopes.find((s) => s.value === wanted) ?? scopes[0]!;
  const organisationId = scope.value === NETWORK ? null : scope.value;
  const team = await services.identity.teamOf(actor, organisationId);
  return {
    title: translatorFor(locale)("identity.team.title"),
    scopes,
    scope: scope.value,
    team: team.map((person) => ({
      id: person.id,
      name: person.name,
      email: person.email,
      roles: person.roles.filter((g) => g.organisationId === organisationId).map((g) => g.role),
    })),
    grantable: await services.identity.grantableRoles(actor, organisationId),
  };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

/** Two forms post here: give a role to an address, take one away from a person. */
export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const form = await args.request.formData();
  const intent = text(form, "intent");
  const scope = text(form, "scope");
  const organisationId = scope === NETWORK ? null : scope;
  const values = { email: text(form, "email"), role: text(form, "role") };
  try {
    if (intent === "revoke") {
      await services.identity.revokeRole(actor, text(form, "userId"), { role: values.role as Role, organisationId });
    } else {
      await services.identity.grantRoleByEmail(actor, { email: values.email, role: values.role as Role, organisationId });
    }
  } catch (error) {
    return failureWithValues(error, locale, values, intent);
  }
  return redirect(`/${locale}/manage/people?org=${encodeURIComponent(scope)}`, 303);
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function ManagePeople({ loaderData, actionData }: Route.ComponentProps) {
  const { scopes, scope, team, grantable } = loaderData;
  const t = useT();
  const revoke = actionData?.intent === "revoke" ? actionData : undefined;
  const grant = actionData?.intent === "grant" ? actionData : undefined;
  const roleLabel = (role: Role) => t(`identity.role.${role}`);
  return (
    <main id="main" className="page">
      <h1>{t("identity.team.title")}</h1>
      <p className="meta">{t("identity.team.intro")}</p>

      <Form method="get" className="filters">
        <SelectField name="org" label={t("identity.team.scope")} options={scopes} defaultValue={scope} />
        <p>
          <button type="submit" className="secondary">
            {t("identity.team.show")}
          </button>
        </p>
      </Form>

      <RowActionError message={revoke?.formError} />
      {team.length === 0 ? (
        <p className="meta">{t("identity.team.empty")}</p>
      ) : (
        <table className="stacked-table">
          <thead>
            <tr>
              <th scope="col">{t("identity.team.person")}</th>
              <th scope="col">{t("identity.team.roles")}</th>
            </tr>
          </thead>
          <tbody>
            {team.map((person) => (
              <tr key={person.id}>
                <td data-label={t("identity.team.person")}>
                  {person.name}
                  <br />
                  <span className="meta">{person.email}</span>
                </td>
                <td data-label={t("identity.team.roles")}>
                  <ul className="plain">
                    {person.roles.map((role) => (
                      <li key={role} className="row-with-action">
                        <span>{roleLabel(role)}</span>
                        {grantable.includes(role) && (
                          <RowActionForm
                            intent="revoke"
                            fields={{ userId: person.id, role, scope }}
                            label={t("identity.team.remove", { role: roleLabel(role) })}
                            subject={person.name}
                          />
                        )}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {grantable.length > 0 && (
        <section aria-labelledby="grant-title" className="panel">
          <h2 id="grant-title">{t("identity.team.grantTitle")}</h2>
          <Form method="post" className="stack">
            <CsrfField />
            <input type="hidden" name="intent" value="grant" />
            <input type="hidden" name="scope" value={scope} />
            <ErrorSummary
              idPrefix="grant"
              formError={grant?.formError}
              errors={grant?.fields}
              labels={{ email: t("identity.team.email"), role: t("identity.team.role") }}
            />
            <div className="form-grid">
              <TextField
                idPrefix="grant"
                name="email"
                type="email"
                label={t("identity.team.email")}
                required
                defaultValue={grant?.values.email}
                errors={grant?.fields}
              />
              <SelectField
                idPrefix="grant"
                name="role"
                label={t("identity.team.role")}
                options={grantable.map((role) => ({ value: role, label: roleLabel(role) }))}
                defaultValue={grant?.values.role}
                errors={grant?.fields}
              />
            </div>
            <p>
              <button type="submit">{t("identity.team.grant")}</button>
            </p>
          </Form>
        </section>
      )}
    </main>
  );
}
