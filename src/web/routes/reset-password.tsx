import { Form, Link, redirect } from "react-router";
import { PASSWORD_MIN } from "../../domain/identity/validation.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, TextField } from "../components/form-fields.tsx";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import { sessionCookie } from "../session.server.ts";
import type { Route } from "./+types/reset-password.ts";

export function loader({ params }: Route.LoaderArgs) {
  return { title: translatorFor(routeLocale(params))("identity.reset.title") };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = routeLocale(params);
  const { services, secureCookies } = context.get(appContext);
  const password = String((await request.formData()).get("password") ?? "");
  try {
    const { sessionToken } = await services.identity.resetPassword({ token: params.token, password });
    return redirect(`/${locale}/account?passwordChanged`, { headers: { "set-cookie": sessionCookie(sessionToken, secureCookies) } });
  } catch (error) {
    return failureWithValues(error, locale, {});
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export default function ResetPassword({ actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const errors = actionData?.fields;
  const labels = { password: t("identity.field.newPassword") };
  return (
    <main id="main" className="page narrow">
      <h1>{t("identity.reset.title")}</h1>
      <p>{t("identity.reset.intro")}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <ErrorSummary formError={actionData?.formError} errors={errors} labels={labels} />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          hint={t("identity.field.passwordHint", { min: PASSWORD_MIN })}
          errors={errors}
          required
        />
        <button type="submit">{t("identity.reset.submit")}</button>
      </Form>
      <p>
        <Link to={href("/forgot-password")}>{t("identity.reset.requestAgain")}</Link>
      </p>
    </main>
  );
}
