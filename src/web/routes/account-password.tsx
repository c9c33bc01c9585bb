import { Form, Link, redirect, useSearchParams } from "react-router";
import { PASSWORD_MIN } from "../../domain/identity/validation.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, TextField } from "../components/form-fields.tsx";
import { pageTitle } from "../components/route-locale.ts";
import { requireSignedIn } from "../components/staff-access.server.ts";
import { StatusError } from "../components/status-error.tsx";
import { appContext } from "../context.ts";
import { useFormat, useHref, useT } from "../i18n.tsx";
import type { Route } from "./+types/account-password.ts";

/** A signed-in person changes their password; every other session of the account ends. */
export function loader(args: Route.LoaderArgs) {
  const { locale } = requireSignedIn(args);
  return { title: translatorFor(locale)("identity.password.title") };
}

export async function action(args: Route.ActionArgs) {
  const { actor, services, locale } = requireSignedIn(args);
  const { sessionToken } = args.context.get(appContext);
  const form = await args.request.formData();
  const field = (name: string) => String(form.get(name) ?? "");
  try {
    const { sessionsEnded } = await services.identity.changePassword(
      actor,
      { currentPassword: field("currentPassword"), newPassword: field("newPassword"), confirmation: field("confirmation") },
      sessionToken,
    );
    return redirect(`/${locale}/account/password?changed=${sessionsEnded}`);
  } catch (error) {
    // Passwords are never sent back to the page.
    return failureWithValues(error, locale, {});
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export const ErrorBoundary = StatusError;

export default function AccountPassword({ actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const format = useFormat();
  const [search] = useSearchParams();
  const changed = search.get("changed");
  const errors = actionData?.fields;
  const labels = {
    currentPassword: t("identity.field.currentPassword"),
    newPassword: t("identity.field.newPassword"),
    confirmation: t("identity.field.confirmation"),
  };
  return (
    <main id="main" className="page narrow">
      <p className="breadcrumb">
        <Link to={href("/account")}>{t("identity.password.back")}</Link>
      </p>
      <h1>{t("identity.password.title")}</h1>
      {changed !== null && !actionData && (
        <p className="notice" role="status">
          {t("identity.password.changed", { count: Number(changed) || 0 })}
        </p>
      )}
      <p>{t("identity.password.lead")}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <ErrorSummary formError={actionData?.formError} errors={errors} labels={labels} />
        <TextField name="currentPassword" type="password" label={labels.currentPassword} errors={errors} required />
        <TextField
          name="newPassword"
          type="password"
          label={labels.newPassword}
          hint={t("identity.field.passwordHint", { min: format.number(PASSWORD_MIN) })}
          errors={errors}
          required
        />
        <TextField name="confirmation" type="password" label={labels.confirmation} errors={errors} required />
        <button type="submit">{t("identity.password.submit")}</button>
      </Form>
    </main>
  );
}
