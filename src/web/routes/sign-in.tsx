import { Form, Link, redirect, useSearchParams } from "react-router";
import { translatorFor } from "../../i18n/translator.server.ts";
import { CsrfField } from "../components/csrf.tsx";
import { failureWithValues } from "../components/form-failure.server.ts";
import { ErrorSummary, TextField } from "../components/form-fields.tsx";
import { pageTitle, routeLocale } from "../components/route-locale.ts";
import { appContext } from "../context.ts";
import { useHref, useT } from "../i18n.tsx";
import { safeNext, sessionCookie } from "../session.server.ts";
import type { Route } from "./+types/sign-in.ts";

export function loader({ request, params, context }: Route.LoaderArgs) {
  const locale = routeLocale(params);
  if (context.get(appContext).actor) throw redirect(safeNext(new URL(request.url).searchParams.get("next"), `/${locale}`));
  return { title: translatorFor(locale)("identity.signIn.title") };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const locale = routeLocale(params);
  const { services, secureCookies, clientIp } = context.get(appContext);
  const form = await request.formData();
  const values = { email: String(form.get("email") ?? "") };
  try {
    const { sessionToken } = await services.identity.signIn({
      ...values,
      password: String(form.get("password") ?? ""),
      clientKey: clientIp,
    });
    return redirect(safeNext(form.get("next"), `/${locale}`), { headers: { "set-cookie": sessionCookie(sessionToken, secureCookies) } });
  } catch (error) {
    return failureWithValues(error, locale, values);
  }
}

export function meta({ loaderData }: Route.MetaArgs) {
  return pageTitle(loaderData?.title);
}

export default function SignIn({ actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const [search] = useSearchParams();
  const next = search.get("next");
  const errors = actionData?.fields;
  const labels = { email: t("identity.field.email"), password: t("identity.field.password") };
  return (
    <main id="main" className="page narrow">
      <h1>{t("identity.signIn.title")}</h1>
      <Form method="post" noValidate>
        <CsrfField />
        {next && <input type="hidden" name="next" value={next} />}
        <ErrorSummary formError={actionData?.formError} errors={errors} labels={labels} />
        <TextField name="email" type="email" label={labels.email} errors={errors} defaultValue={actionData?.values.email} required />
        <TextField name="password" type="password" label={labels.password} errors={errors} required />
        <button type="submit">{t("identity.signIn.submit")}</button>
      </Form>
      <p>
        <Link to={href("/forgot-password")}>{t("identity.signIn.forgot")}</Link>
      </p>
      <p>
        {t("identity.signIn.noAccount")} <Link to={href("/sign-up")}>{t("identity.signUp.title")}</Link>
      </p>
    </main>
  );
}
