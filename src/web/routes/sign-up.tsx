import { Form, Link, redirect } from "react-router";
import { PASSWORD_MIN } from "../../domain/identity/validation.ts";
import { isLocale, localeNames, locales } from "../../i18n/locales.ts";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, SelectField, TextField } from "../components/form-fields.tsx";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { appContext } from "../context.ts";
import { useHref, useLocale, useT } from "../i18n.tsx";
import type { Route } from "./+types/sign-up.ts";

export function loader({ params, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  if (context.get(appContext).actor) throw redirect(`/${locale}`);
  return { title: translatorFor(locale)("identity.signUp.title") };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = routeLocale(params);
  const { services, clientIp } = context.get(appContext);
  const form = await request.formData();
  const chosen = form.get("locale");
  const values = {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    locale: isLocale(chosen) ? chosen : locale,
  };
  try {
    await services.identity.signUp({ ...values, password: String(form.get("password") ?? "") }, clientIp);
    return redirect(`/${values.locale}/check-email`);
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const locale = useLocale();
  const errors = actionData?.fields;
  const labels = {
    name: t("identity.field.name"),
    email: t("identity.field.email"),
    password: t("identity.field.password"),
    locale: t("identity.field.locale"),
  };
  return (
    <main id="main" className="page narrow">
      <h1>{t("identity.signUp.title")}</h1>
      <p>{t("identity.signUp.intro")}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <ErrorSummary formError={actionData?.formError} errors={errors} labels={labels} />
        <TextField name="name" label={labels.name} errors={errors} defaultValue={actionData?.values.name} required />
        <TextField name="email" type="email" label={labels.email} errors={errors} defaultValue={actionData?.values.email} required />
        <TextField
          name="password"
          type="password"
          label={labels.password}
          hint={t("identity.field.passwordHint", { min: PASSWORD_MIN })}
          errors={errors}
          required
        />
        <SelectField
          name="locale"
          label={labels.locale}
          errors={errors}
          options={locales.map((l) => ({ value: l, label: localeNames[l] }))}
          defaultValue={actionData?.values.locale ?? locale}
        />
        <button type="submit">{t("identity.signUp.submit")}</button>
      </Form>
      <p>
        {t("identity.signUp.haveAccount")} <Link to={href("/sign-in")}>{t("identity.signIn.title")}</Link>
      </p>
    </main>
  );
}
