import { Form } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, TextField } from "../components/form-fields.tsx";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { appContext } from "../context.ts";
import { useT } from "../i18n.tsx";
import type { Route } from "./+types/forgot-password.ts";

export function loader({ params }: Route.LoaderArgs) {
  return { title: translatorFor(routeLocale(params))("identity.forgot.title") };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = routeLocale(params);
  const { services } = context.get(appContext);
  const values = { email: String((await request.formData()).get("email") ?? "") };
  try {
    await services.identity.requestPasswordReset({ email: values.email, locale });
    return { ok: true as const, email: values.email.trim() };
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const t = useT();
  if (actionData?.ok) {
    return (
      <main id="main" className="page narrow">
        <h1>{t("identity.forgot.title")}</h1>
        <p className="notice" role="status">
          {t("identity.forgot.sent", { email: actionData.email })}
        </p>
      </main>
    );
  }
  const errors = actionData?.fields;
  const labels = { email: t("identity.field.email") };
  return (
    <main id="main" className="page narrow">
      <h1>{t("identity.forgot.title")}</h1>
      <p>{t("identity.forgot.intro")}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <ErrorSummary formError={actionData?.formError} errors={errors} labels={labels} />
        <TextField name="email" type="email" label={labels.email} errors={errors} defaultValue={actionData?.values.email} required />
        <button type="submit">{t("identity.forgot.submit")}</button>
      </Form>
    </main>
  );
}
